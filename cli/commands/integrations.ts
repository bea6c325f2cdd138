import { copyAscIntegration, getAscIntegration, getRun, syncAscIntegration, testAscIntegration } from "@/lib/api/v1/endpoints";
import { copyPlayIntegration, getPlayIntegration, syncPlayIntegration, testPlayIntegration } from "@/lib/api/v1/google-play-endpoints";
import { CliError, usage, type CommandContext } from "../context";
import { day } from "../format";
import { describeCounters, describeProgress, reportRun, waitForRun } from "../wait-for-run";

const PROVIDERS: Record<string, "asc" | "play"> = { "app-store-connect": "asc", asc: "asc", "google-play": "play", play: "play" };

function provider(ctx: CommandContext, verb: string): "asc" | "play" {
  const name = ctx.positionals[0];
  const found = name ? PROVIDERS[name] : undefined;
  if (!found) throw usage(`Usage: starboard integrations ${verb} app-store-connect|google-play ...`);
  return found;
}

type Upstream = { status: number | null; code: string | null; detail: string | null; hint: string } | null;
const refusal = (e: Upstream) => (e ? `${[e.status, e.code].filter(Boolean).join(" ")} ${e.detail ?? ""} — ${e.hint}`.trim() : "not tried");

/** starboard integrations status app-store-connect --project-id <id> */
export async function integrationsStatus(ctx: CommandContext) {
  if (provider(ctx, "status") === "play") return playStatus(ctx);
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
  if (provider(ctx, "test") === "play") return playTest(ctx);
  const data = await ctx.client().call(testAscIntegration, { projectId: ctx.projectId() });
  ctx.print(data, () =>
    data.ok
      ? [`Connection ok: the key sees ${data.apps.length} app(s).`, ...data.coverage.map((c) => `  ${c.covered ? "✓" : "✗"} ${c.name} (${c.bundleId ?? "no bundle id"})`)].join("\n")
      : `Connection failed: ${data.error?.detail ?? "unknown error"} — ${data.error?.hint ?? ""}`,
  );
}

/** starboard integrations sync app-store-connect --project-id <id> [--no-wait] */
export async function integrationsSync(ctx: CommandContext) {
  const play = provider(ctx, "sync") === "play";
  const label = play ? "Google Play reviews sync" : "Reviews sync";
  const started = await ctx.client().call(play ? syncPlayIntegration : syncAscIntegration, { projectId: ctx.projectId() });
  if (ctx.flags["no-wait"]) {
    ctx.print(started, () => `${label} ${started.alreadyRunning ? "already running" : "started"}: run ${started.runId}`);
    return;
  }
  reportRun(ctx, await waitForRun(ctx, started.runId, label), label);
}

/** starboard integrations copy app-store-connect --from <project> --to <project> */
export async function integrationsCopy(ctx: CommandContext) {
  const which = provider(ctx, "copy");
  const from = ctx.flags.from;
  const to = ctx.flags.to;
  if (typeof from !== "string" || typeof to !== "string") throw usage("Usage: starboard integrations copy app-store-connect|google-play --from <projectId> --to <projectId>");
  if (which === "play") {
    const copied = await ctx.client().call(copyPlayIntegration, { projectId: to, fromProjectId: from });
    ctx.print(copied, () => `Copied the Google Play connection (${copied.connection.clientEmail}) into project ${to}. Connection test: ${copied.test.ok ? "ok" : `failed (${refusal(copied.test.error)})`}. ${copied.runs.length} import(s) started.`);
    return;
  }
  const data = await ctx.client().call(copyAscIntegration, { projectId: to, fromProjectId: from });
  ctx.print(data, () => `Copied key ${data.integration.keyId} into project ${to}. Connection test: ${data.test.ok ? "ok" : `failed (${data.test.error?.detail ?? "unknown"})`}.`);
}

/** starboard integrations status google-play --project-id <id> */
async function playStatus(ctx: CommandContext) {
  const data = await ctx.client().call(getPlayIntegration, { projectId: ctx.projectId() });
  ctx.print(data, () => {
    const c = data.connection;
    if (!c) return "Google Play is not connected for this project.";
    const run = (label: string, r: (typeof data.runs)["reviews"]) => `${label}: ${r ? `${describeProgress(r)} on ${day(r.createdAt)} ${describeCounters(r.counters)}` : "never"}`;
    return [
      `Google Play: ${c.enabled ? "enabled" : "disabled"} · service account ${c.clientEmail} · ${c.reportsBucket ? `bucket ${c.reportsBucket}` : "no reports bucket"}`,
      `Last test: ${c.lastTest ? `${c.lastTest.ok ? "ok" : "failed"} on ${day(c.lastTest.testedAt)}` : "never"}`,
      run("Last reviews sync", data.runs.reviews),
      run("Last review backfill", data.runs.backfill),
      run("Last ratings import", data.runs.ratings),
    ].join("\n");
  });
}

/** starboard integrations test google-play --project-id <id>: each step, and Google's answer where it refused. */
async function playTest(ctx: CommandContext) {
  const data = await ctx.client().call(testPlayIntegration, { projectId: ctx.projectId() });
  ctx.print(data, () =>
    [
      data.ok ? "Connection ok." : "Connection failed:",
      `  ${data.token.ok ? "✓" : "✗"} access token${data.token.ok ? "" : `: ${refusal(data.token.error)}`}`,
      ...data.apps.map((a) => `  ${a.ok ? "✓" : "✗"} ${a.name} (${a.packageName ?? "no package name"})${a.ok ? "" : `: ${refusal(a.error)}`}`),
      ...(data.bucket ? [`  ${data.bucket.ok ? "✓" : "✗"} bucket ${data.bucket.bucket}${data.bucket.ok ? "" : `: ${refusal(data.bucket.error)}`}`] : []),
    ].join("\n"),
  );
  if (!data.ok) throw new CliError("The Google Play connection test failed.");
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
