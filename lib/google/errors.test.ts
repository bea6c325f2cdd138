import { describe, expect, it } from "vitest";
import {
  GoogleApiNotEnabledError,
  GoogleAuthError,
  GoogleInvalidArgumentError,
  GoogleNotFoundError,
  GooglePermissionError,
  GoogleQuotaError,
  GoogleTransientError,
  HINT_BUCKET_NOT_READABLE,
  HINT_NO_REPLY_PERMISSION,
  HINT_NOT_INVITED,
  googleErrorFromResponse,
} from "./errors";

const PLAY = "Google Play Developer API" as const;

describe("googleErrorFromResponse", () => {
  it("a disabled API, by ErrorInfo reason, legacy reason, or only in words", () => {
    const errorInfo = { error: { code: 403, message: "Google Play Android Developer API has not been used in project 123 before or it is disabled.", status: "PERMISSION_DENIED", details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "SERVICE_DISABLED" }] } };
    const e = googleErrorFromResponse(PLAY, "reviews.list", 403, errorInfo);
    expect(e).toBeInstanceOf(GoogleApiNotEnabledError);
    expect(e).toMatchObject({ status: 403, reason: "SERVICE_DISABLED", googleStatus: "PERMISSION_DENIED", code: "SERVICE_DISABLED", hint: expect.stringContaining("Enable the Google Play Android Developer API") });
    expect(googleErrorFromResponse(PLAY, "reviews.list", 403, { error: { code: 403, message: "Access Not Configured.", errors: [{ reason: "accessNotConfigured" }] } })).toBeInstanceOf(GoogleApiNotEnabledError);
    expect(googleErrorFromResponse(PLAY, "reviews.list", 403, { error: { code: 403, message: "API has not been used in project 9 before or it is disabled" } })).toBeInstanceOf(GoogleApiNotEnabledError);
  });

  it("other 403s: not invited on a read, no Reply permission on a reply, bucket not readable on storage — in either payload style", () => {
    const plain = { error: { code: 403, message: "The caller does not have permission", status: "PERMISSION_DENIED" } };
    const legacy = { error: { code: 403, message: "The current user has insufficient permissions to perform the requested operation.", errors: [{ domain: "androidpublisher", reason: "permissionDenied" }] } };
    for (const body of [plain, legacy]) {
      expect(googleErrorFromResponse(PLAY, "reviews.list", 403, body)).toMatchObject({ name: "GooglePermissionError", hint: HINT_NOT_INVITED });
      expect(googleErrorFromResponse(PLAY, "reviews.reply", 403, body)).toMatchObject({ hint: HINT_NO_REPLY_PERMISSION });
    }
    const storage = googleErrorFromResponse("Cloud Storage", "storage.list", 403, { error: { code: 403, message: "sa@x.iam.gserviceaccount.com does not have storage.objects.list access to the Google Cloud Storage bucket.", errors: [{ domain: "global", reason: "forbidden" }] } });
    expect(storage).toBeInstanceOf(GooglePermissionError);
    expect(storage).toMatchObject({ reason: "forbidden", hint: HINT_BUCKET_NOT_READABLE });
  });

  it("401, 404 (bucket vs object), 400, 429 with Retry-After, 5xx, and a body that is not JSON", () => {
    expect(googleErrorFromResponse(PLAY, "reviews.list", 401, { error: { code: 401, status: "UNAUTHENTICATED", message: "Request had invalid authentication credentials." } })).toBeInstanceOf(GoogleAuthError);
    const bucket = googleErrorFromResponse("Cloud Storage", "storage.list", 404, { error: { code: 404, message: "The specified bucket does not exist." } }) as GoogleNotFoundError;
    expect(bucket.bucketMissing).toBe(true);
    expect(bucket.hint).toContain("Copy Cloud Storage URI");
    expect((googleErrorFromResponse("Cloud Storage", "storage.download", 404, "No such object: b/o") as GoogleNotFoundError)).toMatchObject({ bucketMissing: false, detail: "No such object: b/o" });
    expect(googleErrorFromResponse(PLAY, "reviews.reply", 400, { error: { code: 400, status: "INVALID_ARGUMENT", message: "Reply text too long" } })).toBeInstanceOf(GoogleInvalidArgumentError);
    const quota = googleErrorFromResponse(PLAY, "reviews.list", 429, { error: { code: 429, status: "RESOURCE_EXHAUSTED", message: "Quota exceeded" } }, { retryAfter: "30" });
    expect(quota).toBeInstanceOf(GoogleQuotaError);
    expect((quota as GoogleQuotaError).retryAfterSeconds).toBe(30);
    expect(googleErrorFromResponse(PLAY, "reviews.list", 503, "<html>")).toBeInstanceOf(GoogleTransientError);
    expect(googleErrorFromResponse(PLAY, "reviews.list", 503, "<html>").message).toBe("Google Play Developer API 503: <html>");
  });
});
