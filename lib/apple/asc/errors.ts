// Typed errors from Apple's error documents; `hint` is the sentence a user can act on. Never carries tokens or keys.
export interface AppleErrorItem {
  id?: string;
  status?: string;
  code?: string;
  title?: string;
  detail?: string;
}

export interface AscErrorInit {
  status: number | null;
  code?: string | null;
  title?: string | null;
  detail?: string | null;
  hint?: string;
  errors?: AppleErrorItem[];
}

export class AscError extends Error {
  override readonly name: string = "AscError";
  readonly status: number | null;
  /** Apple's error code, e.g. NOT_AUTHORIZED; null for network failures. */
  readonly code: string | null;
  readonly title: string | null;
  readonly detail: string | null;
  readonly hint: string;
  readonly errors: AppleErrorItem[];

  constructor(init: AscErrorInit, defaultHint: string) {
    const what = init.detail ?? init.title ?? (init.status ? `HTTP ${init.status}` : "request failed");
    super(`App Store Connect${init.status ? ` ${init.status}` : ""}${init.code ? ` ${init.code}` : ""}: ${what}`);
    this.status = init.status;
    this.code = init.code ?? null;
    this.title = init.title ?? null;
    this.detail = init.detail ?? null;
    this.hint = init.hint ?? defaultHint;
    this.errors = init.errors ?? [];
  }
}

export class AscAuthError extends AscError {
  override readonly name = "AscAuthError";
  constructor(init: AscErrorInit) {
    super(init, "App Store Connect rejected the API key. Check the issuer ID, key ID and .p8 file, that the key is not revoked, and that this server's clock is correct.");
  }
}

export class AscForbiddenError extends AscError {
  override readonly name: string = "AscForbiddenError";
  constructor(init: AscErrorInit) {
    super(init, "The API key's role does not allow this. Reading and answering reviews needs a key with the Customer Support role or higher.");
  }
}

export class AscAgreementError extends AscForbiddenError {
  override readonly name = "AscAgreementError";
  constructor(init: AscErrorInit) {
    super({ ...init, hint: init.hint ?? "The Account Holder must accept the latest agreements in App Store Connect (Business → Agreements); every call fails until then." });
  }
}

export class AscNotFoundError extends AscError {
  override readonly name = "AscNotFoundError";
  constructor(init: AscErrorInit) {
    super(init, "App Store Connect no longer has this item, or the key cannot see this app.");
  }
}

export class AscConflictError extends AscError {
  override readonly name = "AscConflictError";
  constructor(init: AscErrorInit) {
    super(init, "App Store Connect refused the change in its current state. Reload and try again.");
  }
}

export class AscValidationError extends AscError {
  override readonly name = "AscValidationError";
  constructor(init: AscErrorInit) {
    super(init, "App Store Connect refused the content. Check the text and try again.");
  }
}

export class AscRateLimitError extends AscError {
  override readonly name = "AscRateLimitError";
  constructor(
    init: AscErrorInit,
    readonly rateLimit: RateLimitInfo | null,
    /** Seconds from Retry-After, when Apple sent it. */
    readonly retryAfterSeconds: number | null,
  ) {
    super(init, "The API key's hourly request budget is spent. Starboard will try again later; other tools sharing this key also use the budget.");
  }
}

export type AscTransientKind = "server" | "network" | "timeout" | "bad_response";

export class AscTransientError extends AscError {
  override readonly name = "AscTransientError";
  constructor(
    init: AscErrorInit,
    readonly kind: AscTransientKind,
  ) {
    super(init, "App Store Connect is not answering properly right now. Starboard will try again later.");
  }
}

export interface RateLimitInfo {
  limit: number | null;
  remaining: number | null;
}

/** "user-hour-lim:3600;user-hour-rem:0;" → { limit: 3600, remaining: 0 }. */
export function parseRateLimitHeader(value: string | null | undefined): RateLimitInfo | null {
  if (!value) return null;
  const lim = /user-hour-lim:(\d+)/.exec(value);
  const rem = /user-hour-rem:(\d+)/.exec(value);
  if (!lim && !rem) return null;
  return { limit: lim ? Number(lim[1]) : null, remaining: rem ? Number(rem[1]) : null };
}

/** Retry-After in seconds (delta or HTTP date); null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Maps an HTTP status and Apple's error document to the right error class. */
export function ascErrorFromResponse(status: number, body: unknown, headers: { rateLimit?: string | null; retryAfter?: string | null } = {}): AscError {
  const items = Array.isArray((body as { errors?: unknown })?.errors) ? ((body as { errors: AppleErrorItem[] }).errors ?? []) : [];
  const first = items[0] ?? {};
  const init: AscErrorInit = { status, code: first.code ?? null, title: first.title ?? null, detail: first.detail ?? null, errors: items };
  const code = first.code ?? "";
  if (status === 401) return new AscAuthError(init);
  if (status === 403 && code.startsWith("FORBIDDEN.REQUIRED_AGREEMENTS")) return new AscAgreementError(init);
  if (status === 403) return new AscForbiddenError(init);
  if (status === 404) return new AscNotFoundError(init);
  if (status === 409) return new AscConflictError(init);
  if (status === 422 || status === 400) return new AscValidationError(init);
  if (status === 429) return new AscRateLimitError(init, parseRateLimitHeader(headers.rateLimit), parseRetryAfter(headers.retryAfter));
  if (status >= 500) return new AscTransientError(init, "server");
  return new AscError(init, "App Store Connect refused the request.");
}
