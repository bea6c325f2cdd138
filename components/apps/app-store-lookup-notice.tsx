"use client";

import { AlertTriangle, Hash, RefreshCw, SearchX } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { retryAppStoreLookup } from "@/lib/actions/apps";
import type { AppStoreLookup } from "@/lib/data/apps";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { AppFormDialog, type AppFormValues } from "./app-form-dialog";

/** A look-up requested longer ago than this and still without an outcome has stopped somewhere. */
const PENDING_FOR_MS = 30 * 60_000;

/**
 * What the card says while an Apple app has no App Store id: still being looked up, not found by its bundle id
 * (enter the id), or Apple could not be reached (when it retries, and "Retry now").
 */
export function AppStoreLookupNotice({
  app,
  lookup,
  projectId,
  canEdit,
  retriesHourly,
}: {
  app: AppFormValues & { id: string };
  lookup: AppStoreLookup;
  projectId: string;
  canEdit: boolean;
  /** The hourly version sync runs (an Inngest server is configured). */
  retriesHourly: boolean;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [retrying, startRetry] = useTransition();
  const [renderedAt] = useState(() => Date.now());
  const pending = lookup.status === null && renderedAt - Date.parse(lookup.at) < PENDING_FOR_MS;

  useEffect(() => {
    if (!pending) return;
    // The look-up runs in the background: re-read the page until it has an outcome, less often as time passes.
    let delay = 2_000;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      router.refresh();
      delay = Math.min(delay * 1.5, 30_000);
      timer = setTimeout(tick, delay);
    };
    timer = setTimeout(tick, delay);
    return () => clearTimeout(timer);
  }, [pending, router]);

  const retry = () =>
    startRetry(async () => {
      const result = await retryAppStoreLookup({ appId: app.id });
      if (!result.ok) {
        toast.error("Could not start the look-up", { description: result.error.message });
        return;
      }
      router.refresh();
    });
  const retryButton = canEdit ? (
    <Button size="sm" variant="secondary" onClick={retry} loading={retrying}>
      <RefreshCw aria-hidden /> Retry now
    </Button>
  ) : null;

  if (pending) {
    return (
      <Notice state="pending" icon={<Spinner label={null} />} title="Looking for this app on the App Store…">
        Starboard is finding its App Store id by the bundle id; its ratings can be synced once it is found.
      </Notice>
    );
  }
  if (lookup.status === "not_found") {
    return (
      <Notice
        state="not_found"
        icon={<SearchX className="size-4 text-amber-700" aria-hidden />}
        title="Not found on the App Store by this bundle id"
        action={
          canEdit ? (
            <>
              <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
                <Hash aria-hidden /> Enter App Store id
              </Button>
              <AppFormDialog projectId={projectId} app={app} open={editing} onOpenChange={setEditing} focusField="appStoreId" />
            </>
          ) : null
        }
      >
        No storefront sells an app with this bundle id. Check it, or enter its App Store id
        {canEdit ? "" : " (an owner or admin of the team can)"}: the number in its App Store link, e.g. apps.apple.com/app/id123456789.
      </Notice>
    );
  }
  if (lookup.status === "unreachable") {
    return (
      <Notice
        state="unreachable"
        icon={<AlertTriangle className="size-4 text-red-700" aria-hidden />}
        title={retriesHourly ? "Could not reach Apple — will retry at :15" : "Could not reach Apple"}
        action={retryButton}
      >
        Its App Store id could not be looked up (<RelativeTime iso={lookup.at} />){lookup.error ? ":" : "."}
        {lookup.error ? <span className="block break-words font-mono text-xs">{lookup.error}</span> : null}
        {retriesHourly ? null : <span className="mt-1 block">Retry once Apple is reachable again.</span>}
      </Notice>
    );
  }
  return (
    <Notice state="stalled" icon={<AlertTriangle className="size-4 text-amber-700" aria-hidden />} title="The App Store look-up did not finish" action={retryButton}>
      It was started <RelativeTime iso={lookup.at} /> and has no outcome yet.
    </Notice>
  );
}

function Notice({ state, icon, title, action, children }: { state: string; icon: React.ReactNode; title: string; action?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="space-y-2" data-testid="app-store-lookup" data-state={state}>
      <p className="flex items-start gap-1.5 text-sm font-medium">
        <span className="mt-0.5 shrink-0">{icon}</span>
        {title}
      </p>
      <p className="text-sm text-muted-foreground">{children}</p>
      {action ? <div className="flex flex-wrap gap-2">{action}</div> : null}
    </div>
  );
}
