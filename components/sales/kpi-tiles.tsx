"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { readV1 } from "@/lib/api/client/dashboard";
import type { EndpointOutput } from "@/lib/api/v1/endpoint";
import { projectSalesSummary } from "@/lib/api/v1/sales-endpoints";
import { changeClass, formatChange, formatMoney, formatRange, formatUnits } from "./format";
import { salesKeys } from "./query-keys";

type Summary = EndpointOutput<typeof projectSalesSummary>;
type Kpi = NonNullable<Summary["kpis"]>["last7"];
type Metric = "downloads" | "redownloads" | "updates" | "proceeds";

const METRICS: { key: Metric; label: string }[] = [
  { key: "downloads", label: "Downloads" },
  { key: "redownloads", label: "Redownloads" },
  { key: "updates", label: "Updates" },
  { key: "proceeds", label: "Proceeds" },
];

function value(kpi: Kpi, metric: Metric, currency: string | null): string {
  if (metric !== "proceeds") return formatUnits(kpi.current[metric]);
  if (kpi.current.converted && currency) return `${kpi.current.converted.estimate ? "≈ " : ""}${formatMoney(kpi.current.converted.amount, currency)}`;
  return kpi.current.proceeds.length === 1 ? formatMoney(kpi.current.proceeds[0].amount, kpi.current.proceeds[0].currency) : `${kpi.current.proceeds.length} currencies`;
}

/** Why a change is not shown, in words. */
function noChangeReason(kpi: Kpi): string {
  if (kpi.current.settledDays < kpi.current.days) return `${kpi.current.days - kpi.current.settledDays} of these days are not in yet`;
  if (kpi.previous.settledDays < kpi.previous.days) return `the ${kpi.previous.days} days before are not all in`;
  return "nothing to compare with";
}

function Period({ kpi, metric, currency, period }: { kpi: Kpi; metric: Metric; currency: string | null; period: string }) {
  const change = kpi.change[metric];
  const missing = kpi.current.days - kpi.current.settledDays;
  return (
    <div className="min-w-0" data-testid={`kpi-${metric}-${period}`}>
      <dt className="text-xs text-muted-foreground">
        {period}
        {missing > 0 ? <span className="text-amber-700"> · {missing} pending</span> : null}
      </dt>
      <dd className="m-0">
        <span className="block text-lg leading-7 font-semibold tabular-nums" data-testid="kpi-value">
          {value(kpi, metric, currency)}
        </span>
        <span
          className={`text-xs tabular-nums ${changeClass(change)}`}
          title={change === null ? `No change shown: ${noChangeReason(kpi)}.` : `Against ${formatRange(kpi.previous.from, kpi.previous.to)}`}
          data-testid="kpi-change"
        >
          {formatChange(change)}
          <span className="sr-only">{change === null ? ` (no change shown: ${noChangeReason(kpi)})` : ` against the ${kpi.previous.days} days before`}</span>
        </span>
      </dd>
    </div>
  );
}

/** Downloads, redownloads, updates and proceeds over the last 7 and 30 days that are in, each against the period before. */
export function KpiTiles({ projectId }: { projectId: string }) {
  const query = useQuery({ queryKey: salesKeys.summary(projectId), queryFn: () => readV1(projectSalesSummary, { projectId }) });
  if (query.isPending) {
    return (
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2" aria-busy="true" aria-label="Loading the last 7 and 30 days">
        {METRICS.map((m) => (
          <Skeleton key={m.key} className="h-24 w-full" />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <Alert variant="error" title="Could not load the last 7 and 30 days" action={<Button size="sm" variant="secondary" onClick={() => void query.refetch()}>Retry</Button>}>
        {query.error.message}
      </Alert>
    );
  }
  const { kpis, teamCurrency, reports } = query.data;
  if (!kpis) return null;
  return (
    <section aria-labelledby="kpi-heading" className="space-y-2">
      <h2 id="kpi-heading" className="text-sm font-semibold">
        The last 7 and 30 days <span className="font-normal text-muted-foreground">· through {formatRange(reports.latestDay!, reports.latestDay!)}, the newest day Apple has published</span>
      </h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {METRICS.map((m) => (
          <div key={m.key} className="rounded-card border border-border bg-white p-4 shadow-card" data-testid={`kpi-${m.key}`}>
            <h3 className="mb-1.5 text-sm font-medium text-muted-foreground">
              {m.label}
              {m.key === "proceeds" && teamCurrency.code ? <span className="font-normal"> · {teamCurrency.code}</span> : null}
            </h3>
            <dl className="grid grid-cols-2 gap-3">
              <Period kpi={kpis.last7} metric={m.key} currency={teamCurrency.code} period="7 days" />
              <Period kpi={kpis.last30} metric={m.key} currency={teamCurrency.code} period="30 days" />
            </dl>
          </div>
        ))}
      </div>
    </section>
  );
}
