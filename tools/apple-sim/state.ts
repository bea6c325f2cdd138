// In-memory model of what Apple knows. Pure data + mutations; HTTP lives in itunes.ts / asc.ts / control.ts.
import { createPublicKey, randomBytes, type KeyObject } from "node:crypto";
import { STOREFRONTS, STOREFRONT_CODES } from "../../lib/apple/storefronts";
import { generateTestKeyPair } from "./keys";
import { hashUnit, mulberry32 } from "./random";
import {
  appSchema,
  faultSchema,
  keySchema,
  optionsSchema,
  reviewSchema,
  scenarioSchema,
  type FaultKind,
  type ParsedScenario,
  type Scenario,
  type SimApp,
  type SimAppInput,
  type SimEndpoint,
  type SimFault,
  type SimFaultInput,
  type SimGenerate,
  type SimKeyInput,
  type SimOptions,
  type SimOptionsInput,
  type SimReviewInput,
  type StorefrontEntry,
} from "./scenario";

const ALL_TERRITORIES = STOREFRONTS.map((s) => s.territory);

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

export interface SimResponse {
  id: string;
  reviewId: string;
  body: string;
  lastModifiedMs: number;
  state: "PUBLISHED" | "PENDING_PUBLISH";
  publishAtMs: number | null;
}

export interface SimKey {
  keyId: string;
  issuerId?: string;
  type: "team" | "individual";
  publicKey: KeyObject;
  publicKeyPem: string;
  /** Only when the simulator generated the pair. */
  privateKeyPem?: string;
  apps?: string[];
  hourlyLimit?: number;
}

interface ReviewStore {
  explicit: SimReview[]; // newest first
  gen: (SimGenerate & { startMs: number }) | null;
  deletedGenerated: number;
  deletedExplicit: number;
}

export interface LogEntry {
  at: string;
  method: string;
  path: string;
  /** Query string as sent (iTunes only; ASC queries are long). */
  query?: string;
  endpoint: string;
  status: number;
  storefront?: string;
  keyId?: string;
  fault?: FaultKind;
}

export interface SimCounters {
  total: number;
  byEndpoint: Record<string, number>;
  byStorefront: Record<string, number>;
  byStatus: Record<string, number>;
  byKey: Record<string, number>;
}

interface ActiveFault {
  id: string;
  spec: SimFault;
  seen: number;
  failed: number;
}

export interface ReviewQuery {
  limit: number;
  cursor?: string;
  ratings?: number[];
  territories?: string[];
  hasPublishedResponse?: boolean;
}

export class ReviewCursorError extends Error {}

const LOG_CAP = 10_000;
const GENERATED_ID = /^gen-(.+)-(\d+)$/;
const GENERATED_RESPONSE_ID = /^genresp-(.+)-(\d+)$/;
const WORDS = "great app love it crashes sometimes useful fast slow please add widget dark mode sync works perfectly after update battery offline support thanks".split(" ");

export class SimState {
  options: SimOptions;
  readonly salt = randomBytes(6).toString("hex");
  day = 0;
  private scenario: ParsedScenario = scenarioSchema.parse({});
  private initialScenario: Scenario = {};
  private apps = new Map<number, SimApp & { ratings: Map<string, StorefrontEntry> }>();
  private keysById = new Map<string, SimKey>();
  private generatedKeys = new Map<string, { privateKeyPem: string; publicKeyPem: string }>();
  private reviewStores = new Map<string, ReviewStore>();
  private explicitById = new Map<string, SimReview>();
  private deletedReviews = new Set<string>();
  private responseOverrides = new Map<string, SimResponse | null>();
  private responsesById = new Map<string, SimResponse>();
  private deletedResponses = new Set<string>();
  private faults: ActiveFault[] = [];
  private faultRng: () => number;
  private visibilityRng: () => number;
  private itunesCalls: number[] = [];
  private keyBudgets = new Map<string, { windowStart: number; used: number }>();
  private nextId = 1;
  log: LogEntry[] = [];
  counters: SimCounters = emptyCounters();

  constructor(scenario: Scenario = {}, options: SimOptionsInput = {}) {
    this.options = optionsSchema.parse(options);
    this.faultRng = mulberry32(this.options.seed);
    this.visibilityRng = mulberry32(this.options.seed + 1);
    this.loadScenario(scenario);
  }

