// Analytics report rows (TSV, apple-reports.md §2.8) → daily metric rows: columns found by name (unknown ones
// ignored and counted, a missing required one an error naming it), values compared case-insensitively, counts
// exact integers (a value that is not one fails the file: it is never a zero). Only DAILY files come here; the
// `Date` column is what a row counts for.
import { mapHeader, type ColumnSpec, type HeaderMap } from "../reports/columns";

export type AnalyticsReportKey = "downloads" | "engagement" | "sessions" | "installs" | "crashes";

/** The standard reports read, by the exact name Apple lists (§2.4). The crashes name is UNCONFIRMED. */
export const ANALYTICS_REPORTS: Record<AnalyticsReportKey, readonly string[]> = {
  downloads: ["App Downloads Standard"],
  engagement: ["App Store Discovery and Engagement Standard"],
  sessions: ["App Sessions Standard"],
  installs: ["App Store Installation and Deletion Standard"],
  crashes: ["App Crashes", "App Crashes Standard"],
};

export function reportKeyOf(name: string): AnalyticsReportKey | null {
  for (const [key, names] of Object.entries(ANALYTICS_REPORTS) as [AnalyticsReportKey, readonly string[]][]) if (names.includes(name)) return key;
  return null;
}

const dims = {
  date: { names: ["Date"], required: true },
  appleId: { names: ["App Apple Identifier"], required: true },
  territory: { names: ["Territory"], required: false },
  sourceType: { names: ["Source Type"], required: false },
  pageType: { names: ["Page Type"], required: false },
  device: { names: ["Device"], required: false },
} as const;

const SPECS = {
  downloads: {
    columns: { ...dims, territory: { names: ["Territory"], required: true }, downloadType: { names: ["Download Type"], required: true }, counts: { names: ["Counts"], required: true } },
    known: ["App Name", "App Version", "Platform Version", "Pre-Order", "Source Info", "Campaign", "Page Title"],
  },
  engagement: {
    columns: { ...dims, territory: { names: ["Territory"], required: true }, event: { names: ["Event"], required: true }, counts: { names: ["Counts"], required: true }, uniqueCounts: { names: ["Unique Counts"], required: false } },
    known: ["App Name", "Engagement Type", "Platform Version", "Source Info", "Campaign", "Page Title"],
  },
  sessions: {
    columns: { ...dims, sessions: { names: ["Sessions"], required: true }, duration: { names: ["Total Session Duration"], required: false }, uniqueDevices: { names: ["Unique Devices"], required: false } },
    known: ["App Name", "App Version", "Platform Version", "App Download Date", "Source Info", "Campaign", "Page Title"],
  },
  installs: {
    columns: { ...dims, event: { names: ["Event"], required: true }, counts: { names: ["Counts"], required: true } },
    known: ["App Name", "Download Type", "App Version", "Platform Version", "App Download Date", "Unique Devices", "Source Info", "Campaign", "Page Title"],
  },
  crashes: {
    columns: { ...dims, crashes: { names: ["Crashes"], required: true }, uniqueDevices: { names: ["Unique Devices"], required: false } },
    known: ["App Name", "App Version", "Platform Version"],
  },
} as const satisfies Record<AnalyticsReportKey, ColumnSpec<string>>;

/** How a value of the Download Type / Event column maps to a metric (lower case); others go to `other`. */
const DOWNLOAD_TYPES: Record<string, string> = {
  "first-time download": "first_time_downloads",
  redownload: "redownloads",
  "manual update": "updates",
  "auto-update": "updates",
  restore: "restores",
};
const ENGAGEMENT_EVENTS: Record<string, [string, string | null]> = {
  impression: ["impressions", "impressions_unique"],
  "page view": ["page_views", "page_views_unique"],
  tap: ["taps", null],
};
const INSTALL_EVENTS: Record<string, string> = { install: "installs", delete: "deletions" };

export class AnalyticsRowError extends Error {
  override readonly name = "AnalyticsRowError";
}

export interface MetricKey {
  day: string;
  territory: string;
  sourceType: string;
  pageType: string;
  device: string;
  metric: string;
}

export interface MetricRow extends MetricKey {
  value: number;
}

