"use client";

import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { readV1 } from "@/lib/api/client/dashboard";
import { projectSales, projectSalesByApp } from "@/lib/api/v1/sales-endpoints";
import { AppBreakdown } from "./app-breakdown";
import { CountryTable } from "./country-table";
import { DaysTable } from "./days-table";
import { formatRange } from "./format";
import { KpiTiles } from "./kpi-tiles";
import { salesKeys } from "./query-keys";
import { RangePicker } from "./range-picker";
import { SalesChart } from "./sales-chart";
import { useSalesRange } from "./use-sales-range";

function Loading({ label, height = "h-40" }: { label: string; height?: string }) {
  return (
    <div aria-busy="true" aria-label={label}>
      <Skeleton className={`${height} w-full`} />
    </div>
  );
}

function Failed({ what, query }: { what: string; query: UseQueryResult }) {
  return (
    <Alert variant="error" title={`Could not load ${what}`} action={<Button size="sm" variant="secondary" onClick={() => void query.refetch()}>Retry</Button>}>
      {query.error?.message}
    </Alert>
  );
}

/** What the team currency is, and which months are estimates until their finance report arrives. */
function CurrencyNote({ teamCurrency }: { teamCurrency: { code: string | null; estimatedMonths: { name: string; from: string; to: string }[] } }) {
  if (!teamCurrency.code) {
    return (
      <p className="text-xs text-muted-foreground" data-testid="currency-note">
        Proceeds are shown in each currency Apple reported them in: totals in the currency Apple pays you in appear once a monthly finance report has
        arrived (it gives the exchange rates).
      </p>
    );
  }
  return (
    <p className="text-xs text-muted-foreground" data-testid="currency-note">
      Proceeds in {teamCurrency.code}, the currency Apple pays you in, at each fiscal month&apos;s exchange rates from its finance report.
      {teamCurrency.estimatedMonths.length ? (
        <>
          {" "}
          <span className="text-amber-800">
            ≈ {teamCurrency.estimatedMonths.map((m) => `${m.name} (${formatRange(m.from, m.to)})`).join(", ")}:{" "}
            {teamCurrency.estimatedMonths.length === 1 ? "an estimate" : "estimates"} at the latest month&apos;s exchange rates until Apple&apos;s finance report arrives.
          </span>
        </>
      ) : null}
    </p>
  );
}

/** The Downloads & revenue page's figures: KPIs, the daily chart, per app and per country, for the range in the URL. */
export function SalesDashboard({ projectId, latestPublishedDay }: { projectId: string; latestPublishedDay: string }) {
  const { range, set } = useSalesRange(latestPublishedDay);
  const { from, to } = range;
  const days = useQuery({
    queryKey: salesKeys.days(projectId, from, to),
    queryFn: () => readV1(projectSales, { projectId, from, to, groupBy: "day" }),
    placeholderData: (previous) => previous,
  });
  const countries = useQuery({
    queryKey: salesKeys.countries(projectId, from, to),
    queryFn: () => readV1(projectSales, { projectId, from, to, groupBy: "country" }),
    placeholderData: (previous) => previous,
  });
  const apps = useQuery({
    queryKey: salesKeys.apps(projectId, from, to),
    queryFn: () => readV1(projectSalesByApp, { projectId, from, to }),
    placeholderData: (previous) => previous,
  });
  const dayData = days.data?.groupBy === "day" ? days.data : null;
  const countryData = countries.data?.groupBy === "country" ? countries.data : null;
  return (
    <div className="space-y-6">
      <KpiTiles projectId={projectId} />

      <Card>
        <CardHeader>
          <CardTitle>Daily</CardTitle>
          <CardDescription>Downloads, redownloads and updates per day, and proceeds.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <RangePicker key={`${range.kind}-${from}-${to}`} range={range} onChange={set} />
          {days.isPending ? <Loading label="Loading the daily chart" height="h-72" /> : days.isError ? <Failed what="the daily figures" query={days} /> : dayData ? (
            <div className={`space-y-4 ${days.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={days.isPlaceholderData}>
              <SalesChart data={dayData} />
              <CurrencyNote teamCurrency={dayData.teamCurrency} />
              <DaysTable data={dayData} />
            </div>
          ) : null}
        </CardContent>
      </Card>

      <div className="grid grid-cols-1 gap-6">
        <Card>
          <CardHeader>
            <CardTitle>By app</CardTitle>
            <CardDescription>{formatRange(from, to)}, in-app purchases and subscriptions counted with their app.</CardDescription>
          </CardHeader>
          <CardContent>
            {apps.isPending ? <Loading label="Loading the apps" /> : apps.isError ? <Failed what="the apps" query={apps} /> : <AppBreakdown data={apps.data} />}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>By country</CardTitle>
            <CardDescription>{formatRange(from, to)}. Sort by any column.</CardDescription>
          </CardHeader>
          <CardContent>
            {countries.isPending ? (
              <Loading label="Loading the countries" />
            ) : countries.isError ? (
              <Failed what="the countries" query={countries} />
            ) : countryData && countryData.countries.length > 0 ? (
              <CountryTable countries={countryData.countries} currency={countryData.teamCurrency.code} />
            ) : (
              <p className="text-sm text-muted-foreground">No sales in this range.</p>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
