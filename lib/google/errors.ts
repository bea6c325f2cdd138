// Typed errors from Google's answers: Google's own status, reason and message, plus `hint`, the sentence a user can
// act on. Never carries tokens or key material (only what Google wrote about the request).

export type GoogleService = "Google OAuth" | "Google Play Developer API" | "Cloud Storage";

/** What the failed call was for: the same 403 means "not invited" on a read and "no Reply permission" on a reply. */
export type GoogleOperation = "token" | "reviews.list" | "reviews.get" | "reviews.reply" | "storage.list" | "storage.download";

export interface GoogleErrorInit {
  service: GoogleService;
  operation: GoogleOperation;
  /** HTTP status; null when no answer came or the request was refused before it was sent. */
  status: number | null;
  /** Google's reason: ErrorInfo.reason, errors[].reason, or the OAuth `error` (invalid_grant). */
  reason?: string | null;
  /** Google's canonical status (PERMISSION_DENIED, RESOURCE_EXHAUSTED). */
  googleStatus?: string | null;
  /** Google's own message (error.message or error_description). */
  message?: string | null;
  hint?: string;
}

export class GoogleError extends Error {
  override readonly name: string = "GoogleError";
  readonly service: GoogleService;
  readonly operation: GoogleOperation;
  readonly status: number | null;
  readonly reason: string | null;
  readonly googleStatus: string | null;
  /** Google's message, as it wrote it. */
  readonly detail: string | null;
  readonly hint: string;

  constructor(init: GoogleErrorInit, defaultHint: string) {
    const what = init.message ?? (init.status ? `HTTP ${init.status}` : "request failed");
    const code = init.reason ?? init.googleStatus;
    super(`${init.service}${init.status ? ` ${init.status}` : ""}${code ? ` ${code}` : ""}: ${what}`);
    this.service = init.service;
    this.operation = init.operation;
    this.status = init.status;
    this.reason = init.reason ?? null;
    this.googleStatus = init.googleStatus ?? null;
    this.detail = init.message ?? null;
    this.hint = init.hint ?? defaultHint;
  }

  /** The code to show: Google's reason when it gave one, else its status name. */
  get code(): string | null {
    return this.reason ?? this.googleStatus;
  }
}

/** The token endpoint refused the key (invalid_grant, unauthorized_client), or the API refused the token twice. */
export class GoogleAuthError extends GoogleError {
  override readonly name = "GoogleAuthError";
  constructor(init: GoogleErrorInit) {
    super(init, "Google refused the service account key. Upload the JSON key file again (a key deleted in Google Cloud stops working), and check this server's clock.");
  }
}

export class GoogleApiNotEnabledError extends GoogleError {
  override readonly name = "GoogleApiNotEnabledError";
  constructor(init: GoogleErrorInit) {
    super(
      init,
      init.service === "Cloud Storage"
        ? "Enable the Cloud Storage JSON API in the service account's Google Cloud project (APIs & Services → Library), then test again."
        : "Enable the Google Play Android Developer API in the service account's Google Cloud project (APIs & Services → Library), then test again after a few minutes.",
    );
  }
}

export const HINT_NOT_INVITED =
  "Invite the service account's e-mail in Play Console → Users and permissions, with access to this app and the permissions \"View app information\" and \"Reply to reviews\". A new invitation or permission can take up to 24 hours to work.";
export const HINT_NO_REPLY_PERMISSION =
  "The service account may read reviews but not answer them: grant it \"Reply to reviews\" in Play Console → Users and permissions (a change can take up to 24 hours to work).";
export const HINT_BUCKET_NOT_READABLE =
  "The service account cannot read the reports bucket. In Play Console → Users and permissions, give it the account permission to view app information and download bulk reports, check the bucket id (Download reports → Copy Cloud Storage URI), and allow up to 24 hours for a change to work.";

/** 403 that is not a disabled API: the account is not invited, lacks a permission, or cannot read the bucket. */
export class GooglePermissionError extends GoogleError {
  override readonly name = "GooglePermissionError";
  constructor(init: GoogleErrorInit) {
    super(init, init.service === "Cloud Storage" ? HINT_BUCKET_NOT_READABLE : init.operation === "reviews.reply" ? HINT_NO_REPLY_PERMISSION : HINT_NOT_INVITED);
  }
}

