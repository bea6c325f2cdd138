"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * The open app and picked country live in the URL (?app=…&country=…) so a view can be linked and reloaded.
 * They are UI-only on the page that uses this (the project page, whose server component reads no search params), so
 * the URL changes in place with history.replaceState, which Next syncs into useSearchParams; router.replace would
 * refetch and re-render the whole server page for every dialog open, close and country pick. Do not use this on a
 * page whose server reads ?app= or ?country= (the reviews page filters by both).
 */
export function useRatingsUrl() {
  const params = useSearchParams();
  const pathname = usePathname();
  const set = useCallback(
    (patch: { app?: string | null; country?: string | null }) => {
      const next = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) next.delete(key);
        else if (value !== undefined) next.set(key, value);
      }
      const query = next.toString();
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [params, pathname],
  );
  return { appId: params.get("app"), country: params.get("country")?.toLowerCase() ?? null, set };
}
