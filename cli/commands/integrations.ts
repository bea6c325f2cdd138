import { copyAscIntegration, getAscIntegration, getRun, syncAscIntegration, testAscIntegration } from "@/lib/api/v1/endpoints";
import { usage, type CommandContext } from "../context";
import { day } from "../format";
import { describeCounters, describeProgress, reportRun, waitForRun } from "../wait-for-run";

const PROVIDERS = ["app-store-connect", "asc"];

function provider(ctx: CommandContext, verb: string) {
  const name = ctx.positionals[0];
  if (!name || !PROVIDERS.includes(name)) throw usage(`Usage: starboard integrations ${verb} app-store-connect ...`);
}

/** starboard integrations status app-store-connect --project-id <id> */
export async function integrationsStatus(ctx: CommandContext) {
  provider(ctx, "status");
  const data = await ctx.client().call(getAscIntegration, { projectId: ctx.projectId() });
  ctx.print(data, () => {
    const i = data.integration;
    if (!i) return "App Store Connect is not set up for this project.";
    return [
      `App Store Connect: ${i.enabled ? "enabled" : "disabled"} · ${i.keyType} key ${i.keyId}`,
      `Last test: ${i.lastTest ? `${i.lastTest.ok ? "ok" : "failed"} on ${day(i.lastTest.testedAt)}` : "never"}`,
      `Last sync: ${data.latestRun ? `${describeProgress(data.latestRun)} on ${day(data.latestRun.createdAt)} ${describeCounters(data.latestRun.counters)}` : "never"}`,
    ].join("\n");
  });
}

/** starboard integrations test app-store-connect --project-id <id> */
export async function integrationsTest(ctx: CommandContext) {
  provider(ctx, "test");
  const data = await ctx.client().call(testAscIntegration, { projectId: ctx.projectId() });
  ctx.print(data, () =>
    data.ok
      ? [`Connection ok: the key sees ${data.apps.length} app(s).`, ...data.coverage.map((c) => `  ${c.covered ? "✓" : "✗"} ${c.name} (${c.bundleId ?? "no bundle id"})`)].join("\n")
      : `Connection failed: ${data.error?.detail ?? "unknown error"} — ${data.error?.hint ?? ""}`,
  );
}

/** starboard integrations sync app-store-connect --project-id <id> [--no-wait] */
export async function integrationsSync(ctx: CommandContext) {
  provider(ctx, "sync");
  const started = await ctx.client().call(syncAscIntegration, { projectId: ctx.projectId() });
  if (ctx.flags["no-wait"]) {
    ctx.print(started, () => `Reviews sync ${started.alreadyRunning ? "already running" : "started"}: run ${started.runId}`);
    return;
  }
  reportRun(ctx, await waitForRun(ctx, started.runId, "Reviews sync"), "Reviews sync");
}

/** starboard integrations copy app-store-connect --from <project> --to <project> */
export async function integrationsCopy(ctx: CommandContext) {
  provider(ctx, "copy");
  const from = ctx.flags.from;
  const to = ctx.flags.to;
  if (typeof from !== "string" || typeof to !== "string") throw usage("Usage: starboard integrations copy app-store-connect --from <projectId> --to <projectId>");
  const data = await ctx.client().call(copyAscIntegration, { projectId: to, fromProjectId: from });
  ctx.print(data, () => `Copied key ${data.integration.keyId} into project ${to}. Connection test: ${data.test.ok ? "ok" : `failed (${data.test.error?.detail ?? "unknown"})`}.`);
}

/** starboard runs show <id> */
export async function runsShow(ctx: CommandContext) {
  const runId = ctx.positionals[0];
  if (!runId) throw usage("Usage: starboard runs show <runId>");
  const run = await ctx.client().call(getRun, { runId });
  ctx.print(run, () =>
    [`${run.kind} ${describeProgress(run)} (trigger ${run.trigger})`, `created ${run.createdAt}${run.finishedAt ? ` · finished ${run.finishedAt}` : ""}`, describeCounters(run.counters), run.error ? `error: ${run.error}` : ""]
      .filter(Boolean)
      .join("\n"),
  );
}
