// Typed errors of the data layer, mapped once per transport (server action result, HTTP response).
export type ErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "rate_limited"
  | "upstream_error"
  | "internal_error";

/** The HTTP status of each error code: one table for every transport. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  upstream_error: 502,
  internal_error: 500,
};

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly status: number,
    message: string,
    public readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fieldErrors?: Record<string, string>) {
    super("validation_failed", 400, message, fieldErrors);
  }
}
export class UnauthenticatedError extends AppError {
  constructor(message = "Sign in to continue.") {
    super("unauthenticated", 401, message);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do this.") {
    super("forbidden", 403, message);
  }
}
export class NotFoundError extends AppError {
  constructor(what = "That item") {
    super("not_found", 404, `${what} was not found, or you do not have access to it.`);
  }
}
export class ConflictError extends AppError {
  constructor(message: string, fieldErrors?: Record<string, string>) {
    super("conflict", 409, message, fieldErrors);
  }
}
export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super("payload_too_large", 413, message);
  }
}
/** What an upstream API (App Store Connect) said, in its own words, plus what the user can do about it. */
export interface UpstreamDetails {
  service: string;
  status: number | null;
  code: string | null;
  detail: string | null;
  hint: string;
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    public readonly retryAfterSeconds?: number,
    public readonly upstream?: UpstreamDetails,
  ) {
    super("rate_limited", 429, message);
  }
}
export class UpstreamError extends AppError {
  constructor(
    message: string,
    public readonly upstreamCode?: string,
    public readonly upstream?: UpstreamDetails,
  ) {
    super("upstream_error", 502, message);
  }
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string>;
  upstream?: UpstreamDetails;
  retryAfterSeconds?: number;
}

export function toErrorPayload(error: unknown): { status: number; payload: ErrorPayload } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      payload: {
        code: error.code,
        message: error.message,
        ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
        ...((error instanceof UpstreamError || error instanceof RateLimitedError) && error.upstream ? { upstream: error.upstream } : {}),
        ...(error instanceof RateLimitedError && error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      },
    };
  }
  console.error(error);
  return { status: 500, payload: { code: "internal_error", message: "Something went wrong on our side. Try again." } };
}
