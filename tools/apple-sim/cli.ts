// Standalone simulator: npm run apple-sim -- --port 4010 --scenario tools/apple-sim/scenarios/demo.json [--write-key path]
import { createPrivateKey, createPublicKey } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startAppleSim } from "./index";
import type { Scenario, SimOptionsInput } from "./scenario";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    scenario: { type: "string" },
    options: { type: "string" },
    "write-key": { type: "string" },
    "itunes-rate": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help) {
  console.log(`Usage: npm run apple-sim -- [--port 4010] [--host 127.0.0.1] [--scenario file.json] [--options '{"publishDelayMs":5000}']
                        [--write-key AuthKey.p8] [--itunes-rate 20]
  --write-key   write the private key of the first generated key to this path (a usable .p8)
  --itunes-rate answer 403 above this many lookups per minute, like Apple`);
  process.exit(0);
}

const scenario = values.scenario ? (JSON.parse(readFileSync(values.scenario, "utf8")) as Scenario) : {};
const options = values.options ? (JSON.parse(values.options) as SimOptionsInput) : {};
if (values["itunes-rate"]) options.itunesRateLimit = { calls: Number(values["itunes-rate"]), windowMs: 60_000 };

// Restarting the demo keeps an already written .p8 valid: reuse it instead of generating a new pair.
let reusedKeyId: string | null = null;
const keyPath = values["write-key"];
if (keyPath && existsSync(keyPath)) {
  const firstGenerated = scenario.keys?.find((k) => !k.publicKeyPem);
  if (firstGenerated) {
    const publicKeyPem = createPublicKey(createPrivateKey(readFileSync(keyPath, "utf8"))).export({ type: "spki", format: "pem" }).toString();
    firstGenerated.publicKeyPem = publicKeyPem;
    reusedKeyId = firstGenerated.keyId;
  }
}

const apple = await startAppleSim({ port: Number(values.port), host: values.host, scenario, options });
const summary = apple.sim.summary();
console.log(`Apple simulator listening on ${apple.url}`);
console.log(`  apps: ${summary.apps.length}, reviews: ${Object.values(summary.reviews).reduce((a, b) => a + b, 0)}, control API: ${apple.url}/__sim/state`);
console.log(`\nPoint Starboard at it:\n  ITUNES_BASE_URL=${apple.itunesBaseUrl}\n  ASC_BASE_URL=${apple.ascBaseUrl}\n`);

const generated = apple.sim.keys().filter((k) => k.privateKeyPem);
for (const key of apple.sim.keys()) {
  console.log(`Key ${key.keyId} (${key.type}${key.issuerId ? `, issuer ${key.issuerId}` : ""})${key.privateKeyPem ? " — generated at start" : ""}`);
}
if (reusedKeyId) {
  console.log(`\nReusing the private key in ${keyPath} for ${reusedKeyId}.`);
} else if (keyPath) {
  const key = generated[0];
  if (!key) {
    console.error("--write-key: the scenario has no key without publicKeyPem, so there is no generated private key to write.");
  } else {
    writeFileSync(keyPath, key.privateKeyPem!, { mode: 0o600 });
    console.log(`\nWrote the private key of ${key.keyId} to ${keyPath} — upload it in Starboard with key id ${key.keyId}${key.issuerId ? ` and issuer id ${key.issuerId}` : ""}.`);
  }
} else if (generated.length > 0) {
  console.log(`\nUse --write-key <path> to save a generated key as a .p8 file (or GET ${apple.url}/__sim/keys).`);
}

const shutdown = async () => {
  await apple.stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
