import { describe, expect, it } from "vitest";
import { MAX_REPLY_LENGTH } from "@/lib/validation";
import { replyBodySchema, reviewListQuery } from "./reviews";

describe("API review schemas", () => {
  it("the reply limit is Apple's, shared with the client and the form", () => {
    expect(MAX_REPLY_LENGTH).toBe(5970); // Apple's documented limit
    expect(replyBodySchema.safeParse({ body: "x".repeat(MAX_REPLY_LENGTH) }).success).toBe(true);
    expect(replyBodySchema.safeParse({ body: "x".repeat(MAX_REPLY_LENGTH + 1) }).success).toBe(false);
    expect(replyBodySchema.safeParse({ body: "  " }).success).toBe(false);
  });

  it("list query: blank filters are ignored, the limit is coerced and bounded", () => {
    expect(reviewListQuery.parse({ rating: "", limit: "10", country: "DE" })).toEqual({ limit: 10, country: "de" });
    expect(reviewListQuery.safeParse({ limit: "0" }).success).toBe(false);
    expect(reviewListQuery.safeParse({ rating: "6" }).success).toBe(false);
  });
});
