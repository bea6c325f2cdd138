import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { useScratchDirs } from "@/test/scratch-dirs";
import { alive, postmasterPid } from "@/test/support/postgres-process";
import { startEmbeddedPostgres } from "./embedded";

function holdServer(dir: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/hold-embedded.ts", dir], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise<{ child: typeof child; url: string }>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const match = /READY (\S+)/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.on("exit", (code) => reject(new Error(`holder exited (${code}): ${out}`)));
  });
}

const until = async (check: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  return check();
};

const scratchRoot = useScratchDirs();
const scratchDir = async () => path.join(await scratchRoot("sb-life-"), "pg");

describe("embedded PostgreSQL lifecycle", () => {
  it("recovers from a server orphaned by a killed process and keeps the data", async () => {
    const dir = await scratchDir();
    const { child, url } = await holdServer(dir);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    await client.end();
    const orphan = postmasterPid(dir);
    child.kill("SIGKILL");
    await until(() => child.exitCode !== null || child.signalCode !== null);
    expect(alive(orphan)).toBe(true); // the server outlived its parent

    const db = await startEmbeddedPostgres({ dataDir: dir, password: "lifecycle" });
    try {
      expect(alive(orphan)).toBe(false);
      const again = new pg.Client({ connectionString: db.url });
      await again.connect();
      expect((await again.query("SELECT v FROM kept")).rows).toEqual([{ v: "still here" }]);
      await again.end();
    } finally {
      const pid = postmasterPid(dir);
      await db.stop();
      expect(await until(() => !alive(pid))).toBe(true);
      expect(existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
    }
  });

  it("leaves no server behind after SIGTERM", async () => {
    const dir = await scratchDir();
    const { child } = await holdServer(dir);
    const pid = postmasterPid(dir);
    child.kill("SIGTERM");
    expect(await until(() => !alive(pid))).toBe(true);
  });
});
