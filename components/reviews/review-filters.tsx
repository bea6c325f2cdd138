"use client";

import { Search, X } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { STOREFRONTS } from "@/lib/apple/storefronts";
import { dateRangeProblem, reviewFiltersSchema, type ReviewFilters } from "@/lib/data/reviews/filters";
import type { ReviewFilterOptions } from "@/lib/data/reviews/options";

const RATINGS = [
  { value: "", label: "Any rating" },
  { value: "5", label: "★★★★★ only" },
  { value: "4", label: "★★★★ only" },
  { value: "3", label: "★★★ only" },
  { value: "2", label: "★★ only" },
  { value: "1", label: "★ only" },
  { value: "4-5", label: "4–5 stars" },
  { value: "1-2", label: "1–2 stars" },
  { value: "1-3", label: "1–3 stars" },
];
const SORTS = [
  { value: "", label: "Newest first" },
  { value: "oldest", label: "Oldest first" },
  { value: "lowest", label: "Lowest rating first" },
  { value: "highest", label: "Highest rating first" },
];
const COUNTRIES = [{ value: "", label: "All countries" }, ...[...STOREFRONTS].sort((a, b) => a.name.localeCompare(b.name)).map((s) => ({ value: s.storefront, label: s.name }))];

/** Text fields apply after a short pause; selects at once. Everything lives in the URL. */
function useDebounced(value: string, onSettle: (v: string) => void, ms = 350) {
  useEffect(() => {
    const t = setTimeout(() => onSettle(value), ms);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
}

/** The field's error under the limits of the shared schema (too long, too many words, NUL…), or null. */
function textError(key: "q" | "nickname", value: string): string | null {
  const parsed = reviewFiltersSchema.shape[key].safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? "Not a valid value.");
}

export function ReviewFiltersBar({ filters, options, onChange }: { filters: ReviewFilters; options: ReviewFilterOptions; onChange: (patch: Partial<ReviewFilters>) => void }) {
  const [q, setQ] = useState(filters.q ?? "");
  const [nickname, setNickname] = useState(filters.nickname ?? "");
  const qError = textError("q", q);
  const nicknameError = textError("nickname", nickname);
  // A value over the limits stays in the box with its error, and is not applied.
  useDebounced(q, (v) => !textError("q", v) && v !== (filters.q ?? "") && onChange({ q: v || undefined }));
  useDebounced(nickname, (v) => !textError("nickname", v) && v !== (filters.nickname ?? "") && onChange({ nickname: v || undefined }));
  const apps = options.apps.filter((a) => !filters.project || a.projectId === filters.project);
  // The order is not a filter: "Clear filters" keeps it.
  const active = Object.entries(filters).some(([k, v]) => k !== "sort" && v !== undefined && v !== "");
  const set = (key: keyof ReviewFilters) => (e: React.ChangeEvent<HTMLSelectElement>) => onChange({ [key]: e.target.value || undefined });
  // A range typed backwards stays in its boxes with the error and is not applied.
  const [from, setFrom] = useState(filters.from ?? "");
  const [to, setTo] = useState(filters.to ?? "");
  const rangeError = dateRangeProblem({ from: from || undefined, to: to || undefined });
  const setDay = (key: "from" | "to") => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.target.value;
    const next = { from: key === "from" ? value : from, to: key === "to" ? value : to };
    (key === "from" ? setFrom : setTo)(value);
    if (!dateRangeProblem({ from: next.from || undefined, to: next.to || undefined })) onChange({ from: next.from || undefined, to: next.to || undefined });
  };

  return (
    <div className="space-y-3 rounded-card border border-border bg-white p-3 shadow-card">
      <div className="flex flex-col gap-2 md:flex-row">
        <Field error={qError} className="md:flex-1">
          <Input
            aria-label="Search reviews"
            leading={<Search className="size-4" aria-hidden />}
            placeholder='Search any language: words, "exact phrase", -exclude'
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </Field>
        <Field error={nicknameError} className="md:w-56">
          <Input aria-label="Reviewer" placeholder="Reviewer nickname" value={nickname} onChange={(e) => setNickname(e.target.value)} />
        </Field>
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        <Select
          size="sm"
          aria-label="Project"
          value={filters.project ?? ""}
          onChange={(e) => onChange({ project: e.target.value || undefined, app: undefined })}
          options={[{ value: "", label: "All projects" }, ...options.projects.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <Select size="sm" aria-label="App" value={filters.app ?? ""} onChange={set("app")} options={[{ value: "", label: "All apps" }, ...apps.map((a) => ({ value: a.id, label: a.name }))]} />
        <Select size="sm" aria-label="Store" value={filters.store ?? ""} onChange={set("store")} options={[{ value: "", label: "All stores" }, { value: "app_store", label: "App Store" }, { value: "google_play", label: "Google Play" }]} />
        <Select size="sm" aria-label="Rating" value={filters.rating ?? ""} onChange={set("rating")} options={RATINGS} />
        <Select size="sm" aria-label="Country" value={filters.country ?? ""} onChange={set("country")} options={COUNTRIES} />
        <Select
          size="sm"
          aria-label="Language"
          value={filters.language ?? ""}
          onChange={set("language")}
          options={[{ value: "", label: "All languages" }, ...options.languages.map((l) => ({ value: l.code, label: l.name }))]}
        />
        <Select
          size="sm"
          aria-label="Has reply"
          value={filters.response ?? ""}
          onChange={set("response")}
          options={[
            { value: "", label: "Replied or not" },
            { value: "yes", label: "Has a reply" },
            { value: "no", label: "No reply yet" },
          ]}
        />
        <Select size="sm" aria-label="Sort" value={filters.sort ?? ""} onChange={set("sort")} options={SORTS} />
      </div>
      <fieldset className="space-y-1">
        <legend className="sr-only">Written between two days (UTC)</legend>
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-[13px] text-muted-foreground">
          <label htmlFor="reviews-written-from">Written from</label>
          <span className="w-40">
            <Input id="reviews-written-from" type="date" aria-label="Written from (UTC day)" aria-invalid={rangeError ? true : undefined} aria-describedby={rangeError ? "reviews-range-error" : undefined} value={from} max={to || undefined} onChange={setDay("from")} />
          </span>
          <label htmlFor="reviews-written-to">to</label>
          <span className="w-40">
            <Input id="reviews-written-to" type="date" aria-label="Written until (UTC day)" aria-invalid={rangeError ? true : undefined} aria-describedby={rangeError ? "reviews-range-error" : undefined} value={to} min={from || undefined} onChange={setDay("to")} />
          </span>
          <span>(UTC days)</span>
        </div>
        {rangeError ? (
          <p id="reviews-range-error" className="text-[13px] text-red-700">
            {rangeError}
          </p>
        ) : null}
      </fieldset>
      {active ? (
        <div className="flex justify-end">
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setQ("");
              setNickname("");
              setFrom("");
              setTo("");
              onChange({ project: undefined, app: undefined, store: undefined, rating: undefined, country: undefined, language: undefined, response: undefined, q: undefined, nickname: undefined, from: undefined, to: undefined });
            }}
          >
            <X aria-hidden /> Clear filters
          </Button>
        </div>
      ) : null}
    </div>
  );
}
