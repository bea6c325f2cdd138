"use client";

import { PlugZap, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { requestPlayReviewsSync, testPlayConnection } from "@/lib/actions/google-play";
import type { PlayConnectionTest } from "@/lib/data/google-play/view";
import { PlayTestResult } from "./play-test-result";

/**
 * The last "Test connection" result for Google Play. The stored one (`initial`) is the truth; a fresh test shows at
 * once, before router.refresh() brings it back from the server.
 */
export function PlayConnectionPanel({ projectId, initial, canWrite }: { projectId: string; initial: PlayConnectionTest | null; canWrite: boolean }) {
  const router = useRouter();
  const stored = initial?.testedAt ?? null;
  const [shown, setShown] = useState({ stored, test: initial });
  if (shown.stored !== stored) setShown({ stored, test: initial });
  const test = shown.stored === stored ? shown.test : initial;
  const [testing, startTest] = useTransition();
  const [syncing, startSync] = useTransition();
  return (
    <div className="space-y-3">
      {test ? <PlayTestResult test={test} /> : <p className="text-sm text-muted-foreground">Not tested yet since the key was saved.</p>}
      {canWrite ? (
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            loading={testing}
            onClick={() =>
              startTest(async () => {
                const result = await testPlayConnection({ projectId });
                if (!result.ok) return void toast.error(result.error.message);
                setShown({ stored, test: result.data });
                router.refresh();
              })
            }
          >
            <PlugZap aria-hidden /> Test connection
          </Button>
          <Button
            variant="secondary"
            loading={syncing}
            onClick={() =>
              startSync(async () => {
                const result = await requestPlayReviewsSync({ projectId });
                if (!result.ok) return void toast.error(result.error.message);
                toast.info(result.data.alreadyRunning ? "A Google Play review sync is already running." : "Google Play review sync started.");
                router.refresh();
              })
            }
          >
            <RefreshCw aria-hidden /> Sync Play reviews
          </Button>
        </div>
      ) : null}
    </div>
  );
}
