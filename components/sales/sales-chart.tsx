"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay } from "@/components/ratings/format";
import type { EndpointOutput } from "@/lib/api/v1/endpoint";
import type { projectSales } from "@/lib/api/v1/sales-endpoints";
import { formatCompactUnits, formatMoney, formatUnits } from "./format";

type Sales = Extract<EndpointOutput<typeof projectSales>, { groupBy: "day" }>;

const COLORS = { downloads: "#6366f1", redownloads: "#a5b4fc", updates: "#cbd5e1", proceeds: "#059669", pending: "url(#salesPending)", release: "#d97706" };
/** More release markers than this would cover the plot: then they are lines without labels. */
const LABELLED_RELEASES = 8;

const STATE_WORDS: Record<string, string> = {
  pending: "Not published by Apple yet",
  unavailable: "No longer kept by Apple",
  failed: "Could not be read (retried at the next sync)",
};

interface Point {
  date: string;
  state: string;
  downloads: number | null;
  redownloads: number | null;
  updates: number | null;
  proceeds: number | null;
  /** A full-height hatched bar on a day without figures: pending is shown, never drawn as zero. */
  missing: number | null;
}

function pointsOf(data: Sales, currency: string | null): { points: Point[]; top: number } {
  const totals = data.days.map((d) => (d.figures ? Number(d.figures.downloads) + Number(d.figures.redownloads) + Number(d.figures.updates) : 0));
  const top = Math.max(1, ...totals);
  const points = data.days.map((d) => ({
    date: d.date,
    state: d.state,
    downloads: d.figures ? Number(d.figures.downloads) : null,
    redownloads: d.figures ? Number(d.figures.redownloads) : null,
    updates: d.figures ? Number(d.figures.updates) : null,
    proceeds: d.figures?.converted && currency ? Number(d.figures.converted.amount) : null,
    missing: d.figures ? null : top,
  }));
  return { points, top };
}

/** Why the hatched days have no figures, for the states the range has. */
function missingWhy(data: Sales): string {
  const states = new Set(data.days.filter((d) => !d.figures).map((d) => d.state));
  return [
    states.has("pending") ? "Apple publishes each day's report the next morning (Pacific time)" : null,
    states.has("unavailable") ? "Apple keeps daily reports for a year, and older ones were not fetched in time" : null,
    states.has("failed") ? "some could not be read and are fetched again at the next sync" : null,
  ]
    .filter(Boolean)
    .join("; ");
}

/** Downloads, redownloads and updates per day (stacked bars), proceeds in the team currency (line), releases marked. */
export function SalesChart({ data }: { data: Sales }) {
  const currency = data.teamCurrency.code;
  const { points } = pointsOf(data, currency);
  const missing = data.days.filter((d) => !d.figures).length;
  const labelled = data.releases.length <= LABELLED_RELEASES;
  const settled = data.days.filter((d) => d.figures);
  const summary = `${data.days.length} days: ${formatUnits(String(settled.reduce((s, d) => s + Number(d.figures!.downloads), 0)))} downloads over the ${settled.length} days that are in${missing ? `, ${missing} without figures` : ""}${data.releases.length ? `, ${data.releases.length} releases` : ""}.`;
  return (
    <div className="space-y-2">
      <div className="h-72 w-full" role="img" aria-label={summary} data-testid="sales-chart">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={points} margin={{ top: labelled && data.releases.length ? 30 : 8, right: 4, bottom: 0, left: 4 }} barCategoryGap={points.length > 120 ? 0 : "15%"}>
            <defs>
              <pattern id="salesPending" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#f4f4f5" />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#d4d4d8" strokeWidth="3" />
              </pattern>
            </defs>
            <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" tickFormatter={(d: string) => formatDay(d)} tick={{ fontSize: 11, fill: "#71717a" }} tickLine={false} axisLine={{ stroke: "#e4e4e7" }} minTickGap={28} />
            <YAxis yAxisId="units" tick={{ fontSize: 11, fill: "#71717a" }} tickLine={false} axisLine={false} width={48} tickFormatter={(v: number) => formatCompactUnits(v)} allowDecimals={false} />
            {currency ? (
              <YAxis yAxisId="money" orientation="right" tick={{ fontSize: 11, fill: COLORS.proceeds }} tickLine={false} axisLine={false} width={56} tickFormatter={(v: number) => formatMoney(v, currency).replace(/\.00$/, "")} />
            ) : null}
            <Tooltip
              contentStyle={{ borderRadius: 8, borderColor: "#e4e4e7", fontSize: 12 }}
              labelFormatter={(d) => {
                const point = points.find((p) => p.date === d);
                const releases = data.releases.filter((r) => r.date === d).map((r) => `${r.appName} ${r.version}`);
                return [formatDay(String(d), true), point && STATE_WORDS[point.state] ? ` · ${STATE_WORDS[point.state]}` : "", releases.length ? ` · released ${releases.join(", ")}` : ""].join("");
              }}
              formatter={(value, name) => {
                if (name === "No figures") return ["", "No figures"];
                if (name === "Proceeds" && currency) return [formatMoney(Number(value), currency), name];
                return [formatUnits(String(value)), name];
              }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar yAxisId="units" dataKey="downloads" name="Downloads" stackId="units" fill={COLORS.downloads} isAnimationActive={false} />
            <Bar yAxisId="units" dataKey="redownloads" name="Redownloads" stackId="units" fill={COLORS.redownloads} isAnimationActive={false} />
            <Bar yAxisId="units" dataKey="updates" name="Updates" stackId="units" fill={COLORS.updates} isAnimationActive={false} />
            {missing ? <Bar yAxisId="units" dataKey="missing" name="No figures" stackId="units" fill={COLORS.pending} isAnimationActive={false} /> : null}
            {currency ? (
              <Line yAxisId="money" type="monotone" dataKey="proceeds" name="Proceeds" stroke={COLORS.proceeds} strokeWidth={2} dot={points.length === 1} connectNulls={false} isAnimationActive={false} />
            ) : null}
            {data.releases.map((r, i) => (
              <ReferenceLine
                key={`${r.appId}-${r.version}`}
                yAxisId="units"
                x={r.date}
                stroke={COLORS.release}
                strokeDasharray="4 3"
                // Every other label a line higher, so two releases days apart stay readable.
                label={labelled ? { value: r.version, position: "top", offset: i % 2 === 0 ? 4 : 16, fontSize: 10, fill: COLORS.release } : undefined}
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <p className="text-xs text-muted-foreground">
        {missing ? `Hatched days have no figures: ${missingWhy(data)}. ` : ""}
        {data.releases.length ? "Dashed lines mark the first day a new version appears in the reports. " : ""}
        {currency ? `Proceeds in ${currency}, the currency Apple pays you in.` : "Proceeds are in the table per currency: the chart shows them once a finance report gives the exchange rates."}
      </p>
    </div>
  );
}
