import { Tooltip } from "@/components/ui/tooltip";
import type { AppCard } from "@/lib/data/apps";
import { formatAverage, formatCompactCount, formatCount, PLAY_NO_COUNTS } from "./format";

const badgeClass =
  "inline-flex items-baseline gap-1.5 rounded-md bg-amber-50 px-2 py-1 text-amber-950 ring-1 ring-amber-200/70 outline-none focus-visible:ring-2 focus-visible:ring-accent/40";

/** `★ 4.62 (1,234)` with the all-time and current-version figures in a tooltip; compact count on small screens. */
export function RatingBadge({ app, average }: { app: AppCard; average: number }) {
  const count = app.worldwideRatingCount ?? 0;
  const tip = (
    <span className="grid gap-0.5">
      <span>
        All versions: ★ {formatAverage(average)} from {formatCount(count)} ratings
      </span>
      <span>
        {app.worldwideCurrentVersionRating !== null
          ? `Current version${app.latestAppVersion ? ` (${app.latestAppVersion})` : ""}: ★ ${formatAverage(app.worldwideCurrentVersionRating)} from ${formatCount(app.worldwideCurrentVersionRatingCount ?? 0)} ratings`
          : "Current version: no ratings yet"}
      </span>
    </span>
  );
  return (
    <Tooltip content={tip}>
      <span
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a tooltip trigger: focus is how keyboard users open it
        tabIndex={0}
        data-testid="rating-badge"
        aria-label={`${formatAverage(average)} out of 5 stars from ${formatCount(count)} ratings worldwide`}
        className={badgeClass}
      >
        <span aria-hidden className="text-star">
          ★
        </span>
        <span className="text-lg leading-none font-semibold tabular-nums">{formatAverage(average)}</span>
        <span className="text-sm text-amber-800 tabular-nums">
          <span className="sm:hidden">({formatCompactCount(count)})</span>
          <span className="hidden sm:inline">({formatCount(count)})</span>
        </span>
      </span>
    </Tooltip>
  );
}

/** An Android app's `★ 4.42`: Play Console's cumulative average, with no count (Play publishes none). */
export function PlayRatingBadge({ average }: { average: number }) {
  const tip = (
    <span className="grid gap-0.5">
      <span>Play Console average (cumulative, all countries): ★ {formatAverage(average)}</span>
      <span>{PLAY_NO_COUNTS}; the rating Google Play shows may differ (it weights recent ratings).</span>
    </span>
  );
  return (
    <Tooltip content={tip}>
      <span
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a tooltip trigger: focus is how keyboard users open it
        tabIndex={0}
        data-testid="rating-badge"
        aria-label={`${formatAverage(average)} out of 5 stars, Play Console average; ${PLAY_NO_COUNTS}`}
        className={badgeClass}
      >
        <span aria-hidden className="text-star">
          ★
        </span>
        <span className="text-lg leading-none font-semibold tabular-nums">{formatAverage(average)}</span>
      </span>
    </Tooltip>
  );
}
