"use client";

import { useEffect, useState } from "react";
import { formatRelative } from "./format-relative";

/** "3 h ago", kept fresh each minute; the exact time is in the title. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={iso} title={new Date(iso).toUTCString()} className={className} suppressHydrationWarning>
      {formatRelative(iso, now)}
    </time>
  );
}
