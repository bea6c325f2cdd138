import { describe, expect, it } from "vitest";
import { AscAgreementError, AscRateLimitError, AscTransientError } from "@/lib/apple/asc";
import { RateLimitedError, UpstreamError } from "@/lib/errors";
import { describeAscError, retryWhen, toAppError } from "./app-errors";

describe("Apple errors in words", () => {
  it("keeps Apple's code and detail and adds what to do", () => {
    const error = new AscAgreementError({ status: 403, code: "FORBIDDEN.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED", detail: "A required agreement is missing or has expired." });
    const mapped = toAppError(error);
    expect(mapped).toBeInstanceOf(UpstreamError);
    expect((mapped as UpstreamError).upstream).toMatchObject({ status: 403, code: "FORBIDDEN.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED", hint: expect.stringContaining("Account Holder") });
    expect(describeAscError(error)).toBe(
      "App Store Connect 403 FORBIDDEN.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED: A required agreement is missing or has expired. — " + error.hint,
    );
  });

  it("says when to retry after a rate limit", () => {
    const mapped = toAppError(new AscRateLimitError({ status: 429, code: "RATE_LIMIT_EXCEEDED" }, null, 30)) as RateLimitedError;
    expect(mapped).toBeInstanceOf(RateLimitedError);
    expect(mapped.retryAfterSeconds).toBe(30);
    expect(mapped.message).toContain("Try again in 30 seconds.");
    expect(retryWhen(null)).toMatch(/later this hour/);
    expect(retryWhen(600)).toBe("Try again in about 10 minutes.");
  });

  it("passes other errors through untouched", () => {
    const plain = new Error("boom");
    expect(toAppError(plain)).toBe(plain);
    expect(toAppError(new AscTransientError({ status: 503 }, "server"))).toBeInstanceOf(UpstreamError);
  });
});
