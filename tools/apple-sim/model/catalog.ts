// The iTunes catalog: which apps exist, where they are sold, and their ratings per storefront, day by day.
import { STOREFRONT_CODES } from "../../../lib/apple/storefronts";
import { hashUnit } from "../random";
import { appSchema, type SimApp, type SimAppInput, type StorefrontEntry } from "../scenario";

export type CatalogApp = SimApp & { ratings: Map<string, StorefrontEntry> };

export interface RatingsChange {
  trackId: number;
  storefront: string;
  ratings: StorefrontEntry;
}

export class Catalog {
  day = 0;
  private apps = new Map<number, CatalogApp>();

  constructor(private readonly seed: () => number) {}

  load(apps: SimAppInput[]): void {
    this.apps.clear();
    this.day = 0;
    for (const app of apps) this.add(app);
  }

  add(input: SimAppInput): SimApp {
    const app = appSchema.parse(input);
    const ratings = new Map<string, StorefrontEntry>();
    const all = app.storefronts.all;
    if (all) for (const code of STOREFRONT_CODES) ratings.set(code, all);
    for (const [code, entry] of Object.entries(app.storefronts)) if (code !== "all") ratings.set(code.toLowerCase(), entry);
    this.apps.set(app.trackId, { ...app, ratings });
    return app;
  }

  remove(trackId: number): boolean {
    return this.apps.delete(trackId);
  }

  list(): CatalogApp[] {
    return [...this.apps.values()];
  }

  find(by: { trackId?: number; bundleId?: string }): CatalogApp | undefined {
    if (by.trackId !== undefined) return this.apps.get(by.trackId);
    const wanted = by.bundleId?.toLowerCase();
    for (const app of this.apps.values()) if (app.bundleId.toLowerCase() === wanted) return app;
    return undefined;
  }

  /** ASC apps: every app with an ascAppId, by id. */
  ascApps(): { id: string; name: string; bundleId: string }[] {
    const out: { id: string; name: string; bundleId: string }[] = [];
    for (const a of this.apps.values()) if (a.ascAppId) out.push({ id: a.ascAppId, name: a.name, bundleId: a.bundleId });
    return out.sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  setRatings(trackId: number, storefront: string, entry: StorefrontEntry): void {
    const app = this.apps.get(trackId);
    if (!app) throw new Error(`no app ${trackId}`);
    app.ratings.set(storefront.toLowerCase(), entry);
  }

  /** A new day: ratings grow a little everywhere (deterministic), unless explicit changes are given. */
  advanceDay(changes?: RatingsChange[]): number {
    this.day++;
    if (changes && changes.length > 0) {
      for (const c of changes) this.setRatings(c.trackId, c.storefront, c.ratings);
      return this.day;
    }
    for (const app of this.apps.values()) {
      for (const [code, entry] of app.ratings) {
        if (typeof entry !== "object") continue;
        const u = hashUnit(this.seed(), app.trackId, code, this.day);
        const added = Math.max(1, Math.round(entry.ratingCount * 0.01 * u));
        const newStars = 3 + 2 * hashUnit(this.day, code, app.trackId);
        const count = entry.ratingCount + added;
        const average = (entry.averageRating * entry.ratingCount + newStars * added) / count;
        const cvCount = (entry.currentVersionRatingCount ?? 0) + added;
        const cvAvg = ((entry.currentVersionAverageRating ?? entry.averageRating) * (entry.currentVersionRatingCount ?? 0) + newStars * added) / cvCount;
        app.ratings.set(code, { averageRating: round5(average), ratingCount: count, currentVersionAverageRating: round5(cvAvg), currentVersionRatingCount: cvCount });
      }
    }
    return this.day;
  }
}

function round5(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}
