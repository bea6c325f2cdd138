import Link from "next/link";
import type { AppDownloadsSparkline } from "@/lib/data/sales/types";
import { formatUnits } from "./format";

const W = 60;
const H = 22;

/** The points as SVG path segments: a day without figures breaks the line, it is never drawn as zero. */
function segments(points: (number | null)[]): string {
  const top = Math.max(1, ...points.map((p) => p ?? 0));
  const x = (i: number) => (points.length === 1 ? W / 2 : (i / (points.length - 1)) * W);
  const y = (v: number) => H - 1 - (v / top) * (H - 2);
  let d = "";
  let open = false;
  points.forEach((p, i) => {
    if (p === null) {
      open = false;
      return;
    }
    d += `${open ? "L" : "M"}${x(i).toFixed(1)},${y(p).toFixed(1)}`;
    open = true;
  });
  return d;
}

/** "12,345 downloads · 30 days" with a small line of the days, linking to the project's Downloads & revenue. */
export function DownloadsSparkline({ sparkline, href }: { sparkline: AppDownloadsSparkline; href: string }) {
  const pending = sparkline.points.filter((p) => p === null).length;
  const note = pending ? ` (${pending} ${pending === 1 ? "day" : "days"} not published yet)` : "";
  return (
    <Link
      href={href}
      title={`Downloads over the last 30 days${note}: open Downloads & revenue`}
      data-testid="downloads-sparkline"
      className="inline-flex items-center gap-1.5 rounded-md px-1.5 py-1 text-sm whitespace-nowrap text-zinc-700 hover:bg-subtle focus-ring"
    >
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden className="overflow-visible">
        <path d={segments(sparkline.points)} fill="none" stroke="#6366f1" strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />
      </svg>
      <span className="tabular-nums">
        <span className="font-medium">{formatUnits(sparkline.downloads)}</span> <span className="text-muted-foreground">downloads <span className="text-xs">· 30 days</span></span>
        {note ? <span className="sr-only">{note}</span> : null}
      </span>
    </Link>
  );
}