  // ---- scenario -------------------------------------------------------------------------------

  loadScenario(input: Scenario): void {
    this.initialScenario = input;
    this.scenario = scenarioSchema.parse(input);
    this.apps.clear();
    this.keysById.clear();
    this.reviewStores.clear();
    this.explicitById.clear();
    this.deletedReviews.clear();
    this.responseOverrides.clear();
    this.responsesById.clear();
    this.deletedResponses.clear();
    this.keyBudgets.clear();
    this.day = 0;
    for (const app of this.scenario.apps) this.addApp(app);
    for (const key of this.scenario.keys) this.addKey(key);
    for (const [appId, entry] of Object.entries(this.scenario.reviews)) {
      const items = Array.isArray(entry) ? entry : entry.items;
      const gen = Array.isArray(entry) ? undefined : entry.generate;
      const store = this.store(appId);
      if (gen) store.gen = { ...gen, startMs: Date.parse(gen.startDate) };
      for (const review of items) this.addReview(appId, review);
    }
  }

  /** Back to the last loaded scenario; clears faults, log and counters. */
  reset(): void {
    this.loadScenario(this.initialScenario);
    this.faults = [];
    this.clearLog();
    this.itunesCalls = [];
  }

  setOptions(patch: SimOptionsInput): SimOptions {
    this.options = optionsSchema.parse({ ...this.options, ...patch });
    return this.options;
  }

  // ---- apps & ratings -----------------------------------------------------------------------

  addApp(input: SimAppInput): SimApp {
    const app = appSchema.parse(input);
    const ratings = new Map<string, StorefrontEntry>();
    const all = app.storefronts.all;
    if (all) for (const code of STOREFRONT_CODES) ratings.set(code, all);
    for (const [code, entry] of Object.entries(app.storefronts)) if (code !== "all") ratings.set(code.toLowerCase(), entry);
    this.apps.set(app.trackId, { ...app, ratings });
    return app;
  }

  removeApp(trackId: number): boolean {
    return this.apps.delete(trackId);
  }

  listApps(): SimApp[] {
    return [...this.apps.values()];
  }

  setRatings(trackId: number, storefront: string, entry: StorefrontEntry): void {
    const app = this.apps.get(trackId);
    if (!app) throw new Error(`no app ${trackId}`);
    app.ratings.set(storefront.toLowerCase(), entry);
  }

  /** Apps sold in a storefront, with their entry (ratings or "no_ratings"). */

  findApp(by: { trackId?: number; bundleId?: string }): (SimApp & { ratings: Map<string, StorefrontEntry> }) | undefined {
    if (by.trackId !== undefined) return this.apps.get(by.trackId);
    const wanted = by.bundleId?.toLowerCase();
    for (const app of this.apps.values()) if (app.bundleId.toLowerCase() === wanted) return app;
    return undefined;
  }

