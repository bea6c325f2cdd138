import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import type { AppFailure } from "@/lib/sync/reviews/counters";
import type { SyncRunView } from "@/lib/sync/runs";

const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC" : "—");
const VARIANT = { succeeded: "success", partial: "warning", failed: "danger", running: "info", queued: "neutral" } as const;

/** The latest reviews run (nightly included): outcome, Apple's reason when it stopped, and its counters. */
export function SyncStatus({ run }: { run: SyncRunView | null }) {
  if (!run) return <p className="text-sm text-muted-foreground">No review sync has run yet.</p>;
  const c = run.counters as Record<string, number | boolean | string | null | Record<string, number>>;
  const figures: [string, unknown][] = [
    ["Apps", c.apps],
    ["Pages", c.pages],
    ["New", c.inserted],
    ["Updated", c.updated],
    ["Unchanged", c.unchanged],
    ["Unreadable, skipped", c.malformedReviews],
    ["Removed", c.deleted],
    ["Pending checked", c.pendingChecked],
    ["Replies cleared", c.responsesCleared],
    ["Rate-limit waits", c.rateLimitWaits],
  ];
  const errors = Object.entries((c.errorsByStatus as Record<string, number> | undefined) ?? {});
  const withoutId = Array.isArray(c.appsWithoutAppStoreId) ? (c.appsWithoutAppStoreId as string[]) : [];
  const appFailures = Array.isArray(c.appFailures) ? (c.appFailures as unknown as AppFailure[]) : [];
  return (
    <div className="space-y-3" data-testid="sync-status">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge variant={VARIANT[run.status]} dot>
          {run.status}
        </Badge>
        <span className="text-muted-foreground">
          {run.trigger === "schedule" ? "Nightly run" : run.trigger === "cli" ? "Job command" : "Manual run"} · {fmt(run.finishedAt ?? run.startedAt ?? run.createdAt)}
        </span>
      </div>
      {run.error ? (
        <Alert variant={run.status === "failed" ? "error" : "warning"} title={c.aborted ? "Stopped: App Store Connect refused the key" : "Incomplete"}>
          {appFailures.length > 0 ? <AppFailureList failures={appFailures} error={run.error} /> : run.error}
        </Alert>
      ) : null}
      {withoutId.length > 0 && !run.error ? (
        <Alert variant="warning" title={`Not synced: ${withoutId.join(", ")}`}>
          {withoutId.length === 1 ? "This app has" : "These apps have"} no App Store id: the App Store does not list{" "}
          {withoutId.length === 1 ? "it" : "them"} and this key does not see {withoutId.length === 1 ? "its" : "their"} bundle id in App Store Connect.
          Check the bundle id, or use a key whose role covers {withoutId.length === 1 ? "the app" : "these apps"}.
        </Alert>
      ) : null}
      {typeof c.pages === "number" ? (
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-[13px] sm:grid-cols-3">
          {figures.map(([label, value]) => (
            <div key={label} className="flex justify-between gap-2 border-b border-dashed border-border py-1">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="font-medium tabular-nums">{typeof value === "number" ? value.toLocaleString("en-US") : "—"}</dd>
            </div>
          ))}
          {errors.map(([status, n]) => (
            <div key={status} className="flex justify-between gap-2 border-b border-dashed border-border py-1 text-red-700">
              <dt>Errors {status}</dt>
              <dd className="font-medium tabular-nums">{n}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}

/** Which app, where it stopped, and Apple's own answer (status, code, detail) with what to do. */
function AppFailureList({ failures, error }: { failures: AppFailure[]; error: string }) {
  return (
    <div className="space-y-2" data-testid="sync-app-failures">
      <ul className="space-y-2">
        {failures.map((f) => (
          <li key={`${f.appId}-${f.during}`}>
            <span className="font-medium">{f.app}</span>
            <span className="text-muted-foreground">
              {" "}
              · {f.during === "replies" ? "re-reading its replies" : "paging its reviews"}
              {f.inserted > 0 ? ` · ${f.inserted.toLocaleString("en-US")} new reviews kept` : ""}
            </span>
            <span className="block break-words">
              <span className="font-mono text-[12px]">{[f.status === "network" ? "no answer" : f.status, f.code].filter(Boolean).join(" ")}</span>
              {f.detail ? <> — {f.detail}</> : null}
            </span>
            {f.hint ? <span className="block font-medium">{f.hint}</span> : null}
          </li>
        ))}
      </ul>
      <details className="text-xs">
        <summary className="cursor-pointer">Full message</summary>
        <p className="mt-1 break-words">{error}</p>
      </details>
    </div>
  );
}
