"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/** The open app and picked country live in the URL (?app=…&country=…) so a view can be linked and reloaded. */
export function useRatingsUrl() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const set = useCallback(
    (patch: { app?: string | null; country?: string | null }) => {
      const next = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) next.delete(key);
        else if (value !== undefined) next.set(key, value);
      }
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );
  return { appId: params.get("app"), country: params.get("country")?.toLowerCase() ?? null, set };
}
