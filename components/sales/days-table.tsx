import { formatDay } from "@/components/ratings/format";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { EndpointOutput } from "@/lib/api/v1/endpoint";
import type { projectSales } from "@/lib/api/v1/sales-endpoints";
import { formatUnits } from "./format";
import { ProceedsText } from "./proceeds";

type Sales = Extract<EndpointOutput<typeof projectSales>, { groupBy: "day" }>;

const STATE_LABELS: Record<string, string> = { pending: "Pending", unavailable: "Not kept by Apple", failed: "Could not be read", no_sales: "No sales" };

/** The chart's days as a table (newest first): what a screen reader or a careful reader checks the chart against. */
export function DaysTable({ data }: { data: Sales }) {
  const currency = data.teamCurrency.code;
  const releases = new Map<string, string[]>();
  for (const r of data.releases) releases.set(r.date, [...(releases.get(r.date) ?? []), `${r.appName} ${r.version}`]);
  return (
    <details className="group rounded-lg border border-border" data-testid="sales-days">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium focus-ring">Days as a table</summary>
      <ScrollRegion label="Downloads and proceeds per day" className="max-h-96 overflow-y-auto border-t border-border">
        <table className="w-full text-sm">
          <thead className="sticky top-0 bg-subtle text-left text-xs text-muted-foreground">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Day</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Downloads</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Redownloads</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Updates</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Proceeds</th>
              <th scope="col" className="px-3 py-2 font-medium">Release</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {[...data.days].reverse().map((d) => (
              <tr key={d.date} data-date={d.date} data-state={d.state}>
                <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">{formatDay(d.date, true)}</th>
                {d.figures && d.state === "imported" ? (
                  <>
                    <td className="px-3 py-1.5 text-right tabular-nums">{formatUnits(d.figures.downloads)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{formatUnits(d.figures.redownloads)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{formatUnits(d.figures.updates)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums whitespace-nowrap"><ProceedsText figures={d.figures} currency={currency} /></td>
                  </>
                ) : (
                  <td colSpan={4} className={`px-3 py-1.5 ${d.state === "no_sales" ? "" : "text-amber-800"}`}>
                    {STATE_LABELS[d.state]}
                    {d.state === "no_sales" ? <span className="text-muted-foreground"> · Apple reported nothing sold</span> : null}
                  </td>
                )}
                <td className="px-3 py-1.5 text-muted-foreground">{releases.get(d.date)?.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}
