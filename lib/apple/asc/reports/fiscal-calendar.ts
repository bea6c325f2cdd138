// Apple's fiscal calendar (apple-reports.md §4.2, third-party [T]): the fiscal year ends on the last Saturday of
// September; quarters are 5-4-4 weeks (a 53rd week, when there is one, goes to the last month — UNCONFIRMED).
// Fiscal months are named after calendar months (the one starting about Oct 1 is "October").
// What `YYYY-MM` in filter[reportDate] means is UNCONFIRMED; both readings are modelled:
//   fiscal_period:  YYYY = fiscal year, MM = period number (October = 01 … September = 12): July 2025 → 2025-10
//   calendar_month: YYYY-MM = the calendar month the fiscal month is named after:          July 2025 → 2025-07
// Starboard stores what a file says its Start/End Date are, so a wrong reading is detected, never misfiled.
import { addDays } from "./values";

export type FinanceDateReading = "fiscal_period" | "calendar_month";
export const FINANCE_DATE_READINGS: readonly FinanceDateReading[] = ["fiscal_period", "calendar_month"];

export interface FiscalMonth {
  fiscalYear: number;
  /** 1 = October … 12 = September. */
  period: number;
  /** First day (a Sunday) and last day (a Saturday), YYYY-MM-DD. */
  start: string;
  end: string;
}

const WEEKS = [5, 4, 4, 5, 4, 4, 5, 4, 4, 5, 4, 4];

function lastSaturdayOfSeptember(year: number): string {
  const d = new Date(Date.UTC(year, 8, 30));
  while (d.getUTCDay() !== 6) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function fiscalYearMonths(fiscalYear: number): FiscalMonth[] {
  const yearStart = addDays(lastSaturdayOfSeptember(fiscalYear - 1), 1);
  const yearEnd = lastSaturdayOfSeptember(fiscalYear);
  const months: FiscalMonth[] = [];
  let start = yearStart;
  WEEKS.forEach((weeks, i) => {
    const end = i === 11 ? yearEnd : addDays(start, weeks * 7 - 1);
    months.push({ fiscalYear, period: i + 1, start, end });
    start = addDays(end, 1);
  });
  return months;
}

export function fiscalMonthContaining(day: string): FiscalMonth {
  const year = Number(day.slice(0, 4));
  for (const fy of [year, year + 1]) {
    const hit = fiscalYearMonths(fy).find((m) => m.start <= day && day <= m.end);
    if (hit) return hit;
  }
  throw new Error(`no fiscal month contains ${day}`);
}

/** The fiscal month before `month`. */
export function previousFiscalMonth(month: FiscalMonth): FiscalMonth {
  return fiscalMonthContaining(addDays(month.start, -1));
}

/** The calendar month (YYYY-MM) a fiscal month is named after. */
export function calendarName(month: FiscalMonth): string {
  const calendarMonth = ((month.period + 8) % 12) + 1;
  const year = month.period <= 3 ? month.fiscalYear - 1 : month.fiscalYear;
  return `${year}-${String(calendarMonth).padStart(2, "0")}`;
}

export function reportDateLabel(month: FiscalMonth, reading: FinanceDateReading): string {
  return reading === "fiscal_period" ? `${month.fiscalYear}-${String(month.period).padStart(2, "0")}` : calendarName(month);
}

/** The fiscal month a filter[reportDate] names under a reading; null when the label is not a month. */
export function fiscalMonthOfLabel(label: string, reading: FinanceDateReading): FiscalMonth | null {
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  if (!m) return null;
  const [year, mm] = [Number(m[1]), Number(m[2])];
  if (mm < 1 || mm > 12) return null;
  if (reading === "fiscal_period") return fiscalYearMonths(year)[mm - 1];
  const period = ((mm + 2) % 12) + 1;
  const fiscalYear = period <= 3 ? year + 1 : year;
  return fiscalYearMonths(fiscalYear)[period - 1];
}

/** Which reading makes `label` name the period a file states (its Start Date); null when neither does. */
export function readingOf(label: string, fileStart: string): FinanceDateReading | null {
  for (const reading of FINANCE_DATE_READINGS) {
    const month = fiscalMonthOfLabel(label, reading);
    if (month && month.start <= fileStart && fileStart <= month.end) return reading;
  }
  return null;
}