export interface DailyAggregate {
  /** A new segment file begins: its first record is its header. */
  startFile(): void;
  /** One call per record (the header first). */
  add(record: readonly string[]): void;
  rows(): MetricRow[];
  /** Dates the file carries (the `Date` column). */
  days(): string[];
  unknownColumns(): string[];
  /** Records that carried another app's identifier (never stored under this app). */
  readonly otherApp: number;
  readonly records: number;
}

const cellOf = (record: readonly string[], i: number) => (i < 0 ? "" : (record[i] ?? "").trim());

/**
 * Sums one DAILY file's rows per (day, territory, source type, page type, device, metric). `Unique Counts` and
 * `Unique Devices` are summed within that group only; across groups they over-count (§2.8), which the reads say.
 */
export function createDailyAggregate(report: AnalyticsReportKey, appleId: string): DailyAggregate {
  const spec = SPECS[report] as ColumnSpec<string>;
  let header: HeaderMap<string> | null = null;
  const sums = new Map<string, number>();
  const days = new Set<string>();
  const unknown = new Set<string>();
  let otherApp = 0;
  let records = 0;
  let line = 0;

  const integer = (record: readonly string[], key: string, column: string): number => {
    const raw = cellOf(record, header!.index[key]);
    if (!/^\d+$/.test(raw)) throw new AnalyticsRowError(`Line ${line}: "${column}" is ${raw === "" ? "empty" : `"${raw}"`}, not a whole number; nothing of this file was stored.`);
    const n = Number(raw);
    if (!Number.isSafeInteger(n)) throw new AnalyticsRowError(`Line ${line}: "${column}" ${raw} is too large to count exactly.`);
    return n;
  };

  return {
    get otherApp() {
      return otherApp;
    },
    get records() {
      return records;
    },
    startFile() {
      header = null;
      line = 0;
    },
    add(record) {
      line++;
      if (header === null) {
        header = mapHeader(record, spec);
        header.unknown.forEach((name) => unknown.add(name));
        return;
      }
      if (record.every((c) => c.trim() === "")) return;
      records++;
      const h = header;
      const day = cellOf(record, h.index.date);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new AnalyticsRowError(`Line ${line}: "Date" is "${day}", not YYYY-MM-DD; nothing of this file was stored.`);
      if (cellOf(record, h.index.appleId) !== appleId) {
        otherApp++;
        return;
      }
      days.add(day);
      const base = { day, territory: cellOf(record, h.index.territory).toUpperCase(), sourceType: cellOf(record, h.index.sourceType), pageType: cellOf(record, h.index.pageType), device: cellOf(record, h.index.device) };
      const put = (metric: string, value: number) => {
        const k = [base.day, base.territory, base.sourceType, base.pageType, base.device, metric].join("\t");
        sums.set(k, (sums.get(k) ?? 0) + value);
      };
      const value = (key: string) => cellOf(record, h.index[key]).toLowerCase();
      switch (report) {
        case "downloads":
          put(DOWNLOAD_TYPES[value("downloadType")] ?? "other_downloads", integer(record, "counts", "Counts"));
          break;
        case "engagement": {
          const [metric, unique] = ENGAGEMENT_EVENTS[value("event")] ?? ["other_events", null];
          put(metric, integer(record, "counts", "Counts"));
          if (unique && h.index.uniqueCounts >= 0) put(unique, integer(record, "uniqueCounts", "Unique Counts"));
          break;
        }
        case "sessions":
          put("sessions", integer(record, "sessions", "Sessions"));
          if (h.index.duration >= 0) put("session_seconds", integer(record, "duration", "Total Session Duration"));
          if (h.index.uniqueDevices >= 0) put("active_devices", integer(record, "uniqueDevices", "Unique Devices"));
          break;
        case "installs":
          put(INSTALL_EVENTS[value("event")] ?? "other_events", integer(record, "counts", "Counts"));
          break;
        case "crashes":
          put("crashes", integer(record, "crashes", "Crashes"));
          if (h.index.uniqueDevices >= 0) put("crash_devices", integer(record, "uniqueDevices", "Unique Devices"));
          break;
      }
    },
    rows() {
      return [...sums].map(([k, v]) => {
        const [day, territory, sourceType, pageType, device, metric] = k.split("\t");
        return { day, territory, sourceType, pageType, device, metric, value: v };
      });
    },
    days: () => [...days].sort(),
    unknownColumns: () => [...unknown],
  };
}
