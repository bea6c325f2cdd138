// Standalone simulator: npm run google-sim -- --port 4020 --scenario tools/google-sim/scenarios/demo.json [--write-key path]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { keyFileOf, startGoogleSim } from "./index";
import type { GoogleScenario, GoogleSimOptionsInput } from "./scenario";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4020" },
    host: { type: "string", default: "127.0.0.1" },
    scenario: { type: "string" },
    options: { type: "string" },
    "write-key": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help) {
  console.log(`Usage: npm run google-sim -- [--port 4020] [--host 127.0.0.1] [--scenario file.json] [--options '{"readsPerWindow":200}'] [--write-key key.json]
  --write-key   write the JSON key file of the first account without a public key to this path (reused when it exists)`);
  process.exit(0);
}

const scenario = values.scenario ? (JSON.parse(readFileSync(values.scenario, "utf8")) as GoogleScenario) : {};
const options = (values.options ? JSON.parse(values.options) : {}) as GoogleSimOptionsInput;

// Restarting keeps an already written key file valid: its public key stands in for a new pair.
const keyPath = values["write-key"];
const keyFile = keyPath ? keyFileOf(scenario, keyPath) : null;

const google = await startGoogleSim({ port: Number(values.port), host: values.host, scenario, options });
console.log(`Google simulator listening on ${google.url} (control API: ${google.url}/__sim/state)`);
console.log(`\nPoint Starboard at it:\n  GOOGLE_OAUTH_TOKEN_URL=${google.tokenUrl}\n  GOOGLE_PLAY_BASE_URL=${google.playBaseUrl}\n  GOOGLE_STORAGE_BASE_URL=${google.storageBaseUrl}\n`);
console.log(`Reports bucket: ${google.sim.scenario.bucket}`);
if (keyPath && keyFile) {
  keyFile.save((email) => google.sim.keyFile(email));
  console.log(keyFile.reused ? `Reusing the key file ${keyPath} for ${keyFile.clientEmail}.` : `Wrote the JSON key file of ${keyFile.clientEmail} to ${keyPath}: upload it in Starboard.`);
}

const shutdown = async () => {
  await google.stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
