// The simulated vendor's catalogue, flattened into row "slots" (app or in-app purchase × storefront × product type)
// whose fixed text is built once: a day's file is then a cheap, deterministic selection of slots.
import { STOREFRONTS } from "../../../../lib/apple/storefronts";
import type { ReportApp, ReportsConfig } from "./config";
import { reportAppSchema } from "./config";

const EURO = "at be cy de ee es fi fr gr hr ie it lt lu lv mt nl pt si sk".split(" ");
const CURRENCY_OF: Record<string, string> = {
  ...Object.fromEntries(EURO.map((c) => [c, "EUR"])),
  gb: "GBP", jp: "JPY", ca: "CAD", au: "AUD", nz: "NZD", cn: "CNY", mx: "MXN", br: "BRL", ch: "CHF", se: "SEK", no: "NOK", dk: "DKK",
  pl: "PLN", in: "INR", kr: "KRW", tr: "TRY",
};
const WEIGHT_OF: Record<string, number> = { us: 12, cn: 5, jp: 5, gb: 5, de: 5, fr: 4, ca: 3, au: 3, br: 3, in: 3, kr: 3, it: 3, es: 3, mx: 2, nl: 2 };

/** Tier-1 customer price and developer proceeds in minor units, and the currency's decimals. */
const TIER1: Record<string, { price: number; proceeds: number; decimals: number }> = {
  USD: { price: 99, proceeds: 70, decimals: 2 }, EUR: { price: 99, proceeds: 67, decimals: 2 }, GBP: { price: 99, proceeds: 69, decimals: 2 },
  JPY: { price: 160, proceeds: 112, decimals: 0 }, CAD: { price: 139, proceeds: 97, decimals: 2 }, AUD: { price: 149, proceeds: 95, decimals: 2 },
  NZD: { price: 149, proceeds: 91, decimals: 2 }, CNY: { price: 600, proceeds: 396, decimals: 2 }, MXN: { price: 1700, proceeds: 1102, decimals: 2 },
  BRL: { price: 590, proceeds: 367, decimals: 2 }, CHF: { price: 100, proceeds: 65, decimals: 2 }, SEK: { price: 1100, proceeds: 700, decimals: 2 },
  NOK: { price: 1100, proceeds: 700, decimals: 2 }, DKK: { price: 700, proceeds: 450, decimals: 2 }, PLN: { price: 449, proceeds: 290, decimals: 2 },
  INR: { price: 8900, proceeds: 6300, decimals: 2 }, KRW: { price: 1200, proceeds: 800, decimals: 0 }, TRY: { price: 3499, proceeds: 2300, decimals: 2 },
};

/** What one unit of each currency was worth in euros (the base of the simulated exchange rates). */
export const EUR_VALUE: Record<string, number> = {
  USD: 0.92, EUR: 1, GBP: 1.17, JPY: 0.0062, CAD: 0.68, AUD: 0.61, NZD: 0.56, CNY: 0.127, MXN: 0.054, BRL: 0.17, CHF: 1.04,
  SEK: 0.088, NOK: 0.087, DKK: 0.134, PLN: 0.23, INR: 0.011, KRW: 0.00068, TRY: 0.028,
};

export const FINANCE_REGIONS: Record<string, string | null> = { ZZ: null, US: "USD", EU: "EUR", GB: "GBP", JP: "JPY", AU: "AUD", CA: "CAD", CN: "CNY", MX: "MXN", BR: "BRL", CH: "CHF" };

