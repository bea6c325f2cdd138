"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formatRange, RANGE_PRESETS, type RangePreset, type SalesRangeChoice } from "./format";

/** The longest custom range the API answers (MAX_SALES_RANGE_DAYS). */
const MAX_DAYS = 731;

/** 30 days / 90 days / 1 year up to the newest published day, or a custom range (both ends inclusive). */
export function RangePicker({ range, onChange }: { range: SalesRangeChoice; onChange: (choice: { days: RangePreset } | { from: string; to: string }) => void }) {
  const [custom, setCustom] = useState(range.kind === "custom");
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    if (!from || !to) return setError("Pick both days.");
    if (from > to) return setError("The first day is after the last one.");
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > MAX_DAYS) return setError(`Pick at most ${MAX_DAYS} days.`);
    setError(null);
    onChange({ from, to });
  };
  const pressed = (days: RangePreset) => !custom && range.kind === "preset" && range.days === days;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label="Time range" className="inline-flex rounded-md border border-border bg-white p-0.5">
          {RANGE_PRESETS.map((d) => (
            <button
              key={d}
              type="button"
              aria-pressed={pressed(d)}
              onClick={() => {
                setCustom(false);
                onChange({ days: d });
              }}
              className={`rounded px-2.5 py-1 text-xs font-medium transition-colors focus-ring ${pressed(d) ? "bg-foreground text-background" : "text-muted-foreground hover:text-foreground"}`}
            >
              {d === 365 ? "1 year" : `${d} days`}
            </button>
          ))}
          <button
            type="button"
            aria-pressed={custom}
            aria-expanded={custom}
            onClick={() => setCustom((v) => !v)}
            className={`rounded px-2.5 py-1 text-xs font-medium transition-colors focus-ring ${custom ? "bg-foreground text-background" : "text-muted-foreground hover:text-foreground"}`}
          >
            Custom
          </button>
        </div>
        <p className="text-sm text-muted-foreground" data-testid="sales-range">
          {formatRange(range.from, range.to)}
        </p>
      </div>
      {custom ? (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <Field label="From" className="w-40">
            <Input type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
          </Field>
          <Field label="To" className="w-40">
            <Input type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
          </Field>
          <Button type="submit" variant="secondary">
            Show range
          </Button>
          {error ? (
            <p role="alert" className="w-full text-sm text-red-700">
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
