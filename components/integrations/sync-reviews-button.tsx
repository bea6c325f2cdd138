"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { notificationKeys } from "@/components/notifications/query-keys";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { requestReviewsSync } from "@/lib/actions/integrations";
import { readV1 } from "@/lib/api/client/dashboard";
import { getAscIntegration } from "@/lib/api/v1/endpoints";
import type { SyncRunView } from "@/lib/sync/runs";
import { integrationKeys } from "./query-keys";

const isUnfinished = (run: SyncRunView) => run.status === "queued" || run.status === "running";

/** "Sync reviews": requests a run (one per project at a time) and follows it until it settles. */
export function SyncReviewsButton({ projectId, initialRun, variant = "primary" }: { projectId: string; initialRun?: SyncRunView | null; variant?: "primary" | "secondary" }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, start] = useTransition();
  // The run this button follows: only its ending is announced, never an earlier run's (still in the cache).
  const [followedRunId, setFollowedRunId] = useState<string | null>(initialRun && isUnfinished(initialRun) ? initialRun.id : null);
  const announcedRunId = useRef<string | null>(null);
  // Following lasts until the followed run is seen to have ended.
  const follows = (latest: SyncRunView | null) => followedRunId !== null && (latest === null || latest.id !== followedRunId || isUnfinished(latest));
  const status = useQuery({
    queryKey: integrationKeys.status(projectId),
    queryFn: () => readV1(getAscIntegration, { projectId }),
    select: (status) => status.latestRun,
    // The query's state holds the unselected answer.
    enabled: (query) => follows(query.state.data?.latestRun ?? initialRun ?? null),
    refetchInterval: (query) => (follows(query.state.data?.latestRun ?? initialRun ?? null) ? 1500 : false),
  });
  const run = status.data ?? initialRun ?? null;
  const followed = run !== null && run.id === followedRunId ? run : null;
  const following = follows(run);

  useEffect(() => {
    if (!followed || isUnfinished(followed) || announcedRunId.current === followed.id) return;
    announcedRunId.current = followed.id;
    const c = followed.counters as { inserted?: number; updated?: number; deleted?: number; appFailures?: { app: string }[] };
    const incomplete = followed.status === "partial" && Array.isArray(c.appFailures) ? c.appFailures.map((f) => f.app) : [];
    if (followed.status === "succeeded") toast.success(`Reviews synced: ${c.inserted ?? 0} new, ${c.updated ?? 0} updated, ${c.deleted ?? 0} removed`);
    else if (incomplete.length > 0) toast.error(`Review sync incomplete: ${incomplete.join(", ")} could not be read completely.`, { description: "What App Store Connect answered is under “Last review sync”." });
    else toast.error(followed.error ?? "The review sync did not complete.");
    router.refresh();
    // A finished run may have notified: the bell asks now rather than at its next poll.
    void queryClient.invalidateQueries({ queryKey: notificationKeys.inbox() });
  }, [followed, router, queryClient]);

  const pages = typeof followed?.progress?.pages === "number" ? followed.progress.pages : null;
  return (
    <Button
      variant={variant}
      loading={pending || following}
      onClick={() =>
        start(async () => {
          const result = await requestReviewsSync({ projectId });
          if (!result.ok) return void toast.error(result.error.message);
          if (result.data.alreadyRunning) toast.info("A review sync is already running for this project.");
          setFollowedRunId(result.data.runId);
          void status.refetch();
        })
      }
    >
      <RefreshCw aria-hidden /> {following ? (pages ? `Syncing… ${pages} pages` : "Syncing…") : "Sync reviews"}
    </Button>
  );
}
