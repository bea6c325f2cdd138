"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Skeleton } from "@/components/ui/skeleton";
import { readV1 } from "@/lib/api/client/dashboard";
import { projectRatingsByCountry } from "@/lib/api/v1/ratings-endpoints";
import { CountryLabel, CountryTableHead, RatingFigureCells } from "./country-rating-cells";
import { byRatingsThenName } from "./format";
import { ratingKeys } from "./query-keys";

const TOP = 12;

/**
 * All the project's Apple apps per country: count-weighted average, summed counts and changes. `projectName` names
 * the project where the page around it is not the project's own (the reviews page); `compact` fits a side column.
 */
export function ProjectCountryPanel({ projectId, projectName, compact = false }: { projectId: string; projectName?: string; compact?: boolean }) {
  const [showAll, setShowAll] = useState(false);
  const query = useQuery({
    queryKey: ratingKeys.projectCountries(projectId),
    queryFn: () => readV1(projectRatingsByCountry, { projectId }),
  });
  const live = byRatingsThenName(query.data?.countries.filter((c) => c.apps > 0) ?? []);
  // With one app, every row would say "1": the column only speaks when apps differ per country.
  const showApps = live.some((c) => c.apps > 1 || c.unavailableApps > 0);
  const shown = showAll ? live : live.slice(0, TOP);
  return (
    <Card data-testid="project-country-panel">
      <CardHeader>
        <CardTitle>By country</CardTitle>
        <CardDescription>
          {projectName ? (
            <>
              All Apple apps in the project <span className="font-medium text-zinc-700">{projectName}</span>:
            </>
          ) : (
            "All Apple apps of this project together:"
          )}{" "}
          ratings-weighted average, total ratings and the change at the last sync.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {query.isPending ? (
          <div className="space-y-2" aria-busy="true">
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} className="h-7 w-full" />
            ))}
          </div>
        ) : query.isError ? (
          <Alert variant="error" title="Could not load ratings by country" action={<Button size="sm" variant="secondary" onClick={() => void query.refetch()}>Retry</Button>}>
            {query.error.message}
          </Alert>
        ) : query.data.apps === 0 ? (
          <p className="text-sm text-muted-foreground" data-testid="no-apple-apps">
            No Apple apps in this project. Google Play publishes no rating counts to combine apps by, so an Android app&apos;s countries are on its card (Ratings by country).
          </p>
        ) : live.length === 0 ? (
          <p className="text-sm text-muted-foreground">No ratings yet. After the first sync, every storefront with ratings shows up here.</p>
        ) : (
          <div className="space-y-3">
            <ScrollRegion label="By country" className="rounded-lg border border-border">
              <table className={compact ? "w-full text-sm [&_td]:px-2 [&_th]:px-2" : "w-full text-sm"}>
                <CountryTableHead lastColumn={showApps ? "Apps" : null} />
                <tbody className="divide-y divide-border">
                  {shown.map((c) => (
                    <tr key={c.countryCode} className="hover:bg-subtle">
                      <td className="px-3 py-1.5">
                        <span className="flex items-center gap-2">
                          <CountryLabel code={c.countryCode} />
                        </span>
                      </td>
                      <RatingFigureCells average={c.averageRating} count={c.ratingCount} delta={c.ratingCountDelta} />
                      {showApps ? (
                        <td className="px-3 py-1.5 text-right text-muted-foreground tabular-nums">
                          {c.apps}
                          {c.unavailableApps > 0 ? <span title="Apps no longer available here"> (+{c.unavailableApps} gone)</span> : null}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
            {live.length > TOP ? (
              <Button variant="ghost" size="sm" onClick={() => setShowAll((v) => !v)}>
                {showAll ? `Show top ${TOP}` : `Show all ${live.length} countries`}
              </Button>
            ) : null}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
