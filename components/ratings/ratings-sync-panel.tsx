"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { notificationKeys } from "@/components/notifications/query-keys";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { Tooltip } from "@/components/ui/tooltip";
import { requestRatingsSync } from "@/lib/actions/ratings";
import type { SyncRunView } from "@/lib/sync/runs";
import { readV1 } from "@/lib/api/client/dashboard";
import { ratingsSyncStatus } from "@/lib/api/v1/ratings-endpoints";
import type { EndpointOutput } from "@/lib/api/v1/endpoint";
import { ratingKeys } from "./query-keys";
import { formatCount } from "./format";
import { RelativeTime } from "@/components/ui/relative-time";

/** "Sync ratings" with the run's progress (storefronts done of 175), its counters when done, errors in words. */
export function RatingsSyncPanel({ projectId }: { projectId: string }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [starting, setStarting] = useState(false);
  const key = ratingKeys.sync(projectId);
  const status = useQuery({
    queryKey: key,
    queryFn: () => readV1(ratingsSyncStatus, { projectId }),
    refetchInterval: (q) => (q.state.data?.active ? 1_500 : false),
    staleTime: 0,
  });
  const activeId = status.data?.active?.id ?? null;
  const previousActive = useRef<string | null>(null);
  useEffect(() => {
    // A run just finished: the cards are server-rendered, refresh them and every ratings query.
    if (previousActive.current && !activeId) {
      router.refresh();
      // A finished run may have notified: the bell asks now rather than at its next poll.
      void queryClient.invalidateQueries({ queryKey: notificationKeys.inbox() });
      void queryClient.invalidateQueries({ queryKey: ratingKeys.figures() });
    }
    previousActive.current = activeId;
  }, [activeId, queryClient, router]);

  async function start() {
    if (status.data?.active) {
      toast.info("A ratings sync is already running for this project; its progress is shown here.");
      return;
    }
    setStarting(true);
    try {
      const result = await requestRatingsSync({ projectId });
      if (!result.ok) {
        toast.error("Could not start the ratings sync", { description: result.error.message });
        return;
      }
      if (result.data.alreadyRunning) toast.info("A ratings sync is already running for this project; its progress is shown here.");
      queryClient.setQueryData<EndpointOutput<typeof ratingsSyncStatus>>(key, (old) => (old ? { ...old, active: result.data.run } : old));
      void status.refetch();
    } finally {
      setStarting(false);
    }
  }

  const data = status.data;
  const button = (
    <Button onClick={() => void start()} loading={starting} disabled={!data?.canSync || starting} variant={data?.active ? "secondary" : "primary"} data-testid="sync-ratings">
      <RefreshCw className={`size-4 ${data?.active ? "animate-spin" : ""}`} aria-hidden />
      {data?.active ? "Syncing…" : "Sync ratings"}
    </Button>
  );
  return (
    <div className="flex flex-col gap-3 rounded-card border border-border bg-white px-4 py-3 shadow-card sm:flex-row sm:items-center sm:justify-between" data-testid="ratings-sync-panel">
      <div className="min-w-0 flex-1" aria-live="polite">
        {status.isPending ? (
          <p className="text-sm text-muted-foreground">Loading sync status…</p>
        ) : status.isError ? (
          <p className="text-sm text-red-700">Could not load the sync status: {status.error.message}</p>
        ) : data!.active ? (
          <RunProgress run={data!.active} />
        ) : data!.last ? (
          <LastRun run={data!.last} />
        ) : (
          <p className="text-sm text-muted-foreground">
            Ratings have not been synced yet. They are snapshotted daily at 04:30 UTC in all 175 App Store storefronts.
          </p>
        )}
      </div>
      {data && !data.canSync ? (
        <Tooltip content={data.cannotSyncReason}>
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a tooltip trigger: focus is how keyboard users read why */}
          <span tabIndex={0} className="shrink-0" aria-label={`Sync ratings is unavailable: ${data.cannotSyncReason}`}>
            {button}
          </span>
        </Tooltip>
      ) : (
        <div className="shrink-0">{button}</div>
      )}
      {data && !data.canSync ? <p className="text-xs text-muted-foreground sm:hidden">{data.cannotSyncReason}</p> : null}
    </div>
  );
}

function RunProgress({ run }: { run: SyncRunView }) {
  const done = Number(run.progress?.storefrontsDone ?? 0);
  const total = Number(run.progress?.storefrontsTotal ?? 175);
  const pct = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div className="space-y-1.5" data-testid="sync-progress">
      <p className="text-sm font-medium">
        {run.status === "queued" ? "Sync queued…" : `Syncing ratings: ${done} of ${total} storefronts`}
        {run.trigger === "schedule" ? <span className="font-normal text-muted-foreground"> · nightly run</span> : null}
      </p>
      <div className="h-1.5 w-full max-w-md overflow-hidden rounded-full bg-muted" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label="Storefronts synced">
        <div className="h-full rounded-full bg-accent transition-[width] duration-500" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

const STATUS_WORDS = { succeeded: "Last sync succeeded", partial: "Last sync finished with gaps", failed: "Last sync failed", queued: "", running: "" } as const;

function LastRun({ run }: { run: SyncRunView }) {
  const c = run.counters as Partial<Record<string, number>>;
  const parts = [
    c.storefrontsFetched !== undefined ? `${c.storefrontsFetched} of ${c.storefronts ?? 175} storefronts` : null,
    c.apps !== undefined ? `${formatCount(c.apps)} ${c.apps === 1 ? "app" : "apps"}` : null,
    c.rowsUpserted !== undefined ? `${formatCount(c.rowsUpserted)} snapshots` : null,
    c.storefrontsNotAttempted ? `${formatCount(c.storefrontsNotAttempted)} storefronts not attempted` : null,
    c.tombstones ? `${formatCount(c.tombstones)} no longer available` : null,
    c.malformedFields
      ? `${formatCount(c.malformedFields)} ${c.malformedFields === 1 ? "value" : "values"} from Apple unreadable (previous figures kept)`
      : null,
    c.notifications ? `${c.notifications} ${c.notifications === 1 ? "notification" : "notifications"}` : null,
    c.throttleHits ? `slowed down ${c.throttleHits}× by Apple` : null,
  ].filter(Boolean);
  return (
    <div className="space-y-1" data-testid="sync-last-run">
      <p className={`text-sm font-medium ${run.status === "failed" ? "text-red-700" : run.status === "partial" ? "text-amber-800" : ""}`}>
        {STATUS_WORDS[run.status]}
        {run.finishedAt ? (
          <span className="font-normal text-muted-foreground">
            {" "}
            · <RelativeTime iso={run.finishedAt} />
            {run.trigger === "schedule" ? " · nightly run" : null}
          </span>
        ) : null}
      </p>
      {parts.length > 0 ? <p className="text-xs text-muted-foreground">{parts.join(" · ")}</p> : null}
      {run.error ? <p className="text-xs text-red-700">{run.error}</p> : null}
    </div>
  );
}
