"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Skeleton } from "@/components/ui/skeleton";
import { readV1 } from "@/lib/api/client/dashboard";
import { appRatings } from "@/lib/api/v1/ratings-endpoints";
import type { CountryRating } from "@/lib/data/ratings/types";
import { CountryLabel, CountryTableHead, RatingFigureCells } from "./country-rating-cells";
import { ratingKeys } from "./query-keys";
import { byRatingsThenName, countryName, flagEmoji, formatAverage, formatCount, formatDay, PLAY_NO_COUNTS } from "./format";

const TOP = 12;

export function CountryRatingsGrid({ appId, selected, onSelect }: { appId: string; selected: string | null; onSelect: (country: string) => void }) {
  const [showAll, setShowAll] = useState(false);
  const query = useQuery({
    queryKey: ratingKeys.appCountries(appId),
    queryFn: () => readV1(appRatings, { appId }),
  });
  if (query.isPending) {
    return (
      <div className="space-y-2" aria-busy="true" aria-label="Loading ratings by country">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-8 w-full" />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <Alert variant="error" title="Could not load ratings by country" action={<Button size="sm" variant="secondary" onClick={() => void query.refetch()}>Retry</Button>}>
        {query.error.message}
      </Alert>
    );
  }
  const { store, unavailable, latestSnapshotDate } = query.data;
  const play = store === "google_play";
  // Play countries come highest average first (there are no counts to rank markets by).
  const countries = play ? query.data.countries : byRatingsThenName(query.data.countries);
  if (countries.length === 0 && unavailable.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        {play ? "No country has a Play Console average for this app yet: they come with the daily import of the Play Console ratings reports." : "No storefront has ratings for this app yet."}
      </p>
    );
  }
  const shown = showAll ? countries : countries.slice(0, TOP);
  const countryButton = (c: CountryRating) => (
    <td className="px-3 py-1.5">
      <button
        type="button"
        onClick={() => onSelect(c.countryCode)}
        className="flex items-center gap-2 text-left outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent/40"
        aria-label={`Show the history for ${countryName(c.countryCode)}`}
      >
        <CountryLabel code={c.countryCode} />
      </button>
    </td>
  );
  const rowClass = (c: CountryRating) => (selected === c.countryCode ? "bg-accent-subtle" : "hover:bg-subtle");
  return (
    <section aria-labelledby={`countries-${appId}`} className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-2 gap-y-1">
        <h3 id={`countries-${appId}`} className="text-sm font-semibold">
          Ratings by country <span className="font-normal text-muted-foreground">· {countries.length} {play ? (countries.length === 1 ? "country" : "countries") : "storefronts"}</span>
        </h3>
        {latestSnapshotDate ? <span className="text-xs text-muted-foreground">{play ? "Play Console report of" : "Snapshot of"} {formatDay(latestSnapshotDate, true)}</span> : null}
      </div>
      {play ? (
        <p className="text-xs text-muted-foreground" data-testid="play-country-note">
          {PLAY_NO_COUNTS}: each country shows Play Console&apos;s cumulative average and the average of the ratings given on that day.
        </p>
      ) : null}
      <ScrollRegion label="Ratings by country" className="rounded-lg border border-border">
        {play ? (
          <table className="w-full text-sm" data-testid="country-grid">
            <thead className="bg-subtle text-left text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Country</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Average</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">That day</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {shown.map((c) => {
                const stale = latestSnapshotDate !== null && c.snapshotDate < latestSnapshotDate;
                return (
                  <tr key={c.countryCode} className={rowClass(c)} aria-selected={selected === c.countryCode}>
                    {countryButton(c)}
                    <td className="px-3 py-1.5 text-right tabular-nums">
                      <span className="text-star" aria-hidden>★ </span>
                      {formatAverage(c.averageRating)}
                      {stale ? <span className="text-muted-foreground" title={`As of ${formatDay(c.snapshotDate, true)}`}> · {formatDay(c.snapshotDate)}</span> : null}
                    </td>
                    <td className="px-3 py-1.5 text-right text-muted-foreground tabular-nums">
                      {c.dailyAverageRating !== null ? `★ ${formatAverage(c.dailyAverageRating)}` : "none that day"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <table className="w-full text-sm" data-testid="country-grid">
            <CountryTableHead lastColumn="Current version" />
            <tbody className="divide-y divide-border">
              {shown.map((c) => {
                const stale = latestSnapshotDate !== null && c.snapshotDate < latestSnapshotDate;
                return (
                  <tr key={c.countryCode} className={rowClass(c)} aria-selected={selected === c.countryCode}>
                    {countryButton(c)}
                    <RatingFigureCells average={c.averageRating} count={c.ratingCount} delta={c.ratingCountDelta} staleSince={stale ? c.snapshotDate : null} />
                    <td className="px-3 py-1.5 text-right text-muted-foreground tabular-nums">
                      {c.currentVersionAverageRating !== null ? `★ ${formatAverage(c.currentVersionAverageRating)} (${formatCount(c.currentVersionRatingCount ?? 0)})` : "–"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </ScrollRegion>
      {countries.length > TOP ? (
        <Button variant="ghost" size="sm" onClick={() => setShowAll((v) => !v)}>
          {showAll ? `Show top ${TOP}` : `Show all ${countries.length} countries`}
        </Button>
      ) : null}
      {unavailable.length > 0 ? (
        <div className="rounded-lg border border-dashed border-border p-3">
          <h4 className="text-xs font-semibold text-muted-foreground">No longer available</h4>
          <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2" data-testid="unavailable-countries">
            {unavailable.map((u) => (
              <li key={u.countryCode} className="flex flex-wrap items-center gap-x-2">
                <span aria-hidden>{flagEmoji(u.countryCode)}</span>
                <span className="whitespace-nowrap">{countryName(u.countryCode)}</span>
                <span className="whitespace-nowrap text-muted-foreground">not available since {formatDay(u.since)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