export class GoogleNotFoundError extends GoogleError {
  override readonly name = "GoogleNotFoundError";
  constructor(init: GoogleErrorInit) {
    const bucketMissing = init.service === "Cloud Storage" && /bucket/i.test(init.message ?? "");
    super(
      init,
      bucketMissing
        ? "This bucket does not exist: copy its id in Play Console (Download reports → Reviews → Copy Cloud Storage URI)."
        : init.service === "Cloud Storage"
          ? "Google has not published this report file."
          : "Google Play has no app with this package name that the service account can see, or no such review. Check the Android app's package name.",
    );
  }

  /** True when the bucket itself is missing (a configuration error), not just one report file. */
  get bucketMissing(): boolean {
    return this.service === "Cloud Storage" && /bucket/i.test(this.detail ?? "");
  }
}

export class GoogleInvalidArgumentError extends GoogleError {
  override readonly name = "GoogleInvalidArgumentError";
  constructor(init: GoogleErrorInit) {
    super(init, init.operation === "reviews.reply" ? "Google Play refused the reply. Replies are plain text of at most 350 characters." : "Google refused the request as invalid.");
  }
}

export class GoogleQuotaError extends GoogleError {
  override readonly name = "GoogleQuotaError";
  constructor(
    init: GoogleErrorInit,
    /** Seconds from Retry-After (or the local budget's next free slot), when known. */
    readonly retryAfterSeconds: number | null,
  ) {
    super(
      init,
      init.operation === "reviews.reply"
        ? "Google Play's reply quota for this app (2,000 a day) is spent. Try again tomorrow."
        : "Google Play's read quota for this app (200 an hour) is spent. Starboard carries on at its next run; other tools using the same service account share this quota.",
    );
  }
}

export type GoogleTransientKind = "server" | "network" | "timeout" | "bad_response";

export class GoogleTransientError extends GoogleError {
  override readonly name = "GoogleTransientError";
  constructor(
    init: GoogleErrorInit,
    readonly kind: GoogleTransientKind,
  ) {
    super(init, "Google is not answering properly right now. Starboard will try again later.");
  }
}

/** Retry-After in seconds (delta or HTTP date); null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

interface GoogleErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    errors?: { reason?: string; message?: string; domain?: string }[];
    details?: { "@type"?: string; reason?: string }[];
  };
}

/** Reason, status and message from Google's error envelope (AIP-193, or the older errors[] form), read defensively. */
export function readGoogleErrorBody(body: unknown): { reason: string | null; googleStatus: string | null; message: string | null } {
  const error = (body as GoogleErrorBody | null)?.error;
  if (!error || typeof error !== "object") return { reason: null, googleStatus: null, message: typeof body === "string" && body.trim() ? body.trim().slice(0, 300) : null };
  const info = Array.isArray(error.details) ? error.details.find((d) => typeof d?.reason === "string") : undefined;
  const legacy = Array.isArray(error.errors) ? error.errors.find((e) => typeof e?.reason === "string") : undefined;
  return {
    reason: info?.reason ?? legacy?.reason ?? null,
    googleStatus: typeof error.status === "string" ? error.status : null,
    message: typeof error.message === "string" ? error.message : (legacy?.message ?? null),
  };
}

/** A disabled API says so in its reason (SERVICE_DISABLED, accessNotConfigured) or, in older answers, only in words. */
function isApiDisabled(reason: string | null, message: string | null): boolean {
  if (reason === "SERVICE_DISABLED" || reason === "accessNotConfigured") return true;
  return /has not been used in project|API .*is disabled|API has not been enabled/i.test(message ?? "");
}

/** Maps an HTTP status and Google's error body to the right error class. */
export function googleErrorFromResponse(
  service: GoogleService,
  operation: GoogleOperation,
  status: number,
  body: unknown,
  headers: { retryAfter?: string | null } = {},
): GoogleError {
  const read = readGoogleErrorBody(body);
  const init: GoogleErrorInit = { service, operation, status, ...read };
  if (status === 401) return new GoogleAuthError(init);
  if (status === 403 && isApiDisabled(read.reason, read.message)) return new GoogleApiNotEnabledError(init);
  // Cloud Storage answers an exhausted rate with 429, the Play API with 429 RESOURCE_EXHAUSTED; some older
  // answers carry 403 with a rate reason.
  if (status === 429 || (status === 403 && /rateLimitExceeded|userRateLimitExceeded|quotaExceeded/.test(read.reason ?? ""))) {
    return new GoogleQuotaError(init, parseRetryAfter(headers.retryAfter));
  }
  if (status === 403) return new GooglePermissionError(init);
  if (status === 404) return new GoogleNotFoundError(init);
  if (status === 400 || status === 422) return new GoogleInvalidArgumentError(init);
  if (status >= 500) return new GoogleTransientError(init, "server");
  return new GoogleError(init, "Google refused the request.");
}