export function money(minor: number, decimals: number): string {
  if (decimals === 0) return String(minor);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const unit = 10 ** decimals;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(decimals, "0")}`;
}

export type SlotKind = "download" | "redownload" | "update" | "iap" | "refund";

export interface Slot {
  app: number;
  kind: SlotKind;
  productType: string;
  appleId: string;
  sku: string;
  title: string;
  country: string;
  currency: string;
  decimals: number;
  /** Developer proceeds per unit, minor units (0 for free downloads, redownloads, updates). */
  proceedsMinor: number;
  priceMinor: number;
  /** Chance to appear on a day. */
  presence: number;
  /** Typical units when present. */
  volume: number;
  /** Columns 1–5 (Provider … Title), joined. */
  head: string;
  /** Columns 12–28 (Customer Currency … Order Type), joined. */
  tail: string;
}

export interface Catalog {
  apps: ReportApp[];
  slots: Slot[];
}

const KIND_WEIGHT: Record<SlotKind, number> = { download: 1, redownload: 0.5, update: 0.8, iap: 0.35, refund: 0.02 };
const KIND_VOLUME: Record<SlotKind, number> = { download: 20, redownload: 4, update: 30, iap: 3, refund: 1 };

export function catalogApps(config: ReportsConfig): ReportApp[] {
  const generated = Array.from({ length: config.generatedApps }, (_, i) => {
    const id = 1_700_000_001 + i;
    return reportAppSchema.parse({
      appleId: String(id),
      sku: `app.${i + 1}`,
      title: i % 7 === 3 ? `Sample "${i + 1}" Pro` : `Sample App ${i + 1}`,
      tier: i % 5 === 0 ? 2 : 0,
      weight: 1 + (i % 4),
      iaps: [
        { appleId: String(id + 500_000), sku: `app.${i + 1}.coins`, title: `Coins ${i + 1}`, productType: "IA1", tier: 1 },
        { appleId: String(id + 600_000), sku: `app.${i + 1}.pro`, title: `Pro ${i + 1}`, productType: "IAY", tier: 3 },
      ],
    });
  });
  return [...config.apps, ...generated];
}

export function buildCatalog(config: ReportsConfig): Catalog {
  const apps = catalogApps(config);
  const raw: Omit<Slot, "presence" | "head" | "tail">[] = [];
  const weights: number[] = [];
  apps.forEach((app, a) => {
    for (const sf of STOREFRONTS) {
      const currency = CURRENCY_OF[sf.storefront] ?? "USD";
      const t = TIER1[currency];
      const cw = (WEIGHT_OF[sf.storefront] ?? 1) * app.weight;
      const add = (kind: SlotKind, productType: string, who: { appleId: string; sku: string; title: string }, tier: number) => {
        raw.push({ app: a, kind, productType, ...who, country: sf.storefront.toUpperCase(), currency, decimals: t.decimals, proceedsMinor: t.proceeds * tier, priceMinor: t.price * tier, volume: KIND_VOLUME[kind] });
        weights.push(cw * KIND_WEIGHT[kind]);
      };
      const self = { appleId: app.appleId, sku: app.sku, title: app.title };
      add("download", "1F", self, app.tier);
      add("redownload", "3F", self, 0);
      add("update", "7F", self, 0);
      for (const iap of app.iaps) {
        add("iap", iap.productType, iap, iap.tier);
        if (iap.productType === "IA1") add("refund", iap.productType, iap, iap.tier);
      }
    }
  });
  // Scale presence so that a day has about rowsPerDay rows.
  let lo = 0;
  let hi = 1;
  const expected = (base: number) => weights.reduce((sum, w) => sum + Math.min(1, base * w), 0);
  while (expected(hi) < config.rowsPerDay && hi < 1e6) hi *= 2;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (expected(mid) < config.rowsPerDay) lo = mid;
    else hi = mid;
  }
  const slots: Slot[] = raw.map((s, i) => {
    const app = apps[s.app];
    const inApp = s.kind === "iap" || s.kind === "refund";
    const iap = inApp ? app.iaps.find((x) => x.appleId === s.appleId) : undefined;
    const subscription = iap?.productType === "IAY" ? "Renewal" : "";
    const period = iap?.productType === "IAY" ? "1 Month" : "";
    const device = i % 3 === 0 ? "iPad" : "iPhone";
    const price = s.kind === "refund" ? -s.priceMinor : s.kind === "download" ? s.priceMinor : inApp ? s.priceMinor : 0;
    return {
      ...s,
      presence: Math.min(1, hi * weights[i]),
      head: `APPLE\tUS\t${s.sku}\tExample Developer\t${s.title}`,
      tail: [s.currency, s.country, s.currency, s.appleId, money(price, s.decimals), "", inApp ? app.sku : "", subscription, period, "Utilities", "", device, "iOS", "", "", "", ""].join("\t"),
    };
  });
  return { apps, slots };
}

/** A stable, fast hash of three integers to [0, 1). */
export function mix(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35) ^ Math.imul(c + 0x165667b1, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

export const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** Units of a slot on a day, or 0 when it does not appear. */
export function unitsOn(slot: Slot, index: number, day: number, seed: number): number {
  if (mix(seed, day, index * 2) >= slot.presence) return 0;
  const n = 1 + Math.floor(mix(seed, day, index * 2 + 1) * slot.volume);
  return slot.kind === "refund" ? -1 : n;
}

export function versionOn(app: ReportApp, appIndex: number, day: number): string {
  return `1.${Math.floor((day + appIndex * 7) / app.releaseEveryDays) % 100}.0`;
}
