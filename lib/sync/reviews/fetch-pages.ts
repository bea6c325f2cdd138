import "server-only";
// A few pages per step: fetch from Apple, write each page set-wise, hand the next cursor to the next step.
import { AscAuthError, AscError, AscForbiddenError, createAscStats } from "@/lib/apple/asc";
import { describeAscError } from "@/lib/data/integrations/asc-errors";
import { ascClientFor, loadIntegration } from "@/lib/data/integrations/credentials";
import { writeReviewPage, type PageTarget } from "./write-page";

/** 10 × 200 reviews per step keeps a step well under a minute and a 100k-review app under Inngest's step limit. */
export const PAGES_PER_STEP = 10;

export interface StepFailure {
  status: string;
  message: string;
  /** 401/403: the key itself is refused, so the whole project run stops. */
  abort: boolean;
}

export interface PagesStepResult {
  pages: number;
  inserted: number;
  updated: number;
  unchanged: number;
  nextUrl: string | null;
  done: boolean;
  rateLimitWaits: number;
  retries: number;
  failure: StepFailure | null;
}

export function failureOf(error: unknown): StepFailure {
  if (error instanceof AscError) {
    return { status: String(error.status ?? "network"), message: describeAscError(error), abort: error instanceof AscAuthError || error instanceof AscForbiddenError };
  }
  throw error;
}

export async function fetchReviewPages(target: PageTarget & { appStoreId: string }, startUrl: string | null): Promise<PagesStepResult> {
  const result: PagesStepResult = { pages: 0, inserted: 0, updated: 0, unchanged: 0, nextUrl: startUrl, done: false, rateLimitWaits: 0, retries: 0, failure: null };
  const integration = await loadIntegration(target.projectId, target.teamId);
  if (!integration?.enabled) {
    result.failure = { status: "disabled", message: "The App Store Connect integration was removed or disabled during the run.", abort: true };
    return result;
  }
  const stats = createAscStats();
  const client = ascClientFor(integration.credentials, { stats });
  try {
    let ended = true;
    for await (const page of client.listCustomerReviews(target.appStoreId, startUrl ? { startUrl } : {})) {
      const written = await writeReviewPage(target, page.reviews);
      result.pages++;
      result.inserted += written.inserted;
      result.updated += written.updated;
      result.unchanged += written.unchanged;
      result.nextUrl = page.nextUrl;
      if (page.nextUrl && result.pages >= PAGES_PER_STEP) {
        ended = false;
        break;
      }
    }
    result.done = ended;
  } catch (error) {
    result.failure = failureOf(error);
  }
  result.rateLimitWaits = stats.rateLimitWaits;
  result.retries = stats.retries;
  return result;
}
