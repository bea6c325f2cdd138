import Link from "next/link";
import { AppStoreLookupNotice } from "@/components/apps/app-store-lookup-notice";
import type { AppCard } from "@/lib/data/apps";
import { AppRatingsDialog } from "./app-ratings-dialog";
import { deltaClass, formatDay, formatDelta, PLAY_NO_COUNTS } from "./format";
import { PlayRatingBadge, RatingBadge } from "./rating-badge";
import { RelativeTime } from "@/components/ui/relative-time";

/**
 * The rating area of an app card: ★ badge, the delta with its honest date, last sync, and the country view —
 * or, before the first sync, why there are no ratings yet.
 */
export function AppRatingSummary({ app, projectId, canEdit, lookupRetriesHourly }: { app: AppCard; projectId: string; canEdit: boolean; lookupRetriesHourly: boolean }) {
  if (app.platform === "android") return <PlayRatingSummary app={app} projectId={projectId} />;
  if (!app.ratingsSyncedAt && app.bundleId && !app.appStoreId && app.appStoreLookup && app.appStoreLookup.status !== "found") {
    return (
      <AppStoreLookupNotice
        app={{ id: app.id, name: app.name, platform: app.platform, bundleId: app.bundleId, appStoreId: "" }}
        lookup={app.appStoreLookup}
        projectId={projectId}
        canEdit={canEdit}
        retriesHourly={lookupRetriesHourly}
      />
    );
  }
  if (!app.ratingsSyncedAt) {
    return (
      <div className="space-y-1" data-testid="no-ratings-yet">
        <p className="text-sm font-medium">No ratings yet</p>
        <p className="text-sm text-muted-foreground">
          {app.bundleId ? "Ratings appear after the first sync (daily at 04:30 UTC, or “Sync ratings” now)." : "Add a bundle id so Starboard can find this app on the App Store."}
        </p>
      </div>
    );
  }
  const delta = app.worldwideRatingCountDelta;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        {app.worldwideAverageRating !== null ? (
          <RatingBadge app={app} average={app.worldwideAverageRating} />
        ) : (
          <span className="text-sm font-medium" data-testid="rating-badge-empty">
            No ratings on the App Store yet
          </span>
        )}
        {delta !== null && app.worldwideRatingDeltaSince ? (
          <span
            data-testid="rating-delta"
            className={`text-sm ${delta !== 0 ? "font-medium " : ""}${deltaClass(delta)}`}
          >
            {formatDelta(delta)} since {formatDay(app.worldwideRatingDeltaSince)}
          </span>
        ) : (
          <span className="text-sm text-muted-foreground">First snapshot</span>
        )}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-muted-foreground">
          Synced <RelativeTime iso={app.ratingsSyncedAt} />
        </p>
        <AppRatingsDialog appId={app.id} appName={app.name} />
      </div>
    </div>
  );
}

/**
 * An Android app's rating area: Play Console's cumulative average from the ratings exports (no count and so no change:
 * Google Play publishes none, and the card says so rather than show 0), or where those ratings come from.
 */
function PlayRatingSummary({ app, projectId }: { app: AppCard; projectId: string }) {
  if (!app.ratingsSyncedAt) {
    return (
      <div className="space-y-1" data-testid="no-ratings-yet">
        <p className="text-sm font-medium">No Google Play ratings yet</p>
        <p className="text-sm text-muted-foreground">
          They come from the Play Console reports: connect Google Play with its reports bucket on the{" "}
          <Link href={`/dashboard/projects/${projectId}/integrations`} className="font-medium text-accent underline-offset-2 hover:underline">
            Integrations
          </Link>{" "}
          page; they are imported daily at 07:00 UTC.
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        {app.worldwideAverageRating !== null ? (
          <PlayRatingBadge average={app.worldwideAverageRating} />
        ) : (
          <span className="text-sm font-medium" data-testid="rating-badge-empty">
            No ratings in the Play Console reports yet
          </span>
        )}
        <span className="text-sm text-muted-foreground" data-testid="play-no-counts">
          {PLAY_NO_COUNTS}
        </span>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-muted-foreground">
          Play Console reports imported <RelativeTime iso={app.ratingsSyncedAt} />
        </p>
        <AppRatingsDialog appId={app.id} appName={app.name} />
      </div>
    </div>
  );
}
