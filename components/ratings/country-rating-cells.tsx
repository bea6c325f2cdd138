// The parts of a ratings-by-country row that the app grid and the project panel share.
import { countryName, deltaClass, flagEmoji, formatAverage, formatCount, formatDay, formatDelta } from "./format";

/** `lastColumn`: the heading of a fifth column after the shared four, or null for none. */
export function CountryTableHead({ lastColumn }: { lastColumn: string | null }) {
  return (
    <thead className="bg-subtle text-left text-xs text-muted-foreground">
      <tr>
        <th scope="col" className="px-3 py-2 font-medium">Country</th>
        <th scope="col" className="px-3 py-2 text-right font-medium">Average</th>
        <th scope="col" className="px-3 py-2 text-right font-medium">Ratings</th>
        <th scope="col" className="px-3 py-2 text-right font-medium">Change</th>
        {lastColumn ? <th scope="col" className="px-3 py-2 text-right font-medium">{lastColumn}</th> : null}
      </tr>
    </thead>
  );
}

export function CountryLabel({ code }: { code: string }) {
  return (
    <>
      <span aria-hidden className="text-base leading-none">{flagEmoji(code)}</span>
      <span>{countryName(code)}</span>
    </>
  );
}

/**
 * Average, count and change cells. `staleSince` marks a country whose latest figure is older than the
 * snapshot (the storefront did not answer at the last sync).
 */
export function RatingFigureCells({ average, count, delta, staleSince }: { average: number | null; count: number | null; delta: number | null; staleSince?: string | null }) {
  return (
    <>
      <td className="px-3 py-1.5 text-right tabular-nums">
        <span className="text-star" aria-hidden>★ </span>
        {formatAverage(average)}
      </td>
      <td className="px-3 py-1.5 text-right tabular-nums">{count === null ? <span className="text-muted-foreground">–</span> : formatCount(count)}</td>
      <td className={`px-3 py-1.5 text-right tabular-nums ${deltaClass(delta)}`} title={staleSince ? `As of ${formatDay(staleSince, true)}` : undefined}>
        {delta === null ? <span className="text-muted-foreground">new</span> : formatDelta(delta)}
        {staleSince ? <span className="text-muted-foreground"> · {formatDay(staleSince)}</span> : null}
      </td>
    </>
  );
}
