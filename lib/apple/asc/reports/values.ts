// Report values as text → validated text: dates to ISO, decimals kept as strings for PostgreSQL's numeric
// (never through a JS float). A value that cannot be read is an error naming it, never a zero.

export class ReportValueError extends Error {
  override readonly name = "ReportValueError";
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** "12", "-1", "0.70", "1,234.50" (a thousands separator is tolerated) → a canonical decimal string. */
export function parseDecimal(raw: string, what: string): string {
  const v = raw.trim().replace(/,(?=\d{3}(\D|$))/g, "");
  if (!DECIMAL.test(v)) throw new ReportValueError(`${what} is not a number: "${raw.slice(0, 40)}"`);
  return v.startsWith("+") ? v.slice(1) : v;
}

/** Apple's MM/DD/YYYY (also YYYY-MM-DD and YYYYMMDD) → YYYY-MM-DD; checks the day exists. */
export function parseReportDate(raw: string, what: string): string {
  const v = raw.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[3]), Number(m[1]), Number(m[2])];
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)) || (m = /^(\d{4})(\d{2})(\d{2})$/.exec(v))) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else throw new ReportValueError(`${what} is not a date: "${raw.slice(0, 40)}"`);
  const iso = `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const check = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso) throw new ReportValueError(`${what} is not a date: "${raw.slice(0, 40)}"`);
  return iso;
}

/** ISO 3166 alpha-2 as the reports write storefronts; upper-cased. */
export function parseCountry(raw: string, what: string): string {
  const v = raw.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(v)) throw new ReportValueError(`${what} is not a two-letter country code: "${raw.slice(0, 40)}"`);
  return v;
}

/** ISO 4217; upper-cased. */
export function parseCurrency(raw: string, what: string): string {
  const v = raw.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(v)) throw new ReportValueError(`${what} is not a currency code: "${raw.slice(0, 40)}"`);
  return v;
}

/** Day arithmetic on YYYY-MM-DD strings in UTC, so no time zone shifts a report day. */
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}
