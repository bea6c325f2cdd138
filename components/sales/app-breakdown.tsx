import { ScrollRegion } from "@/components/ui/scroll-region";
import type { EndpointOutput } from "@/lib/api/v1/endpoint";
import type { projectSalesByApp } from "@/lib/api/v1/sales-endpoints";
import { formatUnits } from "./format";
import { ProceedsText } from "./proceeds";

type ByApp = EndpointOutput<typeof projectSalesByApp>;

/** Each Apple app of the project over the range, most downloads first; an app no report row matches says why. */
export function AppBreakdown({ data }: { data: ByApp }) {
  const currency = data.teamCurrency.code;
  return (
    <div className="space-y-2">
      <ScrollRegion label="Downloads and proceeds by app" className="rounded-lg border border-border">
        <table className="w-full text-sm" data-testid="sales-app-table">
          <thead className="bg-subtle text-left text-xs text-muted-foreground">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">App</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Downloads</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Redownloads</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Updates</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">In-app</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Proceeds</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {data.apps.map((a) => (
              <tr key={a.appId} data-app={a.appId}>
                <th scope="row" className="px-3 py-1.5 text-left font-medium">
                  {a.name}
                  {a.matched ? null : <span className="block text-xs font-normal text-muted-foreground">No report rows: check its App Store id</span>}
                </th>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatUnits(a.downloads)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatUnits(a.redownloads)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatUnits(a.updates)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatUnits(String(Number(a.inAppPurchases) + Number(a.subscriptions)))}</td>
                <td className="px-3 py-1.5 text-right tabular-nums whitespace-nowrap"><ProceedsText figures={a} currency={currency} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {data.unmatchedProducts > 0 ? (
        <p className="text-xs text-muted-foreground">
          {data.unmatchedProducts === 1 ? "1 product" : `${data.unmatchedProducts} products`} in the reports belong to no app of this project (another project&apos;s, or an app not added here): kept, not counted above.
        </p>
      ) : null}
    </div>
  );
}
