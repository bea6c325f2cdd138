// Customer reviews per ASC app: explicit ones, plus a generator that computes any number on demand from
// (seed, index) so that 100k reviews cost no memory. Pages are newest first behind an opaque cursor.
import { STOREFRONTS } from "../../../lib/apple/storefronts";
import { hashUnit } from "../random";
import type { SimGenerate, SimReviewParsed } from "../scenario";

export interface SimReview {
  id: string;
  appId: string;
  territory: string;
  rating: number;
  title: string | null;
  body: string;
  nickname: string;
  createdMs: number;
}

export type ReviewGenerator = SimGenerate & { startMs: number };

export interface ReviewQuery {
  limit: number;
  cursor?: string;
  ratings?: number[];
  territories?: string[];
  hasPublishedResponse?: boolean;
}

export class ReviewCursorError extends Error {}

interface AppReviews {
  explicit: SimReview[]; // newest first
  gen: ReviewGenerator | null;
  deletedGenerated: number;
  deletedExplicit: number;
}

const ALL_TERRITORIES = STOREFRONTS.map((s) => s.territory);
const GENERATED_ID = /^gen-(.+)-(\d+)$/;
const WORDS = "great app love it crashes sometimes useful fast slow please add widget dark mode sync works perfectly after update battery offline support thanks".split(" ");

export class Reviews {
  private byApp = new Map<string, AppReviews>();
  private explicitById = new Map<string, SimReview>();
  private deleted = new Set<string>();

  constructor(
    private readonly salt: string,
    private readonly nextId: () => number,
  ) {}

  clear(): void {
    this.byApp.clear();
    this.explicitById.clear();
    this.deleted.clear();
  }

  appIds(): string[] {
    return [...this.byApp.keys()];
  }

  /** Starts an app's reviews, optionally with a generator. */
  open(appId: string, gen?: SimGenerate): void {
    const app = this.app(appId);
    if (gen) app.gen = { ...gen, startMs: Date.parse(gen.startDate) };
  }

  generator(appId: string): ReviewGenerator | null {
    return this.byApp.get(appId)?.gen ?? null;
  }

  add(appId: string, r: SimReviewParsed): SimReview {
    const review: SimReview = {
      id: r.id ?? `rev-${this.nextId()}-${this.salt.slice(0, 4)}`,
      appId,
      territory: r.territory.toUpperCase(),
      rating: r.rating,
      title: r.title ?? null,
      body: r.body,
      nickname: r.nickname,
      createdMs: r.createdDate ? Date.parse(r.createdDate) : Date.now(),
    };
    const app = this.app(appId);
    app.explicit.push(review);
    app.explicit.sort((a, b) => b.createdMs - a.createdMs || (a.id < b.id ? -1 : 1));
    this.explicitById.set(review.id, review);
    return review;
  }

  get(id: string): SimReview | undefined {
    if (this.deleted.has(id)) return undefined;
    const explicit = this.explicitById.get(id);
    if (explicit) return explicit;
    const m = GENERATED_ID.exec(id);
    return m ? this.generated(m[1], Number(m[2])) : undefined;
  }

  /** The generator's index in a generated review's id, else null. */
  generatedIndex(reviewId: string): number | null {
    const m = GENERATED_ID.exec(reviewId);
    return m ? Number(m[2]) : null;
  }

  /** Removes a review "from Apple's side"; returns what was removed. */
  delete(id: string): SimReview | undefined {
    const review = this.get(id);
    if (!review) return undefined;
    this.deleted.add(id);
    const app = this.app(review.appId);
    if (this.explicitById.has(id)) app.deletedExplicit++;
    else app.deletedGenerated++;
    return review;
  }

  total(appId: string): number {
    const s = this.byApp.get(appId);
    if (!s) return 0;
    return s.explicit.length - s.deletedExplicit + (s.gen ? s.gen.count - s.deletedGenerated : 0);
  }

  /**
   * One page, newest first, O(page + skipped) thanks to an (explicit, generated) cursor. `keep` filters on
   * what this module does not know (e.g. whether a review has a published response).
   */
  page(appId: string, q: Omit<ReviewQuery, "hasPublishedResponse">, keep: (r: SimReview) => boolean = () => true): { reviews: SimReview[]; next: string | null; total: number } {
    const app = this.byApp.get(appId);
    if (!app) return { reviews: [], next: null, total: 0 };
    let { e, g } = q.cursor ? this.decodeCursor(q.cursor) : { e: 0, g: 0 };
    const genCount = app.gen?.count ?? 0;
    const matches = (r: SimReview) =>
      !this.deleted.has(r.id) && (!q.ratings || q.ratings.includes(r.rating)) && (!q.territories || q.territories.includes(r.territory)) && keep(r);
    const take = (): SimReview | null => {
      while (e < app.explicit.length || g < genCount) {
        const ex = app.explicit[e];
        const ge = g < genCount ? this.generated(appId, g) : undefined;
        let candidate: SimReview;
        if (ex && (!ge || ex.createdMs >= ge.createdMs)) {
          candidate = ex;
          e++;
        } else {
          candidate = ge!;
          g++;
        }
        if (matches(candidate)) return candidate;
      }
      return null;
    };
    const reviews: SimReview[] = [];
    while (reviews.length < q.limit) {
      const r = take();
      if (!r) break;
      reviews.push(r);
    }
    // Peek so the last page has no dangling next link.
    const pos = { e, g };
    const more = take() !== null;
    return { reviews, next: more ? this.encodeCursor(pos.e, pos.g) : null, total: this.total(appId) };
  }

  private app(appId: string): AppReviews {
    let s = this.byApp.get(appId);
    if (!s) {
      s = { explicit: [], gen: null, deletedGenerated: 0, deletedExplicit: 0 };
      this.byApp.set(appId, s);
    }
    return s;
  }

  private generated(appId: string, index: number): SimReview | undefined {
    const gen = this.byApp.get(appId)?.gen;
    if (!gen || index < 0 || index >= gen.count) return undefined;
    const u = (salt: string) => hashUnit(gen.seed, appId, index, salt);
    const territories = gen.territories ?? ALL_TERRITORIES;
    const r = u("rating");
    const rating = r < 0.08 ? 1 : r < 0.14 ? 2 : r < 0.24 ? 3 : r < 0.5 ? 4 : 5;
    const words = Array.from({ length: 6 + Math.floor(u("len") * 20) }, (_, k) => WORDS[Math.floor(hashUnit(gen.seed, index, k) * WORDS.length)]);
    return {
      id: `gen-${appId}-${index}`,
      appId,
      territory: territories[Math.floor(u("territory") * territories.length)],
      rating,
      title: u("title") < 0.15 ? null : `${words.slice(0, 3).join(" ")}`,
      body: words.join(" "),
      nickname: `user${Math.floor(u("nick") * 1e6)}`,
      createdMs: gen.startMs - index * gen.intervalMinutes * 60_000,
    };
  }

  private encodeCursor(e: number, g: number): string {
    return Buffer.from(JSON.stringify({ e, g, s: this.salt })).toString("base64url");
  }

  private decodeCursor(cursor: string): { e: number; g: number } {
    try {
      const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { e: unknown; g: unknown; s: unknown };
      if (v.s === this.salt && Number.isInteger(v.e) && Number.isInteger(v.g)) return { e: v.e as number, g: v.g as number };
    } catch {
      // fall through
    }
    throw new ReviewCursorError("invalid cursor");
  }
}
