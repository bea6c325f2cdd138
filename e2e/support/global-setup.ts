// Starts the Apple simulator (demo scenario, its generated key written as a .p8), the Google simulator (demo
// scenario, its service account's JSON key written to a file) and Starboard itself via
// `npm start`'s script on a fresh data folder, and stops both afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startAppleSim, type Scenario } from "../../tools/apple-sim";
import { startGoogleSim, type GoogleScenario } from "../../tools/google-sim";

const PORT = Number(process.env.E2E_PORT ?? 3100);

async function waitForReady(child: ChildProcess, log: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Starboard exited early:\n${log()}`);
    if (log().includes("dashboard ready at")) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Starboard did not start within ${timeoutMs / 1000}s:\n${log()}`);
}

export default async function globalSetup() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "starboard-e2e-"));
  // Specs that run a job beside the dashboard (npm run job's way) use its data folder.
  process.env.E2E_DATA_DIR = dataDir;
  const scenario = JSON.parse(await readFile(path.join("tools", "apple-sim", "scenarios", "demo.json"), "utf8")) as Scenario;
  const apple = await startAppleSim({ scenario, options: { publishDelayMs: null } });
  const keys = (await (await fetch(`${apple.url}/__sim/keys`)).json()) as Array<{ keyId: string; issuerId?: string; privateKeyPem?: string }>;
  const demoKey = keys.find((k) => k.privateKeyPem);
  if (demoKey?.privateKeyPem) {
    const keyFile = path.join(dataDir, `AuthKey_${demoKey.keyId}.p8`);
    await writeFile(keyFile, demoKey.privateKeyPem);
    process.env.E2E_ASC_KEY_FILE = keyFile;
    process.env.E2E_ASC_KEY_ID = demoKey.keyId;
    process.env.E2E_ASC_ISSUER_ID = demoKey.issuerId ?? "";
  }
  process.env.E2E_APPLE_SIM_URL = apple.url;

  const googleScenario = JSON.parse(await readFile(path.join("tools", "google-sim", "scenarios", "demo.json"), "utf8")) as GoogleScenario;
  const google = await startGoogleSim({ scenario: googleScenario });
  const playAccount = [...google.sim.accounts.values()].find((a) => a.keyFile);
  if (playAccount?.keyFile) {
    const keyFile = path.join(dataDir, "demo-play-project-service-account.json");
    await writeFile(keyFile, playAccount.keyFile);
    process.env.E2E_PLAY_KEY_FILE = keyFile;
    process.env.E2E_PLAY_CLIENT_EMAIL = playAccount.clientEmail;
  }
  process.env.E2E_GOOGLE_SIM_URL = google.url;

  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      STARBOARD_DATA_DIR: dataDir,
      DATABASE_URL: "",
      ITUNES_BASE_URL: apple.itunesBaseUrl,
      ASC_BASE_URL: apple.ascBaseUrl,
      GOOGLE_OAUTH_TOKEN_URL: google.tokenUrl,
      GOOGLE_PLAY_BASE_URL: google.playBaseUrl,
      GOOGLE_STORAGE_BASE_URL: google.storageBaseUrl,
      ITUNES_CALLS_PER_MINUTE: "0",
      ASC_REPORTS_CALLS_PER_MINUTE: "0",
      INNGEST_DEV: "",
      INNGEST_EVENT_KEY: "",
      INNGEST_BASE_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  await waitForReady(child, () => output, 240_000);

  return async () => {
    // As Ctrl-C would: the dashboard must finish its own shutdown (web server, database, lock) and exit 0.
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", resolve)));
    await apple.stop();
    await google.stop();
    if (process.env.E2E_VERBOSE) console.log(output);
    const lockLeft = existsSync(path.join(dataDir, "starboard.pid"));
    await rm(dataDir, { recursive: true, force: true });
    if (code !== 0 || !output.includes("starboard: stopped") || lockLeft) {
      throw new Error(`Starboard did not stop cleanly on SIGINT (exit ${code}, lock ${lockLeft ? "left" : "removed"}):\n${output.slice(-2000)}`);
    }
  };
}
