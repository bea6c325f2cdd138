// The 175 App Store storefronts and the ASC territory codes; shared by server code, UI and the Apple simulator.
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import data from "./storefronts.json" with { type: "json" };

countries.registerLocale(en);

export interface Storefront {
  /** Lowercase ISO 3166-1 alpha-2, as iTunes Lookup's `country=` takes it. */
  storefront: string;
  /** ASC territory code (alpha-3), as customerReviews' `territory` carries it. */
  territory: string;
  /** English country name. */
  name: string;
}

// Shorter, everyday names where the ISO name is formal ("United States of America").
const NAME_OVERRIDES: Record<string, string> = {
  us: "United States",
  gb: "United Kingdom",
  cn: "China",
  fm: "Micronesia",
  gm: "Gambia",
  md: "Moldova",
  mk: "North Macedonia",
  ru: "Russia",
  tw: "Taiwan",
  tz: "Tanzania",
  vg: "British Virgin Islands",
  kr: "South Korea",
  la: "Laos",
  xk: "Kosovo",
  cd: "Congo (DRC)",
  cg: "Congo",
};

export function countryName(code: string): string {
  const lower = code.toLowerCase();
  return NAME_OVERRIDES[lower] ?? countries.getName(lower.toUpperCase(), "en") ?? code.toUpperCase();
}

export const STOREFRONTS: readonly Storefront[] = Object.freeze(
  data.storefronts.map((s) => Object.freeze({ storefront: s.storefront, territory: s.territory, name: countryName(s.storefront) })),
);

export const STOREFRONT_CODES: readonly string[] = Object.freeze(STOREFRONTS.map((s) => s.storefront));

const byCode = new Map(STOREFRONTS.map((s) => [s.storefront, s]));
const byTerritory = new Map(STOREFRONTS.map((s) => [s.territory, s]));

export function isStorefront(code: string): boolean {
  return byCode.has(code.toLowerCase());
}

/** A storefront, or any other ISO 3166 country (Google Play reports countries the App Store has no storefront in). */
export function isCountryCode(code: string): boolean {
  return isStorefront(code) || (/^[a-z]{2}$/i.test(code) && countries.isValid(code.toUpperCase()));
}

export function getStorefront(code: string): Storefront | undefined {
  return byCode.get(code.toLowerCase());
}

export function storefrontForTerritory(territory: string): Storefront | undefined {
  return byTerritory.get(territory.toUpperCase());
}

/**
 * ASC territory (alpha-3, any of Apple's ~233 codes) → lowercase alpha-2 country code, or null when unknown.
 * Not every result is a storefront: reviews can come from territories without one.
 */
export function territoryToCountryCode(territory: string | null | undefined): string | null {
  if (!territory || typeof territory !== "string") return null;
  const upper = territory.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(upper)) return null;
  // Apple's own storefront list first: it knows codes ISO 3166 does not (Kosovo is XKS → xk).
  const storefront = byTerritory.get(upper);
  if (storefront) return storefront.storefront;
  const alpha2 = countries.alpha3ToAlpha2(upper);
  return alpha2 ? alpha2.toLowerCase() : null;
}

/** Lowercase alpha-2 → ASC territory code (alpha-3), or null. */
export function countryCodeToTerritory(code: string): string | null {
  const sf = byCode.get(code.toLowerCase());
  if (sf) return sf.territory;
  return countries.alpha2ToAlpha3(code.toUpperCase()) ?? null;
}

/** Regional-indicator flag from an alpha-2 code ("us" → 🇺🇸); a white flag for anything else. */
export function flagEmoji(countryCode: string): string {
  const cc = countryCode.toUpperCase();
  if (!/^[A-Z]{2}$/.test(cc)) return "🏳️";
  return String.fromCodePoint(...[...cc].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

/** "US, GB, DE" — at most eight, then "…": storefronts named in a run's message. */
export function storefrontList(storefronts: readonly string[]): string {
  return `${storefronts.slice(0, 8).map((s) => s.toUpperCase()).join(", ")}${storefronts.length > 8 ? ", …" : ""}`;
}
