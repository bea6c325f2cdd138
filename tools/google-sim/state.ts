// In-memory model of what Google knows. Data and mutations only; HTTP lives in oauth.ts / play.ts / storage.ts /
// control.ts, the report files in reports.ts.
import { createPublicKey, randomBytes, type KeyObject } from "node:crypto";
import { hashUnit, mulberry32 } from "../apple-sim/random";
import { generateServiceAccount, serviceAccountKeyFile } from "./keys";
import {
  accountSchema,
  appSchema,
  faultSchema,
  optionsSchema,
  reviewSchema,
  scenarioSchema,
  type GoogleFaultKind,
  type GoogleScenario,
  type GoogleSimEndpoint,
  type GoogleSimFault,
  type GoogleSimFaultInput,
  type GoogleSimOptions,
  type GoogleSimOptionsInput,
  type ParsedGoogleScenario,
  type SimAccountInput,
  type SimPlayReviewInput,
} from "./scenario";

export interface SimAccount {
  clientEmail: string;
  privateKeyId: string | null;
  publicKey: KeyObject;
  publicKeyPem: string;
  /** Only when the simulator generated the pair: the JSON key file to upload. */
  keyFile: string | null;
  packages: string[] | null;
  canReply: boolean;
  bucketAccess: boolean;
  apiEnabled: boolean;
}

export interface SimPlayReview {
  id: string;
  packageName: string;
  author: string;
  rating: number;
  title: string | null;
  text: string;
  originalText: string | null;
  language: string;
  modifiedMs: number;
  submittedMs: number;
  versionName: string;
  versionCode: number;
  device: string;
  reply: { text: string; modifiedMs: number } | null;
}

export interface SimToken {
  account: SimAccount;
  scopes: string[];
  expiresAtMs: number;
}

export interface GoogleLogEntry {
  at: string;
  method: string;
  path: string;
  endpoint: string;
  status: number;
  account?: string;
  fault?: GoogleFaultKind;
}

export interface GoogleSimCounters {
  total: number;
  byEndpoint: Record<string, number>;
  byStatus: Record<string, number>;
}

interface ActiveFault {
  id: string;
  spec: GoogleSimFault;
  seen: number;
  failed: number;
}

const LOG_CAP = 10_000;
const WORDS = "great app love it crashes sometimes useful fast slow please add widget dark mode sync works after update battery offline thanks".split(" ");

export function resolveTime(value: string | undefined, base: number): number {
  if (!value || value === "now") return base;
  const rel = /^-(\d+(?:\.\d+)?)([dhm])$/.exec(value);
  if (rel) return base - Number(rel[1]) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[rel[2] as "d" | "h" | "m"];
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`not a time: ${value}`);
  return ms;
}

export class GoogleSimState {
  options: GoogleSimOptions;
  readonly salt = randomBytes(6).toString("hex");
  scenario: ParsedGoogleScenario = scenarioSchema.parse({});
  private initial: GoogleScenario = {};
  private generatedKeys = new Map<string, { publicKeyPem: string; privateKeyId: string; keyFile: string }>();
  accounts = new Map<string, SimAccount>();
  reviews = new Map<string, SimPlayReview[]>();
  /** Raw extra objects in the bucket (name → text). */
  objects = new Map<string, string>();
  tokens = new Map<string, SimToken>();
  private reads = new Map<string, number[]>();
  private replies = new Map<string, number[]>();
  private faults: ActiveFault[] = [];
  private faultRng: () => number;
  private nextId = 1;
  log: GoogleLogEntry[] = [];
  counters: GoogleSimCounters = { total: 0, byEndpoint: {}, byStatus: {} };

  constructor(scenario: GoogleScenario = {}, options: GoogleSimOptionsInput = {}) {
    this.options = optionsSchema.parse(options);
    this.faultRng = mulberry32(this.options.seed);
    this.loadScenario(scenario);
  }

  /** This server's clock (the real one plus clockOffsetSeconds). */
  now(): number {
    return Date.now() + this.options.clockOffsetSeconds * 1000;
  }

