// `npm run demo`: Starboard fully offline — the Apple simulator (demo scenario) stands in for iTunes Lookup and App Store
// Connect, the Google simulator (demo scenario) for Google's token endpoint, the Play reviews API and the Play Console
// reports bucket, and the dashboard runs against both with its own data folder (.data/demo).
import { spawn } from "node:child_process";
import { createPrivateKey, createPublicKey } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { startAppleSim, type Scenario } from "../tools/apple-sim";
import { keyFileOf, startGoogleSim, type GoogleScenario } from "../tools/google-sim";

const dataDir = path.resolve(process.env.STARBOARD_DATA_DIR ?? path.join(".data", "demo"));
await mkdir(dataDir, { recursive: true });
const scenario = JSON.parse(await readFile(path.join("tools", "apple-sim", "scenarios", "demo.json"), "utf8")) as Scenario;

// Reuse the demo key across restarts so an integration saved in the dashboard keeps working.
const keyFile = path.join(dataDir, "AuthKey_DEMOKEY123.p8");
const demoKey = scenario.keys?.find((k) => k.keyId === "DEMOKEY123");
if (demoKey && existsSync(keyFile)) {
  demoKey.publicKeyPem = createPublicKey(createPrivateKey(await readFile(keyFile, "utf8"))).export({ type: "spki", format: "pem" }).toString();
}
const apple = await startAppleSim({ port: Number(process.env.APPLE_SIM_PORT ?? 4010), scenario });
const key = apple.sim.keys().find((k) => k.keyId === "DEMOKEY123");
if (key?.privateKeyPem) await writeFile(keyFile, key.privateKeyPem, { mode: 0o600 });

// The Play service account's JSON key, reused across restarts like the .p8 (a connection saved in the dashboard keeps working).
const googleScenario = JSON.parse(await readFile(path.join("tools", "google-sim", "scenarios", "demo.json"), "utf8")) as GoogleScenario;
const playKeyPath = path.join(dataDir, "play-service-account.json");
const playKey = keyFileOf(googleScenario, playKeyPath);
const google = await startGoogleSim({ port: Number(process.env.GOOGLE_SIM_PORT ?? 4020), scenario: googleScenario });
playKey?.save((email) => google.sim.keyFile(email));
const androidApp = google.sim.scenario.apps[0]?.packageName;

console.log(`starboard demo: Apple simulator at ${apple.url}, Google simulator at ${google.url}`);
if (key) console.log(`starboard demo: App Store Connect key ${key.keyId}, issuer ${key.issuerId ?? "(individual key)"}, .p8 at ${path.relative(process.cwd(), keyFile)}`);
console.log("starboard demo: add an app with bundle id com.example.weather to see ratings after “Sync ratings”");
console.log(`starboard demo: vendor number ${apple.sim.reports.config.vendorNumber} (Sales and Finance reports: a year of downloads and revenue for com.example.weather, com.example.notes and com.example.budget)`);
if (playKey && androidApp) {
  console.log(`starboard demo: Google Play service-account key at ${path.relative(process.cwd(), playKeyPath)}, reports bucket ${google.sim.scenario.bucket}`);
  console.log(`starboard demo: add an Android app with package name ${androidApp}, then connect Google Play on the project's Integrations page with that key and bucket`);
}

const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: {
    ...process.env,
    STARBOARD_DATA_DIR: dataDir,
    ITUNES_BASE_URL: apple.itunesBaseUrl,
    ASC_BASE_URL: apple.ascBaseUrl,
    GOOGLE_OAUTH_TOKEN_URL: google.tokenUrl,
    GOOGLE_PLAY_BASE_URL: google.playBaseUrl,
    GOOGLE_STORAGE_BASE_URL: google.storageBaseUrl,
    ITUNES_CALLS_PER_MINUTE: process.env.ITUNES_CALLS_PER_MINUTE ?? "0",
    // The simulator has no hourly budget to protect: a year's backfill takes seconds instead of twelve minutes.
    ASC_REPORTS_CALLS_PER_MINUTE: process.env.ASC_REPORTS_CALLS_PER_MINUTE ?? "0",
  },
});
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on("SIGINT", () => forward("SIGINT"));
process.on("SIGTERM", () => forward("SIGTERM"));
child.on("exit", (code) => {
  void Promise.all([apple.stop(), google.stop()]).finally(() => process.exit(code ?? 0));
});
