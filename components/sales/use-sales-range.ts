"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { rangeFromParams, type RangePreset, type SalesRangeChoice } from "./format";

/**
 * The chart's range lives in the URL (?range=90, or ?from=…&to=…) so a view can be linked and reloaded. The page's
 * server component reads no search params, so the URL changes in place (history.replaceState, which Next syncs into
 * useSearchParams) without re-rendering the server page, as the ratings views do.
 */
export function useSalesRange(latestPublishedDay: string) {
  const params = useSearchParams();
  const pathname = usePathname();
  const range: SalesRangeChoice = rangeFromParams(params, latestPublishedDay);
  const set = useCallback(
    (choice: { days: RangePreset } | { from: string; to: string }) => {
      const next = new URLSearchParams(params.toString());
      for (const key of ["range", "from", "to"]) next.delete(key);
      if ("days" in choice) {
        if (choice.days !== 30) next.set("range", String(choice.days));
      } else {
        next.set("from", choice.from);
        next.set("to", choice.to);
      }
      const query = next.toString();
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [params, pathname],
  );
  return { range, set };
}
