// Everything `npm start`, the job command and the benchmarks need before the app code runs: the secrets
// the embedded default generates once, the database (embedded unless DATABASE_URL is set), migrations
// and a validated configuration.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseEnv, type Env } from "../env-schema";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../db/embedded";
import { migrate } from "../db/migrate";

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
  stop(): Promise<void>;
}

export async function prepareLocalRuntime(options: { log?: (line: string) => void } = {}): Promise<LocalRuntime> {
  const log = options.log ?? ((line: string) => console.log(`starboard: ${line}`));
  const dataDir = dataDirectory();
  let embedded: EmbeddedDatabase | null = null;
  const needsLocalSecrets = !process.env.DATABASE_URL || !process.env.AUTH_SECRET || !process.env.ENCRYPTION_KEY;
  if (needsLocalSecrets) {
    const secrets = await loadOrCreateSecrets(dataDir);
    process.env.AUTH_SECRET ||= secrets.AUTH_SECRET;
    process.env.ENCRYPTION_KEY ||= secrets.ENCRYPTION_KEY;
    if (!process.env.DATABASE_URL) {
      embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), password: secrets.POSTGRES_PASSWORD, log });
      process.env.DATABASE_URL = embedded.url;
      log(`embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${path.relative(process.cwd(), dataDir) || dataDir}/pg)`);
    }
  }
  let env: Env;
  try {
    env = parseEnv(process.env);
    const result = await migrate(env.DATABASE_URL, { log });
    if (result.applied.length === 0) log(`database schema up to date (${result.alreadyApplied} migrations)`);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return { env, embedded, dataDir, stop: async () => embedded?.stop() };
}
