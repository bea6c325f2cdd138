// What the lifecycle tests look at: the pid of a data folder's PostgreSQL server, and whether a process lives.
import { readFileSync } from "node:fs";
import path from "node:path";

export { isAlive as alive } from "../../lib/db/embedded";

/** The server's pid from postmaster.pid in its data folder (the folder that holds PG_VERSION). */
export const postmasterPid = (pgDir: string) => Number(readFileSync(path.join(pgDir, "postmaster.pid"), "utf8").split("\n")[0]);
