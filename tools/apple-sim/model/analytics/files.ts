// The rows of the standard analytics reports (apple-reports.md §2.8), deterministic per app, report and day.
// Combinations under Apple's privacy threshold (< 5) are left out, as Apple does (§2.9).
import { addDays } from "../../../../lib/apple/asc/reports/values";
import { hashUnit } from "../../random";
import { appliesTo, type AnalyticsConfig } from "./config";

export const ANALYTICS_REPORT_NAMES = {
  downloads: "App Downloads Standard",
  engagement: "App Store Discovery and Engagement Standard",
  sessions: "App Sessions Standard",
  installs: "App Store Installation and Deletion Standard",
} as const;

const TERRITORIES: [string, string][] = [
  ["US", "USA"], ["DE", "DEU"], ["GB", "GBR"], ["FR", "FRA"], ["JP", "JPN"], ["BR", "BRA"],
  ["IN", "IND"], ["CA", "CAN"], ["AU", "AUS"], ["IT", "ITA"], ["ES", "ESP"], ["KR", "KOR"],
];
const SOURCES = ["App Store search", "App Store browse", "Web referrer", "App referrer"];
const PAGES = ["Product page", "No page"];
const DEVICES = ["iPhone", "iPad"];

export interface ReportShape {
  header: string[];
  /** Rows for one day, as cells in header order. */
  rows(day: string, scale: number): string[][];
}

interface DayContext {
  appleId: string;
  name: string;
  weight: number;
  territories: string[];
  seed: number;
}

const count = (ctx: DayContext, day: string, base: number, ...parts: (string | number)[]) => {
  const n = Math.floor(base * ctx.weight * (0.3 + 1.4 * hashUnit(ctx.seed, ctx.appleId, day, ...parts)));
  return n < 5 ? 0 : n;
};

function shapes(ctx: DayContext, crashesName: string): Record<string, ReportShape> {
  const common = (day: string) => [day, ctx.name, ctx.appleId];
  const each = <T,>(fn: (territory: string, source: string, page: string, device: string) => T[]) =>
    ctx.territories.flatMap((t) => SOURCES.flatMap((s) => PAGES.flatMap((p) => DEVICES.flatMap((d) => fn(t, s, p, d)))));
  return {
    [ANALYTICS_REPORT_NAMES.downloads]: {
      header: ["Date", "App Name", "App Apple Identifier", "Download Type", "App Version", "Device", "Platform Version", "Source Type", "Page Type", "Pre-Order", "Territory", "Counts"],
      rows: (day, scale) =>
        each((t, s, p, d) =>
          (["First-time Download", "Redownload", "Auto-update"] as const).flatMap((type, i) => {
            const n = Math.floor(count(ctx, day, [40, 12, 25][i], "dl", t, s, p, d, type) * scale);
            return n > 0 ? [[...common(day), type, "3.2", d, "iOS 18.1", s, p, "", t, String(n)]] : [];
          }),
        ),
    },
    [ANALYTICS_REPORT_NAMES.engagement]: {
      header: ["Date", "App Name", "App Apple Identifier", "Event", "Page Type", "Source Type", "Engagement Type", "Device", "Platform Version", "Territory", "Counts", "Unique Counts"],
      rows: (day, scale) =>
        each((t, s, p, d) =>
          (["Impression", "Page view", "Tap"] as const).flatMap((event, i) => {
            const n = Math.floor(count(ctx, day, [900, 160, 60][i], "en", t, s, p, d, event) * scale);
            return n > 0 ? [[...common(day), event, p, s, event === "Tap" ? "Get" : "", d, "iOS 18.1", t, String(n), String(Math.floor(n * 0.7))]] : [];
          }),
        ),
    },
    [ANALYTICS_REPORT_NAMES.sessions]: {
      header: ["Date", "App Name", "App Apple Identifier", "App Version", "Device", "Platform Version", "Source Type", "Page Type", "App Download Date", "Territory", "Sessions", "Total Session Duration", "Unique Devices"],
      rows: (day, scale) =>
        each((t, s, p, d) => {
          const n = Math.floor(count(ctx, day, 120, "se", t, s, p, d) * scale);
          return n > 0 ? [[...common(day), "3.2", d, "iOS 18.1", s, p, "", t, String(n), String(n * 95), String(Math.max(5, Math.floor(n / 3)))]] : [];
        }),
    },
    [ANALYTICS_REPORT_NAMES.installs]: {
      header: ["Date", "App Name", "App Apple Identifier", "Event", "Download Type", "App Version", "Device", "Platform Version", "Source Type", "Page Type", "App Download Date", "Territory", "Counts", "Unique Devices"],
      rows: (day, scale) =>
        each((t, s, p, d) =>
          (["Install", "Delete"] as const).flatMap((event, i) => {
            const n = Math.floor(count(ctx, day, [30, 9][i], "in", t, s, p, d, event) * scale);
            return n > 0 ? [[...common(day), event, "First-time download", "3.2", d, "iOS 18.1", s, p, "", t, String(n), String(n)]] : [];
          }),
        ),
    },
    [crashesName]: {
      header: ["Date", "App Name", "App Apple Identifier", "App Version", "Device", "Platform Version", "Crashes", "Unique Devices"],
      rows: (day, scale) =>
        DEVICES.flatMap((d) =>
          ["3.1", "3.2"].flatMap((v) => {
            const n = Math.floor(count(ctx, day, 30, "cr", v, d) * scale);
            return n > 0 ? [[...common(day), v, d, "iOS 18.1", String(n), String(Math.max(5, Math.floor(n / 2)))]] : [];
          }),
        ),
    },
  };
}

