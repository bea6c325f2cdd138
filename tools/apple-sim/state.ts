// What the simulated Apple knows: a thin facade over one module per concern (model/*). Tests, scripts and the
// control API call these methods; endpoint handlers use the modules directly.
import { randomBytes } from "node:crypto";
import { ApiKeys, type SimKey } from "./model/api-keys";
import { Catalog, type RatingsChange } from "./model/catalog";
import { Faults, type ActiveFault, type FaultRules, type SimFaultInput } from "./model/faults";
import { ItunesPacing } from "./model/itunes-pacing";
import { Analytics } from "./model/analytics";
import { Reports } from "./model/reports";
import { RequestLog, type LogEntry, type SimCounters } from "./model/request-log";
import { Responses, type SimResponse } from "./model/responses";
import { Reviews, type ReviewQuery, type SimReview } from "./model/reviews";
import {
  optionsSchema,
  reviewSchema,
  scenarioSchema,
  type Scenario,
  type SimApp,
  type SimAppInput,
  type SimKeyInput,
  type SimOptions,
  type SimOptionsInput,
  type SimReviewInput,
  type StorefrontEntry,
} from "./scenario";

export type { SimKey } from "./model/api-keys";
export type { SimFaultInput } from "./model/faults";
export type { LogEntry, SimCounters } from "./model/request-log";
export type { SimResponse } from "./model/responses";
export { ReviewCursorError, type ReviewQuery, type SimReview } from "./model/reviews";

export class SimState {
  options: SimOptions;
  readonly salt = randomBytes(6).toString("hex");
  readonly catalog: Catalog;
  readonly apiKeys: ApiKeys;
  readonly itunesPacing: ItunesPacing;
  readonly reviews: Reviews;
  readonly responses: Responses;
  /** Sales and Finance reports (scenario key `reports`). */
  readonly reports = new Reports();
  /** The Analytics Reports API (scenario key `analytics`). */
  readonly analytics = new Analytics(this.salt);
  readonly faults: Faults;
  readonly requestLog = new RequestLog();
  private initialScenario: Scenario = {};
  private lastId = 0;

  /** `faultRules`: what each endpoint family accepts as a fault (see families.ts). */
  constructor(scenario: Scenario, options: SimOptionsInput, faultRules: readonly FaultRules[]) {
    this.options = optionsSchema.parse(options);
    const nextId = () => ++this.lastId;
    const current = () => this.options;
    this.catalog = new Catalog(() => current().seed);
    this.apiKeys = new ApiKeys(() => current().ascHourlyLimit);
    this.itunesPacing = new ItunesPacing(() => current().itunesRateLimit);
    this.reviews = new Reviews(this.salt, nextId);
    this.responses = new Responses(this.reviews, current, this.salt, nextId);
    this.faults = new Faults(faultRules, this.options.seed, nextId);
    this.loadScenario(scenario);
  }

  // ---- scenario and options ------------------------------------------------------------------

  /** Replaces what Apple knows; faults, the log and options stay. */
  loadScenario(input: Scenario): void {
    this.initialScenario = input;
    const scenario = scenarioSchema.parse(input);
    this.catalog.load(scenario.apps);
    this.apiKeys.load(scenario.keys);
    this.reviews.clear();
    this.responses.clear();
    this.reports.open(input.reports ?? {});
    this.analytics.open(input.analytics ?? {});
    for (const [appId, entry] of Object.entries(scenario.reviews)) {
      const items = Array.isArray(entry) ? entry : entry.items;
      const gen = Array.isArray(entry) ? undefined : entry.generate;
      this.reviews.open(appId, gen);
      for (const review of items) this.addReview(appId, review);
    }
  }

  /** Back to the last loaded scenario; clears faults, log and counters. */
  reset(): void {
    this.loadScenario(this.initialScenario);
    this.faults.clear();
    this.requestLog.clear();
    this.itunesPacing.reset();
  }

