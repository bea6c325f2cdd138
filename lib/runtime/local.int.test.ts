// The data folder shared by the dashboard and jobs started beside it (from cron): a job uses the running
// dashboard's database and never stops it; the dashboard stops cleanly on Ctrl-C.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { useScratchDirs } from "@/test/scratch-dirs";
import { alive, postmasterPid } from "@/test/support/postgres-process";

const scratchDir = useScratchDirs();
const running = new Set<ChildProcessWithoutNullStreams>();

/** Children get the data folder and no database of their own, as `npm start` and `npm run job` would. */
function childEnv(dataDir: string) {
  return { ...process.env, STARBOARD_DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: "", ENCRYPTION_KEY: "" };
}

function spawnNode(args: string[], dataDir: string) {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { env: childEnv(dataDir) });
  running.add(child);
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function holdRuntime(dataDir: string, ...flags: string[]) {
  const holder = spawnNode(["test/support/hold-runtime.ts", ...flags], dataDir);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /READY (\S+)/.exec(holder.output());
      if (match) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 100);
    void holder.exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`holder exited (${code}):\n${holder.output()}`));
    });
  });
  return { ...holder, url };
}

async function query(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const postgresOf = (dataDir: string) => postmasterPid(path.join(dataDir, "pg"));

afterEach(async () => {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
    }
  }
  running.clear();
});

describe("a job beside a running dashboard", () => {
  it("uses the dashboard's database, leaves it running, and its writes are visible to the dashboard", async () => {
    const dataDir = await scratchDir("starboard-runtime-");
    const dashboard = await holdRuntime(dataDir);
    const postgres = postgresOf(dataDir);

    const job = spawnNode(["--conditions=react-server", "scripts/job.ts", "app_version_sync"], dataDir);
    expect(await job.exited, job.output()).toBe(0);
    expect(job.output()).toContain(`using the database of the Starboard process running from this folder (pid ${dashboard.child.pid})`);
    expect(job.output()).not.toContain("stopping a PostgreSQL server");
    const result = JSON.parse(job.output().slice(job.output().indexOf("{"))) as { runId: string };

    expect(alive(postgres)).toBe(true);
    const runs = await query(dashboard.url, "SELECT kind, trigger FROM sync_runs WHERE id = $1", [result.runId]);
    expect(runs).toEqual([{ kind: "app_version_sync", trigger: "cli" }]);
    expect(existsSync(path.join(dataDir, "starboard.attached", String(job.child.pid)))).toBe(false);

    dashboard.child.kill("SIGINT");
    expect(await dashboard.exited).toBe(0);
    expect(dashboard.output()).toMatch(/SIGINT: stopping\n.*stopped/s);
    expect(alive(postgres)).toBe(false);
    expect(existsSync(path.join(dataDir, "starboard.pid"))).toBe(false);
  }, 120_000);

  it("a second dashboard on the same folder is refused and the first keeps its database", async () => {
    const dataDir = await scratchDir("starboard-runtime-");
    const first = await holdRuntime(dataDir);
    const second = spawnNode(["test/support/hold-runtime.ts"], dataDir);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain(`Starboard is already running from ${dataDir} (pid ${first.child.pid})`);
    expect(await query(first.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
  }, 120_000);

  it("the dashboard stops its database only once an attached job is done", async () => {
    const dataDir = await scratchDir("starboard-runtime-");
    const dashboard = await holdRuntime(dataDir);
    const job = await holdRuntime(dataDir, "--share");
    const postgres = postgresOf(dataDir);

    dashboard.child.kill("SIGTERM");
    await expect.poll(() => dashboard.output(), { timeout: 10_000 }).toContain("waiting for a job using the database to finish");
    expect(await query(job.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    expect(alive(postgres)).toBe(true);

    job.child.kill("SIGTERM");
    expect(await job.exited).toBe(0);
    expect(await dashboard.exited).toBe(0);
    expect(alive(postgres)).toBe(false);
  }, 120_000);
});
