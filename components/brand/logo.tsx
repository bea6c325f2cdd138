import * as React from "react";
import { cn } from "@/components/ui/cn";

/** Just the glyph: a rounded indigo tile with an amber star. app/icon.svg (the favicon) is the same drawing. */
export function LogoMark({ size = 24, className }: { size?: number; className?: string }) {
  return (
    <svg viewBox="0 0 32 32" width={size} height={size} aria-hidden className={cn("shrink-0", className)}>
      <defs>
        <linearGradient id="sb-tile" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#4f46e5" />
          <stop offset="1" stopColor="#3730a3" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill="url(#sb-tile)" />
      <path
        d="M16 6.2l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L16 21.1l-5.9 3.2 1.3-6.6-4.9-4.6 6.6-.8L16 6.2z"
        fill="#fbbf24"
        stroke="#fbbf24"
        strokeWidth="1.2"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** "Starboard" wordmark with star glyph. `size` scales both. */
export function Logo({ size = "md", className }: { size?: "sm" | "md" | "lg"; className?: string }) {
  const mark = { sm: 20, md: 24, lg: 32 }[size];
  const text = { sm: "text-sm", md: "text-[15px]", lg: "text-xl" }[size];
  return (
    <span className={cn("inline-flex items-center gap-2 select-none", className)}>
      <LogoMark size={mark} />
      <span className={cn("font-semibold tracking-[-0.02em] text-foreground", text)}>Starboard</span>
    </span>
  );
}