  setOptions(patch: SimOptionsInput): SimOptions {
    this.options = optionsSchema.parse({ ...this.options, ...patch });
    return this.options;
  }

  // ---- apps and ratings ----------------------------------------------------------------------

  get day(): number {
    return this.catalog.day;
  }

  addApp(input: SimAppInput): SimApp {
    return this.catalog.add(input);
  }

  removeApp(trackId: number): boolean {
    return this.catalog.remove(trackId);
  }

  listApps(): SimApp[] {
    return this.catalog.list();
  }

  setRatings(trackId: number, storefront: string, entry: StorefrontEntry): void {
    this.catalog.setRatings(trackId, storefront, entry);
  }

  /** A new day: ratings grow a little everywhere (deterministic), unless explicit changes are given. */
  advanceDay(changes?: RatingsChange[]): number {
    return this.catalog.advanceDay(changes);
  }

  // ---- keys ----------------------------------------------------------------------------------

  addKey(input: SimKeyInput): SimKey {
    return this.apiKeys.add(input);
  }

  getKey(keyId: string): SimKey | undefined {
    return this.apiKeys.get(keyId);
  }

  keys(): SimKey[] {
    return this.apiKeys.list();
  }

  // ---- reviews and responses -----------------------------------------------------------------

  addReview(appId: string, input: SimReviewInput): SimReview {
    const parsed = reviewSchema.parse(input);
    const review = this.reviews.add(appId, parsed);
    if (parsed.response) this.responses.attach(review, parsed.response);
    return review;
  }

  getReview(id: string): SimReview | undefined {
    return this.reviews.get(id);
  }

  /** Removes a review "from Apple's side" (the reviewer deleted it), and its response. */
  deleteReview(id: string): boolean {
    const review = this.reviews.delete(id);
    if (review) this.responses.dropFor(review);
    return review !== undefined;
  }

  /** One page of an app's reviews, newest first. */
  pageReviews(appId: string, q: ReviewQuery): { reviews: SimReview[]; next: string | null; total: number } {
    const wanted = q.hasPublishedResponse;
    return this.reviews.page(appId, q, wanted === undefined ? undefined : (r) => (this.responses.for(r)?.state === "PUBLISHED") === wanted);
  }

  getResponse(id: string): SimResponse | undefined {
    return this.responses.get(id);
  }

  /** POST semantics: overwrites any existing response with a new id, PENDING_PUBLISH. */
  createResponse(reviewId: string, body: string): SimResponse {
    return this.responses.create(reviewId, body);
  }

  /** Deletes a response (developer DELETE, or "from Apple's side"). */
  deleteResponse(id: string): boolean {
    return this.responses.delete(id);
  }

  /** Publishes one pending response, or all of them. Returns how many flipped. */
  publishResponses(id?: string): number {
    return this.responses.publish(id);
  }

  // ---- faults and the request log ------------------------------------------------------------

  addFault(input: SimFaultInput): string {
    return this.faults.add(input);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  listFaults(): ActiveFault[] {
    return this.faults.list();
  }

  get log(): LogEntry[] {
    return this.requestLog.entries;
  }

  get counters(): SimCounters {
    return this.requestLog.counters;
  }

  set counters(counters: SimCounters) {
    this.requestLog.counters = counters;
  }

  clearLog(): void {
    this.requestLog.clear();
  }

  summary() {
    return {
      day: this.day,
      options: this.options,
      apps: this.catalog.list().map((a) => ({ trackId: a.trackId, bundleId: a.bundleId, name: a.name, ascAppId: a.ascAppId ?? null })),
      keys: this.keys().map((k) => ({ keyId: k.keyId, issuerId: k.issuerId ?? null, type: k.type, apps: k.apps ?? null, generated: Boolean(k.privateKeyPem) })),
      reviews: Object.fromEntries(this.reviews.appIds().map((id) => [id, this.reviews.total(id)])),
      faults: this.listFaults(),
      counters: this.counters,
    };
  }
}
