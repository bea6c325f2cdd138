"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { notificationKeys } from "@/components/notifications/query-keys";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { requestReportsSync } from "@/lib/actions/integrations";
import { readV1 } from "@/lib/api/client/dashboard";
import type { EndpointOutput } from "@/lib/api/v1/endpoint";
import { getAscReportsStatus } from "@/lib/api/v1/endpoints";
import { integrationKeys } from "./query-keys";

export type ReportsStatus = EndpointOutput<typeof getAscReportsStatus>;
type Run = NonNullable<ReportsStatus["salesRun"]>;

const isUnfinished = (run: Run | null) => run !== null && (run.status === "queued" || run.status === "running");
const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC" : "—");
const VARIANT = { succeeded: "success", partial: "warning", failed: "danger", running: "info", queued: "neutral" } as const;
const n = (v: number) => v.toLocaleString("en-US");
const plural = (v: number, one: string, many = `${one}s`) => `${n(v)} ${v === 1 ? one : many}`;

function RunLine({ run, label }: { run: Run; label: string }) {
  const done = typeof run.progress?.daysDone === "number" ? run.progress.daysDone : null;
  const total = typeof run.progress?.daysTotal === "number" ? run.progress.daysTotal : null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-[13px]">
        <span className="font-medium">{label}</span>
        <Badge variant={VARIANT[run.status]} dot>
          {run.status}
        </Badge>
        <span className="text-muted-foreground">
          {run.kind === "app_store_sales_backfill" ? "Backfill" : run.kind === "app_store_sales_sync" ? "Daily sync" : "Monthly sync"} ·{" "}
          {run.trigger === "schedule" ? "scheduled" : run.trigger === "cli" ? "job command" : "manual"} · {fmt(run.finishedAt ?? run.startedAt ?? run.createdAt)}
        </span>
        {isUnfinished(run) && done !== null && total !== null ? <span className="text-muted-foreground">· this run: {n(done)} of {n(total)} days asked</span> : null}
      </div>
      {run.error ? (
        <Alert variant={run.status === "failed" ? "error" : "warning"} title={run.status === "failed" ? "The last run failed" : "The last run was incomplete"}>
          <span className="break-words">{run.error}</span>
        </Alert>
      ) : null}
    </div>
  );
}

/**
 * The Sales and Finance reports of the project: how much of the year Apple keeps is stored (pending and failed days
 * apart), the finance months, the latest runs with what went wrong, and "Sync reports". Polled over GET while a run
 * goes; one sales run per project at a time, so a second "Sync reports" follows the running one.
 */
