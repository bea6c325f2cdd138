// Sales and Finance reports for an end-to-end test: a simulator of the test's own (the demo key, the reports the test
// describes) and the real report syncs run beside the dashboard on its database (e2e/support/sales-db.ts).
import { execFile } from "node:child_process";
import { createPublicKey } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { startAppleSim, type ReportsConfigInput, type RunningAppleSim } from "../../tools/apple-sim";

const run = promisify(execFile);
const TSX = path.resolve("node_modules/.bin/tsx");
const SCRIPT = path.resolve("e2e/support/sales-db.ts");

/** An Apple simulator that knows the demo key (the one connectAppStoreConnect saves) and serves these reports. */
export async function startReportsSim(reports: ReportsConfigInput): Promise<RunningAppleSim> {
  const privateKeyPem = await readFile(process.env.E2E_ASC_KEY_FILE!, "utf8");
  const publicKeyPem = createPublicKey(privateKeyPem).export({ type: "spki", format: "pem" }).toString();
  return startAppleSim({
    scenario: { keys: [{ keyId: process.env.E2E_ASC_KEY_ID!, issuerId: process.env.E2E_ASC_ISSUER_ID!, type: "team", publicKeyPem }], reports },
    options: { publishDelayMs: null },
  });
}

async function salesDb<T>(args: string[], env: Record<string, string> = {}): Promise<T> {
  const { stdout } = await run(TSX, ["--conditions=react-server", SCRIPT, ...args], {
    env: { ...process.env, STARBOARD_DATA_DIR: process.env.E2E_DATA_DIR!, DATABASE_URL: "", ...env },
    timeout: 240_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as T;
}

/** Sets the project's vendor number and runs the sales backfill and the finance sync against the simulator. */
export function syncReports(projectId: string, vendorNumber: string, sim: RunningAppleSim) {
  return salesDb<Record<string, { status: string; counters: Record<string, unknown> }>>(["sync", projectId, vendorNumber], {
    ASC_BASE_URL: sim.ascBaseUrl,
    ASC_REPORTS_CALLS_PER_MINUTE: "0",
  });
}

export interface ExpectedSales {
  latest: string;
  days: { date: string; state: string | null; downloads: string | null }[];
  countries: { country: string; downloads: string }[];
  last7: string | null;
  last30: string | null;
  /** Each app's downloads over the 30 days up to `latest`. */
  apps: { name: string; last30: string | null }[];
}

/** What the page must show for the range, from the stored facts. */
export function expectedSales(projectId: string, from: string, to: string) {
  return salesDb<ExpectedSales>(["expected", projectId, from, to]);
}