  loadScenario(input: GoogleScenario): void {
    this.initial = input;
    this.scenario = scenarioSchema.parse(input);
    this.accounts.clear();
    this.reviews.clear();
    this.objects.clear();
    this.tokens.clear();
    this.reads.clear();
    this.replies.clear();
    for (const account of this.scenario.accounts) this.addAccount(account);
    const base = Date.now();
    for (const app of this.scenario.apps) {
      const parsed = appSchema.parse(app);
      const list = this.reviewsOf(parsed.packageName);
      for (const r of parsed.reviews) list.push(this.toReview(parsed.packageName, r, base));
      if (parsed.generate) {
        const g = parsed.generate;
        const newest = resolveTime(g.newest, base);
        for (let i = 0; i < g.count; i++) {
          const rnd = mulberry32(g.seed * 100_003 + i);
          const words = Array.from({ length: 4 + Math.floor(rnd() * 10) }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(" ");
          const modifiedMs = newest - i * g.intervalMinutes * 60_000;
          list.push({
            id: `gp:gen-${parsed.packageName}-${i}`,
            packageName: parsed.packageName,
            author: `Reviewer ${i}`,
            rating: 1 + Math.floor(rnd() * 5),
            title: rnd() < 0.4 ? words.split(" ").slice(0, 2).join(" ") : null,
            text: words,
            originalText: null,
            language: "en",
            modifiedMs,
            submittedMs: modifiedMs,
            versionName: "2.0.0",
            versionCode: 200,
            device: "a53x",
            reply: rnd() < g.replyShare ? { text: "Thanks for the review!", modifiedMs: modifiedMs + 60_000 } : null,
          });
        }
      }
    }
    for (const [name, text] of Object.entries(this.scenario.objects)) this.objects.set(name, text);
  }

  /** Back to the loaded scenario; clears faults, log, counters, tokens and quotas. */
  reset(): void {
    this.options = optionsSchema.parse({ ...this.options, clockOffsetSeconds: 0 });
    this.loadScenario(this.initial);
    this.faults = [];
    this.clearLog();
  }

  setOptions(patch: GoogleSimOptionsInput): GoogleSimOptions {
    this.options = optionsSchema.parse({ ...this.options, ...patch });
    return this.options;
  }

  // ---- accounts ------------------------------------------------------------------------------

  addAccount(input: SimAccountInput): SimAccount {
    const a = accountSchema.parse(input);
    let publicKeyPem = a.publicKeyPem;
    let keyFile: string | null = null;
    let privateKeyId = a.privateKeyId ?? null;
    if (!publicKeyPem) {
      // A generated pair stays the same across reset() so a key saved in Starboard keeps working.
      let generated = this.generatedKeys.get(a.clientEmail);
      if (!generated) {
        const g = generateServiceAccount(a.clientEmail);
        const id = a.privateKeyId ?? g.privateKeyId;
        generated = { publicKeyPem: g.publicKeyPem, privateKeyId: id, keyFile: serviceAccountKeyFile({ clientEmail: a.clientEmail, privateKeyId: id, privateKeyPem: g.privateKeyPem }) };
        this.generatedKeys.set(a.clientEmail, generated);
      }
      publicKeyPem = generated.publicKeyPem;
      privateKeyId ??= generated.privateKeyId;
      keyFile = generated.keyFile;
    }
    const account: SimAccount = {
      clientEmail: a.clientEmail,
      privateKeyId,
      publicKey: createPublicKey(publicKeyPem),
      publicKeyPem,
      keyFile,
      packages: a.packages ?? null,
      canReply: a.canReply,
      bucketAccess: a.bucketAccess,
      apiEnabled: a.apiEnabled,
    };
    this.accounts.set(a.clientEmail, account);
    return account;
  }

  /** Changes an account's grants in place (invite to a package, take the Reply permission away…). */
  updateAccount(clientEmail: string, patch: Partial<Pick<SimAccount, "packages" | "canReply" | "bucketAccess" | "apiEnabled">>): SimAccount {
    const account = this.accounts.get(clientEmail);
    if (!account) throw new Error(`no account ${clientEmail}`);
    Object.assign(account, patch);
    return account;
  }

  /** The JSON key file of a generated account (null when the scenario gave only a public key). */
  keyFile(clientEmail: string): string | null {
    return this.accounts.get(clientEmail)?.keyFile ?? null;
  }

  issueToken(account: SimAccount, scopes: string[]): { token: string; expiresIn: number } {
    const token = `ya29.sim-${randomBytes(18).toString("base64url")}`;
    this.tokens.set(token, { account, scopes, expiresAtMs: this.now() + 3_599_000 });
    return { token, expiresIn: 3599 };
  }

  /** Every issued token stops working (as when Google revokes them): the next call gets 401. */
  expireTokens(): void {
    this.tokens.clear();
  }

  // ---- reviews -------------------------------------------------------------------------------

  reviewsOf(packageName: string): SimPlayReview[] {
    let list = this.reviews.get(packageName);
    if (!list) {
      list = [];
      this.reviews.set(packageName, list);
    }
    return list;
  }

  knowsPackage(packageName: string): boolean {
    return this.reviews.has(packageName) || this.scenario.apps.some((a) => a.packageName === packageName);
  }

  private toReview(packageName: string, input: SimPlayReviewInput, base: number): SimPlayReview {
    const r = reviewSchema.parse(input);
    const modifiedMs = resolveTime(r.modified, base);
    return {
      id: r.id,
      packageName,
      author: r.author ?? "A Google user",
      rating: r.rating,
      title: r.title ?? null,
      text: r.text,
      originalText: r.originalText ?? null,
      language: r.language,
      modifiedMs,
      submittedMs: r.submitted ? resolveTime(r.submitted, base) : modifiedMs,
      versionName: r.versionName,
      versionCode: r.versionCode,
      device: r.device,
      reply: r.reply ? { text: r.reply.text, modifiedMs: resolveTime(r.reply.modified, base) } : null,
    };
  }

  /**
   * Adds a review, or edits one with the same id: the reviewer changed text or stars, so its lastModified moves to
   * now (relative times resolve against this server's clock) and it comes back into the 7-day window.
   */
  upsertReview(packageName: string, input: SimPlayReviewInput): SimPlayReview {
    const list = this.reviewsOf(packageName);
    const existing = list.findIndex((r) => r.id === input.id);
    const review = this.toReview(packageName, { ...input, modified: input.modified ?? "now" }, this.now());
    if (existing >= 0) {
      review.submittedMs = list[existing].submittedMs;
      if (input.reply === undefined) review.reply = list[existing].reply;
      list[existing] = review;
    } else list.push(review);
    return review;
  }

  deleteReview(id: string): boolean {
    for (const list of this.reviews.values()) {
      const i = list.findIndex((r) => r.id === id);
      if (i >= 0) {
        list.splice(i, 1);
        return true;
      }
    }
    return false;
  }

  findReview(packageName: string, id: string): SimPlayReview | undefined {
    return this.reviews.get(packageName)?.find((r) => r.id === id);
  }

  /** The reviews reviews.list shows: modified within the window, newest first. */
  recentReviews(packageName: string): SimPlayReview[] {
    const since = this.now() - this.options.windowDays * 86_400_000;
    return [...(this.reviews.get(packageName) ?? [])].filter((r) => r.modifiedMs >= since).sort((a, b) => b.modifiedMs - a.modifiedMs || (a.id < b.id ? -1 : 1));
  }

  // ---- quotas --------------------------------------------------------------------------------

  /** Counts a read for the package; returns the ms until the window has room again when it is spent. */
  spendRead(packageName: string): { exceeded: boolean; retryAfterMs: number } {
    return spend(this.reads, packageName, this.options.readsPerWindow, this.options.readWindowMs, this.now());
  }

  spendReply(packageName: string): { exceeded: boolean; retryAfterMs: number } {
    return spend(this.replies, packageName, this.options.repliesPerDay, 86_400_000, this.now());
  }

  resetQuotas(): void {
    this.reads.clear();
    this.replies.clear();
  }

  // ---- faults --------------------------------------------------------------------------------

  addFault(input: GoogleSimFaultInput): string {
    const spec = faultSchema.parse(input);
    const id = `fault-${this.nextId++}`;
    this.faults.push({ id, spec, seen: 0, failed: 0 });
    return id;
  }

  clearFaults(): void {
    this.faults = [];
  }

  listFaults() {
    return this.faults.map((f) => ({ ...f }));
  }

  /** The fault to inject for this call, if any; each matching fault counts the call. */
  takeFault(endpoint: GoogleSimEndpoint, target?: string): GoogleSimFault | null {
    let hit: GoogleSimFault | null = null;
    for (const f of this.faults) {
      if (f.spec.endpoint !== endpoint) continue;
      if (f.spec.target && !(target ?? "").includes(f.spec.target)) continue;
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

  // ---- log -----------------------------------------------------------------------------------

  record(entry: Omit<GoogleLogEntry, "at">): void {
    this.log.push({ at: new Date().toISOString(), ...entry });
    if (this.log.length > LOG_CAP) this.log.splice(0, this.log.length - LOG_CAP);
    this.counters.total++;
    this.counters.byEndpoint[entry.endpoint] = (this.counters.byEndpoint[entry.endpoint] ?? 0) + 1;
    this.counters.byStatus[String(entry.status)] = (this.counters.byStatus[String(entry.status)] ?? 0) + 1;
  }

  clearLog(): void {
    this.log = [];
    this.counters = { total: 0, byEndpoint: {}, byStatus: {} };
  }

  summary() {
    return {
      accounts: [...this.accounts.values()].map((a) => ({ clientEmail: a.clientEmail, privateKeyId: a.privateKeyId, packages: a.packages, canReply: a.canReply, bucketAccess: a.bucketAccess, apiEnabled: a.apiEnabled, generated: a.keyFile !== null })),
      apps: [...this.reviews.entries()].map(([packageName, list]) => ({ packageName, reviews: list.length, recent: this.recentReviews(packageName).length })),
      bucket: this.scenario.bucket,
      objects: [...this.objects.keys()],
      faults: this.listFaults(),
      counters: this.counters,
      options: this.options,
      now: new Date(this.now()).toISOString(),
    };
  }

  /** A stable pseudo-random number for generated data. */
  unit(...parts: (string | number)[]): number {
    return hashUnit(this.options.seed, ...parts);
  }
}

function spend(map: Map<string, number[]>, key: string, limit: number, windowMs: number, now: number) {
  const recent = (map.get(key) ?? []).filter((t) => t > now - windowMs);
  if (recent.length >= limit) {
    map.set(key, recent);
    return { exceeded: true, retryAfterMs: recent[recent.length - limit] + windowMs - now };
  }
  recent.push(now);
  map.set(key, recent);
  return { exceeded: false, retryAfterMs: 0 };
}
