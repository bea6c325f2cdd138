// Developer responses: explicit ones (scenario, POST), generated ones for a share of generated reviews, and the
// PENDING_PUBLISH → PUBLISHED flip after `publishDelayMs` (or on demand).
import { hashUnit, mulberry32 } from "../random";
import type { SimOptions, SimResponseParsed } from "../scenario";
import type { Reviews, SimReview } from "./reviews";

export interface SimResponse {
  id: string;
  reviewId: string;
  body: string;
  lastModifiedMs: number;
  state: "PUBLISHED" | "PENDING_PUBLISH";
  publishAtMs: number | null;
}

const GENERATED_RESPONSE_ID = /^genresp-(.+)-(\d+)$/;

export class Responses {
  // Per review: its explicit response, or null once deleted (which also hides a generated one).
  private overrides = new Map<string, SimResponse | null>();
  private byId = new Map<string, SimResponse>();
  private deleted = new Set<string>();
  private visibilityRng: () => number;

  constructor(
    private readonly reviews: Reviews,
    private readonly options: () => SimOptions,
    private readonly salt: string,
    private readonly nextId: () => number,
  ) {
    this.visibilityRng = mulberry32(options().seed + 1);
  }

  clear(): void {
    this.overrides.clear();
    this.byId.clear();
    this.deleted.clear();
  }

  /** A response that came with a review (scenario or control API). */
  attach(review: SimReview, r: SimResponseParsed): SimResponse {
    const resp: SimResponse = {
      id: r.id ?? `resp-${this.nextId()}-${this.salt.slice(0, 4)}`,
      reviewId: review.id,
      body: r.body,
      lastModifiedMs: r.lastModifiedDate ? Date.parse(r.lastModifiedDate) : review.createdMs + 86_400_000,
      state: r.state,
      publishAtMs: null,
    };
    this.overrides.set(review.id, resp);
    this.byId.set(resp.id, resp);
    return resp;
  }

  for(review: SimReview): SimResponse | null {
    if (this.overrides.has(review.id)) {
      const r = this.overrides.get(review.id) ?? null;
      return r && !this.deleted.has(r.id) ? this.materialise(r) : null;
    }
    return this.generated(review);
  }

  /** What include=response shows: pending responses only sometimes, like Apple. */
  visibleFor(review: SimReview): SimResponse | null {
    const r = this.for(review);
    if (r?.state === "PENDING_PUBLISH" && this.visibilityRng() >= this.options().pendingVisibility) return null;
    return r;
  }

  get(id: string): SimResponse | undefined {
    if (this.deleted.has(id)) return undefined;
    const explicit = this.byId.get(id);
    if (explicit) return this.overrides.get(explicit.reviewId)?.id === id ? this.materialise(explicit) : undefined;
    const m = GENERATED_RESPONSE_ID.exec(id);
    if (!m) return undefined;
    const review = this.reviews.get(`gen-${m[1]}-${m[2]}`);
    if (!review || this.overrides.has(review.id)) return undefined;
    return this.generated(review) ?? undefined;
  }

  /** POST semantics: overwrites any existing response with a new id, PENDING_PUBLISH. */
  create(reviewId: string, body: string): SimResponse {
    const review = this.reviews.get(reviewId);
    if (!review) throw new Error(`no review ${reviewId}`);
    const previous = this.for(review);
    if (previous) this.deleted.add(previous.id);
    const now = Date.now();
    const delay = this.options().publishDelayMs;
    const resp: SimResponse = {
      id: `resp-${this.nextId()}-${this.salt.slice(0, 4)}`,
      reviewId,
      body,
      lastModifiedMs: now,
      state: "PENDING_PUBLISH",
      publishAtMs: delay === null ? null : now + delay,
    };
    this.overrides.set(reviewId, resp);
    this.byId.set(resp.id, resp);
    return resp;
  }

  /** Deletes a response (developer DELETE, or "from Apple's side"). */
  delete(id: string): boolean {
    const resp = this.get(id);
    if (!resp) return false;
    this.deleted.add(id);
    this.overrides.set(resp.reviewId, null);
    return true;
  }

  /** The review went away: so does its response. */
  dropFor(review: SimReview): void {
    const resp = this.for(review);
    if (resp) this.deleted.add(resp.id);
  }

  /** Publishes one pending response, or all of them. Returns how many flipped. */
  publish(id?: string): number {
    let n = 0;
    for (const resp of this.byId.values()) {
      if ((id && resp.id !== id) || resp.state !== "PENDING_PUBLISH" || this.deleted.has(resp.id)) continue;
      resp.state = "PUBLISHED";
      resp.lastModifiedMs = Date.now();
      n++;
    }
    return n;
  }

  private materialise(resp: SimResponse): SimResponse {
    if (resp.state === "PENDING_PUBLISH" && resp.publishAtMs !== null && Date.now() >= resp.publishAtMs) resp.state = "PUBLISHED";
    return resp;
  }

  private generated(review: SimReview): SimResponse | null {
    const index = this.reviews.generatedIndex(review.id);
    const gen = this.reviews.generator(review.appId);
    if (index === null || !gen || hashUnit(gen.seed, review.appId, index, "response") >= gen.responseShare) return null;
    const id = `genresp-${review.appId}-${index}`;
    if (this.deleted.has(id)) return null;
    return { id, reviewId: review.id, body: `Thanks ${review.nickname}, we read every review.`, lastModifiedMs: review.createdMs + 86_400_000, state: "PUBLISHED", publishAtMs: null };
  }
}