export function ReportsPanel({ projectId, initial }: { projectId: string; initial: ReportsStatus }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, start] = useTransition();
  const [followedRunId, setFollowedRunId] = useState<string | null>(isUnfinished(initial.salesRun) ? initial.salesRun!.id : null);
  const announced = useRef<string | null>(null);
  // Following lasts until the followed run is seen to have ended.
  const follows = (latest: Run | null) => followedRunId !== null && (latest === null || latest.id !== followedRunId || isUnfinished(latest));
  const active = (st: ReportsStatus) => follows(st.salesRun) || isUnfinished(st.salesRun) || isUnfinished(st.financeRun);
  const status = useQuery({
    queryKey: integrationKeys.reports(projectId),
    queryFn: () => readV1(getAscReportsStatus, { projectId }),
    initialData: initial,
    refetchInterval: (query) => (active(query.state.data ?? initial) ? 1500 : false),
  });
  const s = status.data;
  const run = s.salesRun;
  const followed = run !== null && run.id === followedRunId ? run : null;
  const running = follows(run) || isUnfinished(run);

  useEffect(() => {
    if (!followed || isUnfinished(followed) || announced.current === followed.id) return;
    announced.current = followed.id;
    if (followed.status === "succeeded") toast.success(`Sales reports synced: ${n(s.sales.imported + s.sales.noSales)} of ${n(s.sales.days)} days stored`);
    else toast.error(followed.error ?? "The sales report sync did not complete.", { description: "What App Store Connect answered is under “Sales and Finance reports”." });
    router.refresh();
    // A finished run may have notified: the bell asks now rather than at its next poll.
    void queryClient.invalidateQueries({ queryKey: notificationKeys.inbox() });
  }, [followed, s.sales, router, queryClient]);

  const c = s.sales;
  const stored = c.imported + c.noSales;
  const percent = c.days > 0 ? Math.round((stored / c.days) * 100) : 0;
  const f = s.finance;
  return (
    <div className="space-y-4 text-sm" data-testid="reports-status">
      {s.vendorNumber ? (
        <p className="text-muted-foreground">
          Vendor number <span className="font-mono text-foreground">{s.vendorNumber}</span> · Apple keeps daily reports for a year: {c.from} to {c.to}.
        </p>
      ) : (
        <p className="text-muted-foreground">Add the vendor number to the key above to import downloads and revenue from the Sales and Finance reports.</p>
      )}
      <div className="space-y-1.5">
        <p className="font-medium" data-testid="reports-progress" aria-live="polite">
          Imported {n(stored)} of {n(c.days)} days · {n(c.pending)} pending · {n(c.failed)} failed
        </p>
        <div
          role="progressbar"
          aria-label="Days of Sales reports stored"
          aria-valuemin={0}
          aria-valuemax={c.days}
          aria-valuenow={stored}
          aria-valuetext={`${n(stored)} of ${n(c.days)} days`}
          className="h-2 overflow-hidden rounded-full bg-zinc-100"
        >
          <div className="h-full rounded-full bg-accent transition-[width]" style={{ width: `${percent}%` }} />
        </div>
        <p className="text-[13px] text-muted-foreground">
          {[
            c.noSales ? `${plural(c.noSales, "day")} without sales (stored as zero)` : null,
            c.pending ? `${plural(c.pending, "day")} Apple has not published yet, asked again later` : null,
            c.failed ? `${plural(c.failed, "day")} that could not be read, asked again later` : null,
            c.unavailable ? `${plural(c.unavailable, "day")} beyond Apple's retention` : null,
            c.notAsked ? `${plural(c.notAsked, "day")} not asked for yet` : null,
          ]
            .filter(Boolean)
            .join(" · ") || "Every day Apple keeps is stored."}
        </p>
      </div>
      {run ? <RunLine run={run} label="Last sales run" /> : <p className="text-[13px] text-muted-foreground">No sales report run yet.</p>}
      <div className="space-y-2 border-t border-border pt-3">
        <p className="text-[13px]">
          <span className="font-medium">Finance</span>{" "}
          <span className="text-muted-foreground">
            · {n(f.imported)} of {n(f.months)} fiscal months imported{f.noReport ? ` · ${plural(f.noReport, "month")} without a report` : ""}
            {f.pending ? ` · ${n(f.pending)} pending` : ""}
            {f.failed ? ` · ${n(f.failed)} failed` : ""}
            {f.imported < f.months ? " · proceeds of a month without its finance report are estimates" : ""}
          </span>
        </p>
        {s.financeRun ? <RunLine run={s.financeRun} label="Last finance run" /> : null}
      </div>
      {s.canSync ? (
        <div className="flex flex-col gap-2 border-t border-border pt-3 sm:flex-row sm:items-center">
          <Button
            variant="secondary"
            loading={pending || running}
            disabled={!s.vendorNumber}
            onClick={() =>
              start(async () => {
                const result = await requestReportsSync({ projectId });
                if (!result.ok) return void toast.error(result.error.message);
                if (result.data.alreadyRunning) toast.info("A report sync is already running for this project: following it.");
                if (result.data.financeSkipped) toast.info("Finance reports are not asked for with this key.", { description: result.data.financeSkipped });
                setFollowedRunId(result.data.runId);
                void status.refetch();
              })
            }
          >
            <RefreshCw aria-hidden /> {running ? `Syncing… ${n(stored)}/${n(c.days)}` : "Sync reports"}
          </Button>
          <p className="text-[13px] text-muted-foreground">One report sync runs at a time per project; asking again while one runs follows it.</p>
        </div>
      ) : null}
    </div>
  );
}
