"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { INBOX_QUERY_KEY } from "@/components/notifications/notification-bell";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { integrationStatus, requestReviewsSync } from "@/lib/actions/integrations";

type RunLike = { id: string; status: string; progress: Record<string, unknown> | null; counters: Record<string, unknown>; error: string | null } | null;

/** "Sync reviews": requests a run (one per project at a time) and follows it until it settles. */
export function SyncReviewsButton({ projectId, initialRun, size = "md", variant = "primary" }: { projectId: string; initialRun?: RunLike; size?: "sm" | "md"; variant?: "primary" | "secondary" }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, start] = useTransition();
  const [watching, setWatching] = useState(initialRun ? ["queued", "running"].includes(initialRun.status) : false);
  const announced = useRef<string | null>(null);
  // The run this button follows: only its ending is announced, never an earlier run's (still in the cache).
  const [followedRunId, setFollowedRunId] = useState<string | null>(initialRun && ["queued", "running"].includes(initialRun.status) ? initialRun.id : null);
  const status = useQuery({
    queryKey: ["reviews-sync-status", projectId],
    queryFn: async () => {
      const result = await integrationStatus({ projectId });
      if (!result.ok) throw new Error(result.error.message);
      return result.data.latestRun as RunLike;
    },
    enabled: watching,
    refetchInterval: watching ? 1500 : false,
  });
  const run = status.data ?? initialRun ?? null;
  const active = watching && run !== null && ["queued", "running"].includes(run.status);

  useEffect(() => {
    if (!watching || !run || run.id !== followedRunId || ["queued", "running"].includes(run.status) || announced.current === run.id) return;
    announced.current = run.id;
    setWatching(false);
    const c = run.counters as { inserted?: number; updated?: number; deleted?: number };
    if (run.status === "succeeded") toast.success(`Reviews synced: ${c.inserted ?? 0} new, ${c.updated ?? 0} updated, ${c.deleted ?? 0} removed`);
    else toast.error(run.error ?? "The review sync did not complete.");
    router.refresh();
    // A finished run may have notified: the bell asks now rather than at its next poll.
    void queryClient.invalidateQueries({ queryKey: INBOX_QUERY_KEY });
  }, [watching, run, followedRunId, router, queryClient]);

  const pages = typeof run?.progress?.pages === "number" ? (run.progress.pages as number) : null;
  return (
    <Button
      size={size}
      variant={variant}
      loading={pending || active}
      onClick={() =>
        start(async () => {
          const result = await requestReviewsSync({ projectId });
          if (!result.ok) return void toast.error(result.error.message);
          if (result.data.alreadyRunning) toast.info("A review sync is already running for this project.");
          announced.current = null;
          setFollowedRunId(result.data.runId);
          const requested: RunLike = { id: result.data.runId, status: result.data.status, progress: null, counters: {}, error: null };
          queryClient.setQueryData(["reviews-sync-status", projectId], requested);
          setWatching(true);
          void status.refetch();
        })
      }
    >
      <RefreshCw aria-hidden /> {active ? (pages ? `Syncing… ${pages} pages` : "Syncing…") : "Sync reviews"}
    </Button>
  );
}
