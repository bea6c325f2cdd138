import "server-only";
// A few pages per step: fetch from Apple, write each page set-wise, hand the next cursor to the next step.
import { AscAuthError, AscError, AscForbiddenError, createAscStats, describeAscError, type AscReviewPage } from "@/lib/apple/asc";
import { ascClientFor, loadIntegration } from "@/lib/data/integrations/credentials";
import { prepareReviewPage, writePreparedReviewPage, type PageTarget, type PreparedReviewPage } from "./write-page";

/** 25 × 200 reviews per step: a step stays within seconds, and a 100k-review app needs 20 steps (Inngest allows 1,000). */
export const PAGES_PER_STEP = 25;

export interface StepFailure {
  /** Apple's HTTP status, or "network" when no answer came. */
  status: string;
  /** Apple's error code (e.g. UNEXPECTED_ERROR), null when it sent none. */
  code: string | null;
  /** Apple's own detail (or title), null when it sent none. */
  detail: string | null;
  /** What to do about it. */
  hint: string | null;
  /** One line: Apple's status, code and detail, then the hint. */
  message: string;
  /** 401/403: the key itself is refused, so the whole project run stops. */
  abort: boolean;
}

export interface PagesStepResult {
  pages: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Reviews Apple listed that cannot be stored as they are (rating not 1–5, unreadable date): skipped, a stored copy kept. */
  malformed: number;
  nextUrl: string | null;
  done: boolean;
  rateLimitWaits: number;
  retries: number;
  failure: StepFailure | null;
}

export function failureOf(error: unknown): StepFailure {
  if (error instanceof AscError) {
    return {
      status: String(error.status ?? "network"),
      code: error.code,
      detail: error.detail ?? error.title,
      hint: error.hint,
      message: describeAscError(error),
      abort: error instanceof AscAuthError || error instanceof AscForbiddenError,
    };
  }
  throw error;
}

export async function fetchReviewPages(target: PageTarget & { appStoreId: string }, startUrl: string | null): Promise<PagesStepResult> {
  const result: PagesStepResult = { pages: 0, inserted: 0, updated: 0, unchanged: 0, malformed: 0, nextUrl: startUrl, done: false, rateLimitWaits: 0, retries: 0, failure: null };
  const integration = await loadIntegration(target.projectId, target.teamId);
  if (!integration?.enabled) {
    const message = "The App Store Connect integration was removed or disabled during the run.";
    result.failure = { status: "disabled", code: null, detail: null, hint: null, message, abort: true };
    return result;
  }
  const stats = createAscStats();
  const client = ascClientFor(integration.credentials, { stats });
  const pages = client.listCustomerReviews(target.appStoreId, startUrl ? { startUrl } : {})[Symbol.asyncIterator]();
  const keptIdsOf = (page: AscReviewPage) => page.malformed.flatMap((m) => (m.id ? [m.id] : []));
  type Ready = { page: AscReviewPage; prepared: PreparedReviewPage } | null;
  const ready = async (next: IteratorResult<AscReviewPage>): Promise<Ready> =>
    next.done ? null : { page: next.value, prepared: await prepareReviewPage(target, next.value.reviews, keptIdsOf(next.value)) };
  try {
    let ended = true;
    let current = await ready(await pages.next());
    while (current) {
      const { page, prepared } = current;
      const more = page.nextUrl !== null && result.pages + 1 < PAGES_PER_STEP;
      // While this page is written, the next one is fetched from Apple and its languages detected: the database,
      // the network and the detection worker each work on a different page.
      const following = more ? pages.next().then(ready) : null;
      following?.catch(() => {});
      const written = await writePreparedReviewPage(target, prepared);
      if (page.malformed.length > 0) console.warn(`starboard: skipped ${page.malformed.length} review(s) App Store Connect sent unreadable: ${page.malformed.map((m) => `${m.id ?? "?"} (${m.reason})`).join(", ")}`);
      result.malformed += page.malformed.length;
      result.pages++;
      result.inserted += written.inserted;
      result.updated += written.updated;
      result.unchanged += written.unchanged;
      result.nextUrl = page.nextUrl;
      if (!following) {
        ended = page.nextUrl === null;
        break;
      }
      current = await following;
    }
    result.done = ended;
  } catch (error) {
    result.failure = failureOf(error);
  }
  result.rateLimitWaits = stats.rateLimitWaits;
  result.retries = stats.retries;
  return result;
}
