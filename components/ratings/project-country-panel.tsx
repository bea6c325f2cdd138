"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { ProjectCountryRatings } from "@/lib/data/ratings/types";
import { fetchJson } from "./fetch-json";
import { CountryLabel, CountryTableHead, RatingFigureCells } from "./country-rating-cells";

const TOP = 12;

/** All the project's Apple apps per country: count-weighted average, summed counts and changes. */
export function ProjectCountryPanel({ projectId }: { projectId: string }) {
  const [showAll, setShowAll] = useState(false);
  const query = useQuery({
    queryKey: ["ratings", "project-countries", projectId],
    queryFn: () => fetchJson<ProjectCountryRatings>(`/api/ratings/projects/${projectId}/countries`),
  });
  const live = query.data?.countries.filter((c) => c.apps > 0) ?? [];
  const shown = showAll ? live : live.slice(0, TOP);
  return (
    <Card data-testid="project-country-panel">
      <CardHeader>
        <CardTitle>By country</CardTitle>
        <CardDescription>All Apple apps of this project together: ratings-weighted average, total ratings and the change at the last sync.</CardDescription>
      </CardHeader>
      <CardContent>
        {query.isPending ? (
          <div className="space-y-2" aria-busy="true">
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} className="h-7 w-full" />
            ))}
          </div>
        ) : query.isError ? (
          <Alert variant="error" title="Could not load ratings by country" action={<Button size="sm" variant="secondary" onClick={() => query.refetch()}>Retry</Button>}>
            {query.error.message}
          </Alert>
        ) : live.length === 0 ? (
          <p className="text-sm text-muted-foreground">No ratings yet. After the first sync, every storefront with ratings shows up here.</p>
        ) : (
          <div className="space-y-3">
            <div className="overflow-x-auto rounded-lg border border-border">
              <table className="w-full text-sm">
                <CountryTableHead lastColumn="Apps" />
                <tbody className="divide-y divide-border">
                  {shown.map((c) => (
                    <tr key={c.countryCode} className="hover:bg-subtle">
                      <td className="px-3 py-1.5">
                        <span className="flex items-center gap-2">
                          <CountryLabel code={c.countryCode} />
                        </span>
                      </td>
                      <RatingFigureCells average={c.averageRating} count={c.ratingCount} delta={c.ratingCountDelta} />
                      <td className="px-3 py-1.5 text-right text-muted-foreground tabular-nums">
                        {c.apps}
                        {c.unavailableApps > 0 ? <span title="Apps no longer available here"> (+{c.unavailableApps} gone)</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
