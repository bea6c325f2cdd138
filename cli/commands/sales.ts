import { appSales, projectSales, projectSalesByApp, projectSalesSummary } from "@/lib/api/v1/sales-endpoints";
import type { EndpointOutput } from "@/lib/api/v1/endpoint";
import { usage, type CommandContext } from "../context";
import { table } from "../format";

type Figures = { downloads: string; redownloads: string; updates: string; inAppPurchases: string; subscriptions: string; proceeds: { currency: string; amount: string }[]; converted: { amount: string; estimate: boolean } | null };
type Sales = EndpointOutput<typeof projectSales>;

const BY = ["day", "country"] as const;
const str = (ctx: CommandContext, name: string) => (typeof ctx.flags[name] === "string" ? (ctx.flags[name]) : undefined);
const units = (v: string) => Number(v).toLocaleString("en-US");
/** The team-currency amount ("≈" when an estimate), else the proceeds per currency. */
const proceeds = (f: Figures, currency: string | null) =>
  f.converted && currency
    ? `${f.converted.estimate ? "≈" : ""}${currency} ${Number(f.converted.amount).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
    : f.proceeds.map((p) => `${p.currency} ${p.amount}`).join(", ") || "—";
const figureColumns = (label: string) => [
  { key: "downloads", label: "downloads", align: "right" as const },
  { key: "redownloads", label: "redownloads", align: "right" as const },
  { key: "updates", label: "updates", align: "right" as const },
  { key: "iap", label: "in-app", align: "right" as const },
  { key: "proceeds", label },
];
const figureCells = (f: Figures, currency: string | null) => ({
  downloads: units(f.downloads),
  redownloads: units(f.redownloads),
  updates: units(f.updates),
  iap: units(String(Number(f.inAppPurchases) + Number(f.subscriptions))),
  proceeds: proceeds(f, currency),
});

function currencyNote(data: { teamCurrency: { code: string | null; estimatedMonths: { name: string }[] } }) {
  if (!data.teamCurrency.code) return "Proceeds per currency of proceeds: no finance report yet, so no team currency.";
  const estimated = data.teamCurrency.estimatedMonths.map((m) => m.name);
  return estimated.length ? `≈ ${estimated.join(", ")}: estimated at the latest month's exchange rates until Apple's finance report arrives.` : "";
}

function readableSales(data: Sales): string {
  const currency = data.teamCurrency.code;
  const label = currency ? `proceeds (${currency})` : "proceeds";
  if (data.groupBy === "country") {
    if (data.countries.length === 0) return `No sales from ${data.from} to ${data.to}.`;
    const rows = data.countries.map((c) => ({ country: c.countryCode.toUpperCase(), ...figureCells(c, currency) }));
    return [table(rows, [{ key: "country", label: "country" }, ...figureColumns(label)]), currencyNote(data)].filter(Boolean).join("\n");
  }
  const rows = data.days.map((d) => ({ date: d.date, ...(d.figures ? figureCells(d.figures, currency) : { downloads: d.state.replace("_", " ") }) }));
  const releases = data.releases.map((r) => `${r.date}  ${r.appName} ${r.version} released`);
  return [table(rows, [{ key: "date", label: "date" }, ...figureColumns(label)]), ...releases, currencyNote(data)].filter(Boolean).join("\n");
}

/** starboard sales list [--app <id>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by day|country] */
export async function salesList(ctx: CommandContext) {
  const by = str(ctx, "by") ?? "day";
  if (!(BY as readonly string[]).includes(by)) throw usage("--by is day or country.");
  const query = { from: str(ctx, "from"), to: str(ctx, "to"), groupBy: by as (typeof BY)[number] };
  const app = str(ctx, "app");
  const data = app ? await ctx.client().call(appSales, { appId: app, ...query }) : await ctx.client().call(projectSales, { projectId: ctx.projectId(), ...query });
  ctx.print(data, () => readableSales(data));
}

/** starboard sales apps [--from] [--to] --project-id <id> */
export async function salesApps(ctx: CommandContext) {
  const data = await ctx.client().call(projectSalesByApp, { projectId: ctx.projectId(), from: str(ctx, "from"), to: str(ctx, "to") });
  const currency = data.teamCurrency.code;
  ctx.print(data, () =>
    [
      `${data.from} – ${data.to}`,
      table(
        data.apps.map((a) => ({ name: a.matched ? a.name : `${a.name} (no report rows)`, ...figureCells(a, currency) })),
        [{ key: "name", label: "app", max: 30 }, ...figureColumns(currency ? `proceeds (${currency})` : "proceeds")],
      ),
      data.unmatchedProducts ? `${data.unmatchedProducts} product(s) in the reports belong to no app of this project.` : "",
      currencyNote(data),
    ]
      .filter(Boolean)
      .join("\n"),
  );
}

const pct = (change: number | null) => (change === null ? "—" : `${change > 0 ? "+" : change < 0 ? "−" : "±"}${Math.abs(change * 100).toFixed(1)} %`);

/** starboard sales summary --project-id <id>: the last 7 and 30 days against the periods before. */
export async function salesSummary(ctx: CommandContext) {
  const data = await ctx.client().call(projectSalesSummary, { projectId: ctx.projectId() });
  ctx.print(data, () => {
    if (!data.kpis) return data.reports.connected ? "No Sales report day is in yet: the reports sync has not stored one." : `No sales yet. ${data.reports.notConnectedReason}`;
    const currency = data.teamCurrency.code;
    const rows = (["last7", "last30"] as const).map((k) => {
      const p = data.kpis![k];
      const missing = p.current.days - p.current.settledDays;
      return {
        period: `${k === "last7" ? "7" : "30"} days to ${p.current.to}${missing ? ` (${missing} pending)` : ""}`,
        downloads: `${units(p.current.downloads)} (${pct(p.change.downloads)})`,
        redownloads: `${units(p.current.redownloads)} (${pct(p.change.redownloads)})`,
        updates: `${units(p.current.updates)} (${pct(p.change.updates)})`,
        proceeds: `${proceeds(p.current, currency)} (${pct(p.change.proceeds)})`,
      };
    });
    return [
      table(rows, [
        { key: "period", label: "period" },
        { key: "downloads", label: "downloads", align: "right" },
        { key: "redownloads", label: "redownloads", align: "right" },
        { key: "updates", label: "updates", align: "right" },
        { key: "proceeds", label: currency ? `proceeds (${currency})` : "proceeds" },
      ]),
      currencyNote(data),
    ]
      .filter(Boolean)
      .join("\n");
  });
}
