// Who may use the embedded database of a data folder. The process that starts the database owns it
// (`starboard.pid`); a second process — a job from cron next to a running dashboard — attaches to that
// database instead of starting (or stopping) one, and registers itself under `starboard.attached/`, so
// the owner stops the database only once nobody else is using it.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { isAlive } from "../db/embedded";

export type DataDirClaim =
  | { role: "owner"; release(): Promise<void>; attachedPids(): number[] }
  | { role: "attached"; ownerPid: number; release(): Promise<void> };

const lockFile = (dataDir: string) => path.join(dataDir, "starboard.pid");
const attachedDir = (dataDir: string) => path.join(dataDir, "starboard.attached");

async function readOwner(dataDir: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(lockFile(dataDir), "utf8")).trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** Live processes attached to this folder's database (entries of processes that died are removed). */
export function attachedPids(dataDir: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync(attachedDir(dataDir));
  } catch {
    return [];
  }
  const live: number[] = [];
  for (const entry of entries) {
    const pid = Number(entry);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) live.push(pid);
    else rmSync(path.join(attachedDir(dataDir), entry), { force: true });
  }
  return live;
}

/**
 * Claims the folder's database: as its owner when no live Starboard process holds it, else — when the
 * caller may share it — as an attached user of the owner's running database. A process that may not share
 * (a second dashboard) is refused with the owner's pid.
 */
export async function claimDataDir(dataDir: string, options: { share: boolean }): Promise<DataDirClaim> {
  await mkdir(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    const owner = await readOwner(dataDir);
    if (owner !== null) {
      if (!options.share) throw new Error(`Starboard is already running from ${dataDir} (pid ${owner}). Stop it first, or use another STARBOARD_DATA_DIR.`);
      mkdirSync(attachedDir(dataDir), { recursive: true });
      const entry = path.join(attachedDir(dataDir), String(process.pid));
      await writeFile(entry, "");
      const detach = () => rmSync(entry, { force: true });
      process.once("exit", detach);
      return {
        role: "attached",
        ownerPid: owner,
        release: async () => {
          process.off("exit", detach);
          detach();
        },
      };
    }
    // No live owner: any lock left is stale. Exclusive create, so two processes starting together cannot both own it.
    await rm(lockFile(dataDir), { force: true });
    try {
      await writeFile(lockFile(dataDir), String(process.pid), { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw error;
    }
    const unlock = () => rmSync(lockFile(dataDir), { force: true });
    process.once("exit", unlock);
    return {
      role: "owner",
      attachedPids: () => attachedPids(dataDir),
      release: async () => {
        process.off("exit", unlock);
        unlock();
      },
    };
  }
  throw new Error(`Could not claim the data folder ${dataDir}: another Starboard process keeps taking it.`);
}

/** The port a running embedded PostgreSQL listens on, from its postmaster.pid (line 4), or null. */
export async function runningPostgresPort(pgDataDir: string): Promise<number | null> {
  try {
    const lines = (await readFile(path.join(pgDataDir, "postmaster.pid"), "utf8")).split("\n");
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return isAlive(pid) && Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}
