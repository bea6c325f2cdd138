// Readable terminal output: aligned tables, stars, relative numbers.
export function table(rows: Record<string, unknown>[], columns: { key: string; label: string; max?: number; align?: "right" }[]): string {
  const cell = (v: unknown, max?: number) => {
    const s = v === null || v === undefined ? "—" : String(v).replace(/\s+/g, " ");
    return max && s.length > max ? `${s.slice(0, max - 1)}…` : s;
  };
  const cells = rows.map((r) => columns.map((c) => cell(r[c.key], c.max)));
  const widths = columns.map((c, i) => Math.max(c.label.length, ...cells.map((row) => row[i].length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i].align === "right" ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.label.toUpperCase())), ...cells.map(line)].join("\n");
}

export const stars = (rating: number) => "★".repeat(rating) + "☆".repeat(5 - rating);
export const signed = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n > 0 ? `+${n.toLocaleString("en-US")}` : n.toLocaleString("en-US"));
export const count = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toLocaleString("en-US"));
export const rating = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toFixed(2));
export const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : "—");
/** "App Store" / "Google Play" ("Play" where a table column is narrow). */
export const storeName = (store: string, short = false) => (store === "google_play" ? (short ? "Play" : "Google Play") : "App Store");
