"use client";

import { Star } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { setReviewStarFilter } from "@/lib/actions/notifications";
import { STAR_VALUES } from "@/lib/notifications/types";
import { useSavedValue } from "./use-setting";

/** Which star ratings make a new-review notification; none selected = every review. */
export function StarFilter({ initial }: { initial: number[] }) {
  const [stars, setStars] = useSavedValue(initial, (next) => setReviewStarFilter({ stars: next }));
  const all = stars.length === 0;
  const toggle = (s: number) => {
    const current = all ? [...STAR_VALUES] : stars;
    const next = current.includes(s) ? current.filter((x) => x !== s) : [...current, s].sort();
    setStars(next.length === 5 || next.length === 0 ? [] : next);
  };
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Review stars to notify about">
        {STAR_VALUES.map((s) => {
          const on = all || stars.includes(s);
          return (
            <button
              key={s}
              type="button"
              aria-pressed={on}
              onClick={() => toggle(s)}
              className={cn(
                "inline-flex h-8 items-center gap-1 rounded-full border px-3 text-sm font-medium tabular-nums transition-colors outline-none focus-visible:ring-2 focus-visible:ring-accent/40",
                on ? "border-amber-300 bg-amber-50 text-amber-800" : "border-border bg-white text-zinc-400 hover:text-zinc-600",
              )}
            >
              {s}
              <Star className={cn("size-3.5", on ? "fill-amber-400 text-amber-400" : "text-zinc-300")} aria-hidden />
            </button>
          );
        })}
      </div>
      <p className="text-[13px] text-muted-foreground">
        {all
          ? "You hear about every new review."
          : `You hear about a sync's new reviews when at least one is ${stars.map((s) => `${s}★`).join(" or ")}.`}
        {!all ? (
          <button type="button" className="ml-2 text-accent hover:underline" onClick={() => setStars([])}>
            Reset to all
          </button>
        ) : null}
      </p>
    </div>
  );
}