/** The wanted reports' names, in the simulator's report order (the crashes name is a behaviour). */
export const wantedNames = (config: AnalyticsConfig) => [...Object.values(ANALYTICS_REPORT_NAMES), config.behaviours.crashesReportName];

export interface InstanceContent {
  /** Dates the file carries, with the share of the final counts (1 = final). */
  dates: { day: string; scale: number }[];
}

/** What a DAILY instance processed on `processingDate` carries (§2.5–2.6: late days and corrections). */
export function dailyContent(config: AnalyticsConfig, processingDate: string, appleId: string, report: string): InstanceContent {
  const dates = config.behaviours.revisions
    ? [{ day: addDays(processingDate, -2), scale: 1 }, { day: addDays(processingDate, -1), scale: 0.8 }]
    : [{ day: addDays(processingDate, -1), scale: 1 }];
  return { dates: dates.filter((d) => !config.neverPublished.some((e) => appliesTo(e, d.day, appleId, report))) };
}

/** A WEEKLY instance: the week's Monday as its Date, a week's counts (never to be added to daily rows). */
export function weeklyContent(processingDate: string): InstanceContent {
  return { dates: [{ day: addDays(processingDate, -11), scale: 7 }] };
}

/** The TSV text of one segment of an instance. */
export function instanceText(config: AnalyticsConfig, appleId: string, reportName: string, content: InstanceContent, segment = 0, segments = 1): string | null {
  const app = config.apps.find((a) => a.appleId === appleId);
  if (!app) return null;
  const territories = TERRITORIES.slice(0, config.territories).map(([a2, a3]) => (config.behaviours.territoryFormat === "alpha3" ? a3 : a2));
  const shape = shapes({ appleId, name: app.name, weight: app.weight, territories, seed: config.seed }, config.behaviours.crashesReportName)[reportName];
  if (!shape) return null;
  const rows = content.dates.flatMap((d) => shape.rows(d.day, d.scale)).filter((_, i) => i % segments === segment);
  // A stable column order per report, other than the documented one.
  const order = shape.header.map((_, i) => i);
  if (config.behaviours.shuffleColumns) order.sort((a, b) => hashUnit(reportName, a) - hashUnit(reportName, b));
  const line = (cells: string[]) => order.map((i) => cells[i]).join("\t");
  return [line(shape.header), ...rows.map(line)].join("\n") + "\n";
}
