// The Play Console report files in the bucket: monthly reviews and ratings (overview, country) exports computed from
// the simulator's data, plus raw objects from the scenario. Served as UTF-16LE with a byte-order mark.
import { createHash } from "node:crypto";
import type { GoogleSimState, SimPlayReview } from "./state";

export interface SimObject {
  name: string;
  text: string;
}

const REVIEWS_HEADER = [
  "Package Name",
  "App Version Code",
  "App Version Name",
  "Reviewer Language",
  "Device",
  "Review Submit Date and Time",
  "Review Submit Millis Since Epoch",
  "Review Last Update Date and Time",
  "Review Last Update Millis Since Epoch",
  "Star Rating",
  "Review Title",
  "Review Text",
  "Developer Reply Date and Time",
  "Developer Reply Millis Since Epoch",
  "Developer Reply Text",
  "Review Link",
];

const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7).replace("-", "");

/** Text with a NUL and half an emoji, as the odd_text fault serves it. */
export const ODD_TEXT_PREFIX = "Odd\u0000 text \ud83d ";

function reviewRow(sim: GoogleSimState, r: SimPlayReview, odd = false): string {
  const link =
    sim.options.exportReviewLink === "with_id"
      ? `http://play.google.com/console/developers/0123/app/4567/user-feedback/review-details?reviewId=${encodeURIComponent(r.id)}&corpus=PUBLIC_REVIEWS`
      : "http://play.google.com/console/developers/0123/app/4567/user-feedback";
  return [
    r.packageName,
    String(r.versionCode),
    quote(r.versionName),
    r.language,
    quote(r.device),
    iso(r.submittedMs),
    String(r.submittedMs),
    iso(r.modifiedMs),
    String(r.modifiedMs),
    String(r.rating),
    quote(r.title ?? ""),
    quote(`${odd ? ODD_TEXT_PREFIX : ""}${r.originalText ?? r.text}`),
    r.reply ? iso(r.reply.modifiedMs) : "",
    r.reply ? String(r.reply.modifiedMs) : "",
    quote(r.reply?.text ?? ""),
    link,
  ].join(",");
}

/** Every report file of the bucket, by name. */
export function reportObjects(sim: GoogleSimState, options: { oddText?: boolean } = {}): SimObject[] {
  const out: SimObject[] = [];
  for (const [packageName, list] of sim.reviews) {
    const byMonth = new Map<string, SimPlayReview[]>();
    for (const r of list) {
      const m = monthOf(r.modifiedMs);
      byMonth.set(m, [...(byMonth.get(m) ?? []), r]);
    }
    for (const [month, reviews] of byMonth) {
      const rows = [...reviews].sort((a, b) => a.modifiedMs - b.modifiedMs).map((r, i) => reviewRow(sim, r, options.oddText && i === 0));
      out.push({ name: `reviews/reviews_${packageName}_${month}.csv`, text: `${[REVIEWS_HEADER.join(","), ...rows].join("\n")}\n` });
    }
  }
  for (const [packageName, spec] of Object.entries(sim.scenario.ratings)) out.push(...ratingsObjects(sim, packageName, spec));
  for (const [name, text] of sim.objects) out.push({ name, text });
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function ratingsObjects(sim: GoogleSimState, packageName: string, spec: GoogleSimState["scenario"]["ratings"][string]): SimObject[] {
  const today = Date.UTC(new Date(sim.now()).getUTCFullYear(), new Date(sim.now()).getUTCMonth(), new Date(sim.now()).getUTCDate());
  const countries = Object.entries(spec.countries).map(([c, base]) => [c.toUpperCase(), base] as const);
  const byMonth = new Map<string, { overview: string[]; country: string[] }>();
  for (let i = spec.days - 1; i >= 0; i--) {
    const dayMs = today - (spec.endOffsetDays + i) * 86_400_000;
    const date = new Date(dayMs).toISOString().slice(0, 10);
    const month = monthOf(dayMs);
    const files = byMonth.get(month) ?? { overview: [], country: [] };
    byMonth.set(month, files);
    const dailies: number[] = [];
    const totals: number[] = [];
    for (const [country, base] of countries) {
      const total = clamp(base + 0.12 * Math.sin((spec.days - i) / 6 + sim.unit(packageName, country, spec.seed) * 6));
      const none = sim.unit(packageName, country, date, spec.seed, "na") < spec.naShare;
      const daily = none ? null : clamp(base + (sim.unit(packageName, country, date, spec.seed) - 0.5) * 2);
      totals.push(total);
      if (daily !== null) dailies.push(daily);
      files.country.push([date, packageName, country, daily === null ? "NA" : fmt(daily), fmt(total)].join(","));
    }
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    files.overview.push([date, packageName, dailies.length ? fmt(avg(dailies)) : "NA", fmt(avg(totals))].join(","));
  }
  const out: SimObject[] = [];
  for (const [month, files] of byMonth) {
    const prefix = `stats/ratings/ratings_${packageName}_${month}`;
    out.push({ name: `${prefix}_overview.csv`, text: `Date,Package Name,Daily Average Rating,Total Average Rating\n${files.overview.join("\n")}\n` });
    out.push({ name: `${prefix}_country.csv`, text: `Date,Package Name,Country,Daily Average Rating,Total Average Rating\n${files.country.join("\n")}\n` });
  }
  return out;
}

const clamp = (n: number) => Math.min(5, Math.max(1, n));
/** Long decimals, as the exports have them ("4.3125", "3.66666667"). */
const fmt = (n: number) => String(Math.round(n * 1e8) / 1e8);

/** The bytes served for a file: UTF-16LE with a byte-order mark. */
export function encodeReport(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

export function generationOf(text: string): string {
  return String(BigInt(`0x${createHash("sha256").update(text).digest("hex").slice(0, 12)}`));
}

/** malformed_csv_line: a short row (two columns) right after the first data row. */
export function withMalformedLine(text: string): string {
  const lines = text.split("\n");
  if (lines.length < 2) return text;
  lines.splice(2, 0, '"com.broken","row cut short"');
  return lines.join("\n");
}
