// Counters of a reviews sync run, as stored in sync_runs.counters (JSON-safe).

/** An app this run could not read completely, and what Apple answered. */
export interface AppFailure {
  appId: string;
  app: string;
  /** Where it stopped: paging its reviews, or re-reading its replies. */
  during: "reviews" | "replies";
  /** Apple's HTTP status, or "network" when no answer came. */
  status: string;
  code: string | null;
  detail: string | null;
  hint: string | null;
  /** Reviews this run had inserted for the app before it stopped (they are kept, and announced). */
  inserted: number;
}

export interface ReviewSyncCounters {
  apps: number;
  appsCompleted: number;
  appsIncomplete: number;
  pages: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Reviews Apple listed that cannot be stored as they are (rating not 1–5, unreadable date): skipped, a stored copy kept. */
  malformedReviews: number;
  deleted: number;
  pendingChecked: number;
  responsesRefreshed: number;
  responsesCleared: number;
  errorsByStatus: Record<string, number>;
  /** Per app not read completely: Apple's status, code and detail. */
  appFailures: AppFailure[];
  rateLimitWaits: number;
  retries: number;
  /** App Store ids found through App Store Connect on this run (apps that had none). */
  appStoreIdsFound: number;
  /** Apple apps skipped because neither the App Store nor App Store Connect gave an App Store id. */
  appsWithoutAppStoreId: string[];
  aborted: boolean;
  abortReason: string | null;
}

export function emptyCounters(): ReviewSyncCounters {
  return {
    apps: 0,
    appsCompleted: 0,
    appsIncomplete: 0,
    pages: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    malformedReviews: 0,
    deleted: 0,
    pendingChecked: 0,
    responsesRefreshed: 0,
    responsesCleared: 0,
    errorsByStatus: {},
    appFailures: [],
    rateLimitWaits: 0,
    retries: 0,
    appStoreIdsFound: 0,
    appsWithoutAppStoreId: [],
    aborted: false,
    abortReason: null,
  };
}

type Numeric = Exclude<keyof ReviewSyncCounters, "errorsByStatus" | "appFailures" | "appsWithoutAppStoreId" | "aborted" | "abortReason">;

export function addCounters(into: ReviewSyncCounters, delta: Partial<Pick<ReviewSyncCounters, Numeric | "errorsByStatus">>) {
  for (const [key, value] of Object.entries(delta)) {
    if (key === "errorsByStatus") {
      for (const [status, n] of Object.entries(value as Record<string, number>)) into.errorsByStatus[status] = (into.errorsByStatus[status] ?? 0) + n;
    } else if (typeof value === "number") {
      into[key as Numeric] += value;
    }
  }
}

/** "Weather (paging its reviews): App Store Connect 500 UNEXPECTED_ERROR: An unexpected error occurred. — hint", without a final period. */
export function describeAppFailure(f: AppFailure): string {
  const answer = [f.status === "network" ? "no answer" : f.status, f.code].filter(Boolean).join(" ");
  const text = `${f.app} (${f.during === "replies" ? "re-reading its replies" : "paging its reviews"}): App Store Connect ${answer}: ${f.detail ?? "no detail given"}${f.hint ? ` — ${f.hint}` : ""}`;
  return text.replace(/\.+$/, "");
}
