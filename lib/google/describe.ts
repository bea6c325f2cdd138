// Google errors → what Starboard shows: Google's own status, code and message plus the hint, once, for runs, test
// results and the typed errors of the edges. Never carries key material (GoogleError holds none).
import { RateLimitedError, UpstreamError, ValidationError, type UpstreamDetails } from "@/lib/errors";
import { GoogleApiNotEnabledError, GoogleAuthError, GoogleError, GoogleInvalidArgumentError, GoogleNotFoundError, GooglePermissionError, GoogleQuotaError } from "./errors";

export function googleDetails(error: GoogleError): UpstreamDetails {
  return { service: error.service, status: error.status, code: error.code, detail: error.detail, hint: error.hint };
}

/** One line for sync_runs.error and the connection's last sync error. */
export function describeGoogleError(error: GoogleError): string {
  const head = [error.service, error.status ?? "", error.code ?? ""].filter(Boolean).join(" ");
  return `${head}: ${error.detail ?? "request failed"} — ${error.hint}`;
}

/** Rethrows Google errors as AppErrors a person can act on; other errors pass through unchanged. */
export function googleToAppError(error: unknown): unknown {
  if (!(error instanceof GoogleError)) return error;
  const details = googleDetails(error);
  if (error instanceof GoogleQuotaError) return new RateLimitedError(`${error.service}: ${error.hint}`, error.retryAfterSeconds ?? undefined, details);
  // Refused before anything was sent (too long, empty): the input is what to fix.
  if (error instanceof GoogleInvalidArgumentError && error.status === null) return new ValidationError(error.detail ?? error.hint, { body: error.detail ?? error.hint });
  return new UpstreamError(describeGoogleError(error), error.code ?? undefined, details);
}

/** A failure recorded on a run (JSON-safe): what Google answered, and whether it stops the whole run. */
export interface GoogleFailure {
  service: string;
  /** Google's HTTP status, "network" when no answer came, "local" when refused before sending. */
  status: string;
  code: string | null;
  detail: string | null;
  hint: string;
  message: string;
  /** The key or the API itself is refused (or, for reports, the bucket): every app would fail the same way. */
  abort: boolean;
}

export function googleFailureOf(error: unknown): GoogleFailure {
  if (!(error instanceof GoogleError)) throw error;
  const bucketLevel = error.service === "Cloud Storage" && (error instanceof GooglePermissionError || (error instanceof GoogleNotFoundError && error.bucketMissing));
  return {
    service: error.service,
    status: error.status !== null ? String(error.status) : error.reason?.startsWith("LOCAL") ? "local" : "network",
    code: error.code,
    detail: error.detail,
    hint: error.hint,
    message: describeGoogleError(error),
    abort: error instanceof GoogleAuthError || error instanceof GoogleApiNotEnabledError || bucketLevel,
  };
}
