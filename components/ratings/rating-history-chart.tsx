"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { HISTORY_RANGES, type HistoryRange, type RatingHistory } from "@/lib/data/ratings/types";
import { readV1 } from "@/lib/api/client/dashboard";
import { appRatingHistory } from "@/lib/api/v1/ratings-endpoints";
import { ratingKeys } from "./query-keys";
import { countryName, formatAverage, formatCompactCount, formatCount, formatDay, PLAY_NO_COUNTS } from "./format";

/** Rating count (area) and average (line) per day over 30/90/365 days, worldwide or for one country; Play: averages only. */
export function RatingHistoryChart({ appId, country }: { appId: string; country: string | null }) {
  const [days, setDays] = useState<HistoryRange>(30);
  const query = useQuery({
    queryKey: ratingKeys.history(appId, days, country),
    queryFn: () => readV1(appRatingHistory, { appId, days, country: country ?? undefined }),
    placeholderData: (previous) => previous,
  });
  const label = country ? countryName(country) : "Worldwide";
  return (
    <section aria-label={`Rating history, ${label}`} className="space-y-3" data-testid="rating-history">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">
          Rating history <span className="font-normal text-muted-foreground">· {label}</span>
        </h3>
        <div role="group" aria-label="Time range" className="inline-flex rounded-md border border-border p-0.5">
          {HISTORY_RANGES.map((d) => (
            <button
              key={d}
              type="button"
              aria-pressed={days === d}
              onClick={() => setDays(d)}
              className={`rounded px-2.5 py-1 text-xs font-medium transition-colors ${days === d ? "bg-foreground text-background" : "text-muted-foreground hover:text-foreground"}`}
            >
              {d === 365 ? "1 year" : `${d} days`}
            </button>
          ))}
        </div>
      </div>
      {query.isPending ? (
        <Skeleton className="h-56 w-full" />
      ) : query.isError ? (
        <Alert variant="error" title="Could not load the rating history" action={<Button size="sm" variant="secondary" onClick={() => void query.refetch()}>Retry</Button>}>
          {query.error.message}
        </Alert>
      ) : query.data.points.length === 0 ? (
        <p className="flex h-56 items-center justify-center rounded-lg border border-dashed border-border text-sm text-muted-foreground">
          No snapshots in this period yet.
        </p>
      ) : (
        <HistoryPlot data={query.data} />
      )}
    </section>
  );
}

function HistoryPlot({ data }: { data: RatingHistory }) {
  return data.store === "google_play" ? <PlayHistoryPlot data={data} /> : <AppStoreHistoryPlot data={data} />;
}

/** The axis range of the averages, a tenth beyond the lowest and highest. */
function averageDomain(values: (number | null)[]): [number, number] {
  const averages = values.filter((v): v is number => v !== null);
  const low = averages.length ? Math.max(0, Math.floor((Math.min(...averages) - 0.1) * 10) / 10) : 0;
  const high = averages.length ? Math.min(5, Math.ceil((Math.max(...averages) + 0.1) * 10) / 10) : 5;
  return [low, high];
}

