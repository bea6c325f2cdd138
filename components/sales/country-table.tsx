"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { useState } from "react";
import { CountryLabel } from "@/components/ratings/country-rating-cells";
import { countryName } from "@/components/ratings/format";
import { Button } from "@/components/ui/button";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { EndpointOutput } from "@/lib/api/v1/endpoint";
import type { projectSales } from "@/lib/api/v1/sales-endpoints";
import { formatUnits } from "./format";
import { ProceedsText } from "./proceeds";

type Country = Extract<EndpointOutput<typeof projectSales>, { groupBy: "country" }>["countries"][number];
type SortKey = "country" | "downloads" | "redownloads" | "updates" | "inApp" | "proceeds";

const TOP = 15;
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: "country", label: "Country" },
  { key: "downloads", label: "Downloads" },
  { key: "redownloads", label: "Redownloads" },
  { key: "updates", label: "Updates" },
  { key: "inApp", label: "In-app" },
  { key: "proceeds", label: "Proceeds" },
];

const inApp = (c: Country) => Number(c.inAppPurchases) + Number(c.subscriptions);
/** Proceeds to sort by: the team-currency figure, else the sum of the amounts (one currency per storefront, mostly). */
const proceedsOf = (c: Country) => (c.converted ? Number(c.converted.amount) : c.proceeds.reduce((s, p) => s + Number(p.amount), 0));
const SORT: Record<SortKey, (c: Country) => number | string> = {
  country: (c) => countryName(c.countryCode),
  downloads: (c) => Number(c.downloads),
  redownloads: (c) => Number(c.redownloads),
  updates: (c) => Number(c.updates),
  inApp,
  proceeds: proceedsOf,
};

/** Every storefront of the range; any column sorts (again: the other way), names A–Z first, figures biggest first. */
export function CountryTable({ countries, currency }: { countries: Country[]; currency: string | null }) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "downloads", desc: true });
  const [showAll, setShowAll] = useState(false);
  const sorted = [...countries].sort((a, b) => {
    const [x, y] = [SORT[sort.key](a), SORT[sort.key](b)];
    const order = typeof x === "string" ? x.localeCompare(String(y), "en") : x - (y as number);
    return (sort.desc ? -order : order) || countryName(a.countryCode).localeCompare(countryName(b.countryCode), "en");
  });
  const shown = showAll ? sorted : sorted.slice(0, TOP);
  const sortBy = (key: SortKey) => setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key !== "country" }));
  return (
    <div className="space-y-3">
      <ScrollRegion label="Downloads and proceeds by country" className="rounded-lg border border-border">
        <table className="w-full text-sm" data-testid="sales-country-table">
          <thead className="bg-subtle text-left text-xs text-muted-foreground">
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.desc ? "descending" : "ascending") : "none"} className={`px-1.5 py-1 font-medium ${c.key === "country" ? "" : "text-right"}`}>
                  <button type="button" onClick={() => sortBy(c.key)} className={`inline-flex items-center gap-1 rounded px-1.5 py-1 hover:text-foreground focus-ring ${sort.key === c.key ? "text-foreground" : ""}`}>
                    {c.label}
                    {sort.key === c.key ? sort.desc ? <ArrowDown className="size-3" aria-hidden /> : <ArrowUp className="size-3" aria-hidden /> : null}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {shown.map((c) => (
              <tr key={c.countryCode} data-country={c.countryCode} className="hover:bg-subtle">
                <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">
                  <span className="flex items-center gap-2">
                    <CountryLabel code={c.countryCode} />
                  </span>
                </th>
                <td className="px-3 py-1.5 text-right tabular-nums" data-column="downloads">{formatUnits(c.downloads)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatUnits(c.redownloads)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatUnits(c.updates)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatUnits(String(inApp(c)))}</td>
                <td className="px-3 py-1.5 text-right tabular-nums whitespace-nowrap"><ProceedsText figures={c} currency={currency} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {countries.length > TOP ? (
        <Button variant="ghost" size="sm" onClick={() => setShowAll((v) => !v)}>
          {showAll ? `Show top ${TOP}` : `Show all ${countries.length} countries`}
        </Button>
      ) : null}
    </div>
  );
}
