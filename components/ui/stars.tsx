import * as React from "react";
import { cn } from "./cn";

const STAR_PATH =
  "M10 1.6l2.47 5.27 5.78.7-4.26 3.97 1.1 5.72L10 14.43l-5.09 2.83 1.1-5.72L1.75 7.57l5.78-.7L10 1.6z";

export type StarsProps = {
  /** 0–5; fractions are rendered proportionally (4.6 → 60% of the fifth star). null/undefined = no rating. */
  value: number | null | undefined;
  size?: "xs" | "sm" | "md" | "lg";
  /** Show the numeric value next to the stars ("4.6"). */
  showValue?: boolean;
  /** Optional count shown after the value, e.g. 1234 → "(1,234)". */
  count?: number;
  className?: string;
};

const px = { xs: 12, sm: 14, md: 16, lg: 20 } as const;
const text = { xs: "text-xs", sm: "text-[13px]", md: "text-sm", lg: "text-base" } as const;

export function formatRating(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}

/** Accessible rating display: role="img" with label "4.6 out of 5 stars". */
export function Stars({ value, size = "sm", showValue, count, className }: StarsProps) {
  const has = typeof value === "number" && Number.isFinite(value);
  const v = has ? Math.min(5, Math.max(0, value)) : 0;
  const s = px[size];
  const label = has ? `${formatRating(v)} out of 5 stars` : "No rating";
  return (
    <span className={cn("inline-flex items-center gap-1.5 align-middle", className)}>
      <span role="img" aria-label={label} className="inline-flex items-center gap-px">
        {Array.from({ length: 5 }, (_, i) => {
          const fill = Math.min(1, Math.max(0, v - i));
          return (
            <span key={i} className="relative inline-block" style={{ width: s, height: s }} aria-hidden>
              <svg viewBox="0 0 20 20" width={s} height={s} className="absolute inset-0 text-star-empty">
                <path d={STAR_PATH} fill="currentColor" />
              </svg>
              {fill > 0 ? (
                <span className="absolute inset-y-0 left-0 overflow-hidden" style={{ width: `${fill * 100}%` }}>
                  <svg viewBox="0 0 20 20" width={s} height={s} className="text-star">
                    <path d={STAR_PATH} fill="currentColor" />
                  </svg>
                </span>
              ) : null}
            </span>
          );
        })}
      </span>
      {showValue ? (
        <span aria-hidden className={cn("font-semibold text-foreground tabular-nums", text[size])}>
          {has ? formatRating(v) : "—"}
        </span>
      ) : null}
      {count !== undefined ? (
        <span className={cn("text-muted-foreground tabular-nums", text[size])}>({count.toLocaleString("en-US")})</span>
      ) : null}
    </span>
  );
}
