// Follows a sync run until it finishes, with a progress line on stderr.
import { getRun } from "@/lib/api/v1/endpoints";
import { FINISHED_RUN_STATUSES } from "@/lib/api/v1/schemas/runs";
import type { z } from "zod";
import type { syncRunSchema } from "@/lib/api/v1/schemas/runs";
import type { StarboardClient } from "@/lib/api/client";
import { CliError, type CommandContext } from "./context";

type Run = z.output<typeof syncRunSchema>;

export function describeProgress(run: Run): string {
  const p = run.progress ?? {};
  const parts: string[] = [run.status];
  if (typeof p.storefrontsTotal === "number") parts.push(`${typeof p.storefrontsDone === "number" ? p.storefrontsDone : 0}/${p.storefrontsTotal} storefronts`);
  if (typeof p.app === "string") parts.push(`app ${p.app}`);
  if (typeof p.pages === "number") parts.push(`${p.pages} pages`);
  return parts.join(" · ");
}

export function describeCounters(counters: Record<string, unknown>): string {
  return Object.entries(counters)
    .filter(([, v]) => typeof v === "number" || typeof v === "boolean" || typeof v === "string")
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(" ");
}

/** Polls a run every pollMs until it finishes (or the deadline passes); returns the run as last seen. */
export async function pollRun(
  client: Pick<StarboardClient, "call">,
  runId: string,
  options: { pollMs: number; deadline?: number; onUpdate?: (run: Run) => void },
): Promise<Run> {
  for (;;) {
    const run = await client.call(getRun, { runId });
    options.onUpdate?.(run);
    if ((FINISHED_RUN_STATUSES as readonly string[]).includes(run.status) || (options.deadline !== undefined && Date.now() > options.deadline)) return run;
    await new Promise((r) => setTimeout(r, options.pollMs));
  }
}

export async function waitForRun(ctx: CommandContext, runId: string, label: string): Promise<Run> {
  let last = "";
  const run = await pollRun(ctx.client(), runId, {
    pollMs: ctx.io.env.STARBOARD_POLL_MS,
    onUpdate: (seen) => {
      const line = `${label}: ${describeProgress(seen)}`;
      if (ctx.json || line === last) return;
      // On a terminal the line rewrites itself; in a log each change is its own line.
      ctx.io.err(ctx.io.isErrTty ? `\r\x1b[2K${line}` : `${line}\n`);
      last = line;
    },
  });
  if (!ctx.json && ctx.io.isErrTty) ctx.io.err("\n");
  return run;
}

/** Prints the finished run; a failed run is a failed command. */
export function reportRun(ctx: CommandContext, run: Run, label: string) {
  ctx.print(run, () => [`${label} ${run.status} (run ${run.id})`, describeCounters(run.counters), run.error ? `error: ${run.error}` : ""].filter(Boolean).join("\n"));
  if (run.status === "failed") throw new CliError(`${label} failed${run.error ? `: ${run.error}` : "."}`);
}
