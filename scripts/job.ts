// `npm run job -- <job> [--project-id ID] [--app-id ID]`: runs a job in the foreground through the same
// handler Inngest runs, prints its counters as JSON, and exits non-zero when the run failed.
import { parseArgs } from "node:util";
import { prepareLocalRuntime } from "../lib/runtime/local";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { "project-id": { type: "string" }, "app-id": { type: "string" }, help: { type: "boolean", short: "h" } },
});

const runtime = await prepareLocalRuntime({ log: (line) => console.error(`starboard: ${line}`), share: true });
const { syncJobOf, knownJobs } = await import("../lib/jobs/registry");
const { inlineSteps } = await import("../lib/sync/steps");
const job = positionals[0];
if (!job || values.help || !knownJobs().includes(job as never)) {
  console.error(`usage: npm run job -- <${knownJobs().join(" | ")}> [--project-id ID] [--app-id ID]`);
  await runtime.stop();
  process.exit(job && !values.help ? 2 : 0);
}
let exitCode = 1;
try {
  const handler = await syncJobOf(job).handler();
  const result = await handler({ projectId: values["project-id"], appId: values["app-id"], trigger: "cli", steps: inlineSteps });
  console.log(JSON.stringify(result, null, 2));
  exitCode = result.status === "failed" ? 1 : 0;
} catch (error) {
  console.error(`starboard: ${job} failed: ${(error as Error).message}`);
} finally {
  // Emails and webhooks go out after the sync, in the background: let them finish before the process ends.
  const { settleBackgroundWork } = await import("../lib/jobs/dispatch");
  await settleBackgroundWork().catch(() => {});
  const { closeDb } = await import("../lib/db");
  await closeDb();
  await runtime.stop();
}
process.exit(exitCode);