function AppStoreHistoryPlot({ data }: { data: RatingHistory }) {
  const points = data.points.map((p) => ({ ...p, label: formatDay(p.date) }));
  const [low, high] = averageDomain(points.map((p) => p.averageRating));
  const single = points.length === 1;
  const counts = points.flatMap((p) => (p.ratingCount === null ? [] : [p.ratingCount]));
  const [minCount, maxCount] = [Math.min(...counts), Math.max(...counts)];
  const pad = Math.max(1, Math.round((maxCount - minCount) * 0.1 || maxCount * 0.02));
  const countDomain = [Math.max(0, minCount - pad), maxCount + pad];
  // Compact labels only where they stay distinct; a narrow range needs the full numbers.
  const countTick = (v: number) => (countDomain[1] - countDomain[0] >= 5_000 ? formatCompactCount(v) : formatCount(Math.round(v)));
  const avgTick = (v: number) => (high - low <= 0.6 ? v.toFixed(2) : v.toFixed(1));
  const last = points.at(-1);
  return (
    <div className="h-60 w-full" role="img" aria-label={`${points.length} daily snapshots; latest ${formatCount(last?.ratingCount ?? 0)} ratings, average ${formatAverage(last?.averageRating)}`}>
      <ResponsiveContainer width="100%" height={single ? "92%" : "100%"}>
        <ComposedChart data={points} margin={{ top: 8, right: 4, bottom: 0, left: 4 }}>
          <defs>
            <linearGradient id="ratingCountFill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="#6366f1" stopOpacity={0.25} />
              <stop offset="100%" stopColor="#6366f1" stopOpacity={0.02} />
            </linearGradient>
          </defs>
          <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#71717a" }} tickLine={false} axisLine={{ stroke: "#e4e4e7" }} minTickGap={24} />
          <YAxis yAxisId="count" tick={{ fontSize: 11, fill: "#71717a" }} tickLine={false} axisLine={false} width={52} tickFormatter={countTick} domain={countDomain} allowDecimals={false} />
          <YAxis yAxisId="avg" orientation="right" tick={{ fontSize: 11, fill: "#b45309" }} tickLine={false} axisLine={false} width={36} domain={[low, high]} tickFormatter={avgTick} />
          <Tooltip
            contentStyle={{ borderRadius: 8, borderColor: "#e4e4e7", fontSize: 12 }}
            formatter={(value, name) => (name === "Ratings" ? [formatCount(Number(value)), name] : [formatAverage(value as number | null), name])}
          />
          <Area yAxisId="count" type="monotone" dataKey="ratingCount" name="Ratings" stroke="#6366f1" strokeWidth={2} fill="url(#ratingCountFill)" dot={single} isAnimationActive={false} />
          <Line yAxisId="avg" type="monotone" dataKey="averageRating" name="Average" stroke="#f59e0b" strokeWidth={2} dot={single} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
      {single ? <p className="-mt-1 text-center text-xs text-muted-foreground">One snapshot so far: the lines fill in with each daily sync.</p> : null}
    </div>
  );
}

/** Google Play: Play Console's cumulative average (line) and each day's new ratings' average (dots); no counts exist. */
function PlayHistoryPlot({ data }: { data: RatingHistory }) {
  const points = data.points.map((p) => ({ ...p, label: formatDay(p.date) }));
  const [low, high] = averageDomain(points.flatMap((p) => [p.averageRating, p.dailyAverageRating]));
  const single = points.length === 1;
  const avgTick = (v: number) => (high - low <= 0.6 ? v.toFixed(2) : v.toFixed(1));
  return (
    <div className="space-y-1">
      <div className="h-60 w-full" role="img" aria-label={`${points.length} days of Play Console averages; latest ${formatAverage(points.at(-1)?.averageRating)}. ${PLAY_NO_COUNTS}.`}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={points} margin={{ top: 8, right: 4, bottom: 0, left: 4 }}>
            <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#71717a" }} tickLine={false} axisLine={{ stroke: "#e4e4e7" }} minTickGap={24} />
            <YAxis yAxisId="avg" tick={{ fontSize: 11, fill: "#b45309" }} tickLine={false} axisLine={false} width={36} domain={[low, high]} tickFormatter={avgTick} />
            <Tooltip contentStyle={{ borderRadius: 8, borderColor: "#e4e4e7", fontSize: 12 }} formatter={(value, name) => [value === null || value === undefined ? "none" : formatAverage(Number(value)), name]} />
            <Line yAxisId="avg" type="monotone" dataKey="averageRating" name="Play Console average" stroke="#f59e0b" strokeWidth={2} dot={single} connectNulls={false} isAnimationActive={false} />
            <Line yAxisId="avg" type="monotone" dataKey="dailyAverageRating" name="That day's ratings" stroke="none" dot={{ r: 2, fill: "#6366f1", stroke: "#6366f1" }} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <p className="text-xs text-muted-foreground">
        Line: Play Console&apos;s cumulative average; dots: the average of each day&apos;s new ratings. {PLAY_NO_COUNTS}.
      </p>
    </div>
  );
}