  /** A new day: ratings grow a little everywhere (deterministic), unless explicit changes are given. */
  advanceDay(changes?: { trackId: number; storefront: string; ratings: StorefrontEntry }[]): number {
    this.day++;
    if (changes && changes.length > 0) {
      for (const c of changes) this.setRatings(c.trackId, c.storefront, c.ratings);
      return this.day;
    }
    for (const app of this.apps.values()) {
      for (const [code, entry] of app.ratings) {
        if (typeof entry !== "object") continue;
        const u = hashUnit(this.options.seed, app.trackId, code, this.day);
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

  // ---- keys ---------------------------------------------------------------------------------

  addKey(input: SimKeyInput): SimKey {
    const parsed = keySchema.parse(input);
    let publicKeyPem = parsed.publicKeyPem;
    let privateKeyPem: string | undefined;
    if (!publicKeyPem) {
      // Keep the generated pair across reset() so a written .p8 stays valid.
      const pair = this.generatedKeys.get(parsed.keyId) ?? generateTestKeyPair();
      this.generatedKeys.set(parsed.keyId, pair);
      publicKeyPem = pair.publicKeyPem;
      privateKeyPem = pair.privateKeyPem;
    }
    const key: SimKey = { ...parsed, publicKeyPem, privateKeyPem, publicKey: createPublicKey(publicKeyPem) };
    this.keysById.set(key.keyId, key);
    return key;
  }

  getKey(keyId: string): SimKey | undefined {
    return this.keysById.get(keyId);
  }

  keys(): SimKey[] {
    return [...this.keysById.values()];
  }

  keySeesApp(key: SimKey, appId: string): boolean {
    return !key.apps || key.apps.includes(appId);
  }

  /** Counts one request against the key's hourly budget; returns the X-Rate-Limit numbers. */
  spendKeyBudget(key: SimKey): { limit: number; remaining: number; exceeded: boolean } {
    const limit = key.hourlyLimit ?? this.options.ascHourlyLimit;
    const now = Date.now();
    let budget = this.keyBudgets.get(key.keyId);
    if (!budget || now - budget.windowStart >= 3_600_000) {
      budget = { windowStart: now, used: 0 };
      this.keyBudgets.set(key.keyId, budget);
    }
    if (budget.used >= limit) return { limit, remaining: 0, exceeded: true };
    budget.used++;
    return { limit, remaining: limit - budget.used, exceeded: false };
  }

  // ---- iTunes pacing ------------------------------------------------------------------------

  /** True when this call goes over the configured iTunes rate (Apple answers 403). */
  itunesOverRate(): boolean {
    const limit = this.options.itunesRateLimit;
    if (!limit) return false;
    const now = Date.now();
    this.itunesCalls = this.itunesCalls.filter((t) => now - t < limit.windowMs);
    if (this.itunesCalls.length >= limit.calls) return true;
    this.itunesCalls.push(now);
    return false;
  }

  // ---- reviews ------------------------------------------------------------------------------

  private store(appId: string): ReviewStore {
    let s = this.reviewStores.get(appId);
    if (!s) {
      s = { explicit: [], gen: null, deletedGenerated: 0, deletedExplicit: 0 };
      this.reviewStores.set(appId, s);
    }
    return s;
  }


  addReview(appId: string, input: SimReviewInput): SimReview {
    const r = reviewSchema.parse(input);
    const review: SimReview = {
      id: r.id ?? `rev-${this.nextId++}-${this.salt.slice(0, 4)}`,
      appId,
      territory: r.territory.toUpperCase(),
      rating: r.rating,
      title: r.title ?? null,
      body: r.body,
      nickname: r.nickname,
      createdMs: r.createdDate ? Date.parse(r.createdDate) : Date.now(),
    };
    const store = this.store(appId);
    store.explicit.push(review);
    store.explicit.sort((a, b) => b.createdMs - a.createdMs || (a.id < b.id ? -1 : 1));
    this.explicitById.set(review.id, review);
    if (r.response) {
      const resp: SimResponse = {
        id: r.response.id ?? `resp-${this.nextId++}-${this.salt.slice(0, 4)}`,
        reviewId: review.id,
        body: r.response.body,
        lastModifiedMs: r.response.lastModifiedDate ? Date.parse(r.response.lastModifiedDate) : review.createdMs + 86_400_000,
        state: r.response.state,
        publishAtMs: null,
      };
      this.responseOverrides.set(review.id, resp);
      this.responsesById.set(resp.id, resp);
    }
    return review;
  }

  private generated(appId: string, index: number): SimReview | undefined {
    const gen = this.reviewStores.get(appId)?.gen;
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

  getReview(id: string): SimReview | undefined {
    if (this.deletedReviews.has(id)) return undefined;
    const explicit = this.explicitById.get(id);
    if (explicit) return explicit;
    const m = GENERATED_ID.exec(id);
    return m ? this.generated(m[1], Number(m[2])) : undefined;
  }

  /** Removes a review "from Apple's side" (the reviewer deleted it). */
  deleteReview(id: string): boolean {
    const review = this.getReview(id);
    if (!review) return false;
    this.deletedReviews.add(id);
    const store = this.store(review.appId);
    if (this.explicitById.has(id)) store.deletedExplicit++;
    else store.deletedGenerated++;
    const resp = this.responseFor(review);
    if (resp) this.deletedResponses.add(resp.id);
    return true;
  }

  totalReviews(appId: string): number {
    const s = this.reviewStores.get(appId);
    if (!s) return 0;
    return s.explicit.length - s.deletedExplicit + (s.gen ? s.gen.count - s.deletedGenerated : 0);
  }

  /** One page, newest first, O(page + skipped) thanks to a (explicit, generated) cursor. */
  pageReviews(appId: string, q: ReviewQuery): { reviews: SimReview[]; next: string | null; total: number } {
    const store = this.reviewStores.get(appId);
    if (!store) return { reviews: [], next: null, total: 0 };
    let { e, g } = q.cursor ? this.decodeCursor(q.cursor) : { e: 0, g: 0 };
    const genCount = store.gen?.count ?? 0;
    const matches = (r: SimReview) =>
      !this.deletedReviews.has(r.id) &&
      (!q.ratings || q.ratings.includes(r.rating)) &&
      (!q.territories || q.territories.includes(r.territory)) &&
      (q.hasPublishedResponse === undefined || (this.responseFor(r)?.state === "PUBLISHED") === q.hasPublishedResponse);
    const take = (): SimReview | null => {
      while (e < store.explicit.length || g < genCount) {
        const ex = store.explicit[e];
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
    const next = more ? this.encodeCursor(pos.e, pos.g) : null;
    return { reviews, next, total: this.totalReviews(appId) };
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

  // ---- responses ----------------------------------------------------------------------------

  private materialise(resp: SimResponse): SimResponse {
    if (resp.state === "PENDING_PUBLISH" && resp.publishAtMs !== null && Date.now() >= resp.publishAtMs) {
      resp.state = "PUBLISHED";
    }
    return resp;
  }

  private generatedResponse(review: SimReview): SimResponse | null {
    const m = GENERATED_ID.exec(review.id);
    const gen = this.reviewStores.get(review.appId)?.gen;
    if (!m || !gen || hashUnit(gen.seed, review.appId, Number(m[2]), "response") >= gen.responseShare) return null;
    const id = `genresp-${review.appId}-${m[2]}`;
    if (this.deletedResponses.has(id)) return null;
    return { id, reviewId: review.id, body: `Thanks ${review.nickname}, we read every review.`, lastModifiedMs: review.createdMs + 86_400_000, state: "PUBLISHED", publishAtMs: null };
  }

  responseFor(review: SimReview): SimResponse | null {
    if (this.responseOverrides.has(review.id)) {
      const r = this.responseOverrides.get(review.id) ?? null;
      return r && !this.deletedResponses.has(r.id) ? this.materialise(r) : null;
    }
    return this.generatedResponse(review);
  }

  /** What include=response shows: pending responses only sometimes, like Apple. */
  visibleResponseFor(review: SimReview): SimResponse | null {
    const r = this.responseFor(review);
    if (r?.state === "PENDING_PUBLISH" && this.visibilityRng() >= this.options.pendingVisibility) return null;
    return r;
  }

  getResponse(id: string): SimResponse | undefined {
    if (this.deletedResponses.has(id)) return undefined;
    const explicit = this.responsesById.get(id);
    if (explicit) return this.responseOverrides.get(explicit.reviewId)?.id === id ? this.materialise(explicit) : undefined;
    const m = GENERATED_RESPONSE_ID.exec(id);
    if (!m) return undefined;
    const review = this.getReview(`gen-${m[1]}-${m[2]}`);
    if (!review || this.responseOverrides.has(review.id)) return undefined;
    return this.generatedResponse(review) ?? undefined;
  }

  /** POST semantics: overwrites any existing response with a new id, PENDING_PUBLISH. */
  createResponse(reviewId: string, body: string): SimResponse {
    const review = this.getReview(reviewId);
    if (!review) throw new Error(`no review ${reviewId}`);
    const previous = this.responseFor(review);
    if (previous) this.deletedResponses.add(previous.id);
    const now = Date.now();
    const resp: SimResponse = {
      id: `resp-${this.nextId++}-${this.salt.slice(0, 4)}`,
      reviewId,
      body,
      lastModifiedMs: now,
      state: "PENDING_PUBLISH",
      publishAtMs: this.options.publishDelayMs === null ? null : now + this.options.publishDelayMs,
    };
    this.responseOverrides.set(reviewId, resp);
    this.responsesById.set(resp.id, resp);
    return resp;
  }

  /** Deletes a response (developer DELETE, or "from Apple's side"). */
  deleteResponse(id: string): boolean {
    const resp = this.getResponse(id);
    if (!resp) return false;
    this.deletedResponses.add(id);
    this.responseOverrides.set(resp.reviewId, null);
    return true;
  }

  /** Publishes one pending response, or all of them. Returns how many flipped. */
  publishResponses(id?: string): number {
    let n = 0;
    for (const resp of this.responsesById.values()) {
      if ((id && resp.id !== id) || resp.state !== "PENDING_PUBLISH" || this.deletedResponses.has(resp.id)) continue;
      resp.state = "PUBLISHED";
      resp.lastModifiedMs = Date.now();
      n++;
    }
    return n;
  }

  /** ASC apps: every scenario app with an ascAppId. */
  listAscApps(): { id: string; name: string; bundleId: string }[] {
    return this.listApps()
      .filter((a) => a.ascAppId)
      .map((a) => ({ id: a.ascAppId!, name: a.name, bundleId: a.bundleId }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  // ---- faults -------------------------------------------------------------------------------

  addFault(input: SimFaultInput): string {
    const spec = faultSchema.parse(input);
    const id = `fault-${this.nextId++}`;
    this.faults.push({ id, spec, seen: 0, failed: 0 });
    return id;
  }

  clearFaults(): void {
    this.faults = [];
  }

  listFaults(): { id: string; spec: SimFault; seen: number; failed: number }[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** The fault to inject for this call, if any. Each matching fault counts the call. */
  takeFault(endpoint: SimEndpoint, target: { storefront?: string; app?: string } = {}): SimFault | null {
    let hit: SimFault | null = null;
    for (const f of this.faults) {
      if (f.spec.endpoint !== endpoint) continue;
      if (f.spec.storefront && f.spec.storefront.toLowerCase() !== target.storefront) continue;
      if (f.spec.app && f.spec.app !== target.app) continue;
      f.seen++;
      let fire: boolean;
      if (f.spec.nth !== undefined) fire = f.seen === f.spec.nth;
      else if (f.spec.count !== undefined) fire = f.failed < f.spec.count;
      else if (f.spec.share !== undefined) fire = this.faultRng() < f.spec.share;
      else fire = true;
      if (fire && !hit) {
        f.failed++;
        hit = f.spec;
      }
    }
    return hit;
  }

  // ---- log ----------------------------------------------------------------------------------

  record(entry: Omit<LogEntry, "at">): void {
    this.log.push({ at: new Date().toISOString(), ...entry });
    if (this.log.length > LOG_CAP) this.log.splice(0, this.log.length - LOG_CAP);
    const c = this.counters;
    c.total++;
    c.byEndpoint[entry.endpoint] = (c.byEndpoint[entry.endpoint] ?? 0) + 1;
    c.byStatus[entry.status] = (c.byStatus[entry.status] ?? 0) + 1;
    if (entry.storefront) c.byStorefront[entry.storefront] = (c.byStorefront[entry.storefront] ?? 0) + 1;
    if (entry.keyId) c.byKey[entry.keyId] = (c.byKey[entry.keyId] ?? 0) + 1;
  }

  clearLog(): void {
    this.log = [];
    this.counters = emptyCounters();
  }

  summary() {
    return {
      day: this.day,
      options: this.options,
      apps: this.listApps().map((a) => ({ trackId: a.trackId, bundleId: a.bundleId, name: a.name, ascAppId: a.ascAppId ?? null })),
      keys: this.keys().map((k) => ({ keyId: k.keyId, issuerId: k.issuerId ?? null, type: k.type, apps: k.apps ?? null, generated: Boolean(k.privateKeyPem) })),
      reviews: Object.fromEntries([...this.reviewStores.keys()].map((id) => [id, this.totalReviews(id)])),
      faults: this.listFaults(),
      counters: this.counters,
    };
  }
}

function emptyCounters(): SimCounters {
  return { total: 0, byEndpoint: {}, byStorefront: {}, byStatus: {}, byKey: {} };
}

function round5(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}
