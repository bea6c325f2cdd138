// Temporary folders for a test file, removed when the file's tests are done: a test run leaves nothing behind.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

export function useScratchDirs() {
  const made: string[] = [];
  afterAll(async () => {
    for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  return async (prefix = "starboard-") => {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
