import "server-only";
// App Store Connect errors → the app's typed errors, once: Apple's own code and detail, plus what to do.
import { AscError, AscRateLimitError, AscValidationError } from "./errors";
import { RateLimitedError, UpstreamError, ValidationError, type UpstreamDetails } from "@/lib/errors";

export function ascDetails(error: AscError): UpstreamDetails {
  return { service: "App Store Connect", status: error.status, code: error.code, detail: error.detail ?? error.title, hint: error.hint };
}

/** One line for sync_runs.error and the integration's last sync error. */
export function describeAscError(error: AscError): string {
  const head = ["App Store Connect", error.status ?? "", error.code ?? ""].filter(Boolean).join(" ");
  return `${head}: ${error.detail ?? error.title ?? "request failed"} — ${error.hint}`;
}

/** When to try again after a rate limit, in words. */
export function retryWhen(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "Try again later this hour: the key's hourly request budget is spent.";
  if (seconds < 90) return `Try again in ${Math.max(1, Math.ceil(seconds))} seconds.`;
  return `Try again in about ${Math.ceil(seconds / 60)} minutes.`;
}

/** Rethrows Apple errors as AppErrors a person can act on; other errors pass through unchanged. */
export function toAppError(error: unknown): unknown {
  if (!(error instanceof AscError)) return error;
  const details = ascDetails(error);
  if (error instanceof AscRateLimitError) {
    return new RateLimitedError(`App Store Connect's rate limit for this key is reached. ${retryWhen(error.retryAfterSeconds)}`, error.retryAfterSeconds ?? undefined, details);
  }
  if (error instanceof AscValidationError && error.status === null) return new ValidationError(error.detail ?? error.hint, { body: error.detail ?? error.hint });
  return new UpstreamError(`${describeAscError(error)}`, error.code ?? undefined, details);
}
