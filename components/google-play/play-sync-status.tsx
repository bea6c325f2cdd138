import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import type { PlayAppFailure } from "@/lib/sync/google-play/counters";
import type { SyncRunView } from "@/lib/sync/runs";

const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC" : "—");
const VARIANT = { succeeded: "success", partial: "warning", failed: "danger", running: "info", queued: "neutral" } as const;
const DURING = { reviews: "listing its reviews", review_export: "reading its review exports", ratings_export: "reading its ratings exports" } as const;

/** The latest run of one Play job: outcome, which app stopped and what Google answered, and its main figures. */
export function PlaySyncStatus({ run, label, figures }: { run: SyncRunView | null; label: string; figures: [string, string][] }) {
  if (!run) return <p className="text-sm text-muted-foreground">{label}: not run yet.</p>;
  const c = run.counters;
  const failures = Array.isArray(c.appFailures) ? (c.appFailures as PlayAppFailure[]) : [];
  return (
    <div className="space-y-2 [overflow-wrap:anywhere]" data-testid={`play-run-${run.kind}`}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{label}</span>
        <Badge variant={VARIANT[run.status]} dot>
          {run.status}
        </Badge>
        <span className="text-muted-foreground">
          {run.trigger === "schedule" ? "Scheduled run" : run.trigger === "cli" ? "Job command" : "Manual run"} · {fmt(run.finishedAt ?? run.startedAt ?? run.createdAt)}
        </span>
      </div>
      {run.error ? (
        <Alert variant={run.status === "failed" ? "error" : "warning"} title={run.status === "failed" ? "Stopped" : "Incomplete"}>
          {failures.length ? (
            <ul className="space-y-1">
              {failures.map((f) => (
                <li key={`${f.appId}-${f.during}`}>
                  <span className="font-medium">{f.app}</span> <span className="text-muted-foreground">· {DURING[f.during]}</span>
                  <span className="block break-words">
                    <span className="font-mono text-[12px]">{[f.status, f.code].filter(Boolean).join(" ")}</span>
                    {f.detail ? <> — {f.detail}</> : null}
                  </span>
                  {f.hint ? <span className="block font-medium">{f.hint}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <span className="break-words">{run.error}</span>
          )}
        </Alert>
      ) : null}
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-[13px]">
        {figures.map(([name, key]) => (
          <div key={key} className="flex justify-between gap-2 border-b border-dashed border-border py-1">
            <dt className="text-muted-foreground">{name}</dt>
            <dd className="font-medium tabular-nums">{typeof c[key] === "number" ? (c[key]).toLocaleString("en-US") : "—"}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
