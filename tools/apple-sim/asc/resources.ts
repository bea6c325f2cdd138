// customerReviews and customerReviewResponses as JSON:API resources, honouring sparse fieldsets: without
// `response` in fields[customerReviews], include=response returns nothing (Apple's fieldsets are exclusive).
import type { Call } from "../endpoints";
import type { SimResponse } from "../model/responses";
import type { SimReview } from "../model/reviews";
import { appleDate } from "./protocol";

const REVIEW_FIELDS = ["rating", "title", "body", "reviewerNickname", "createdDate", "territory", "response"];
const RESPONSE_FIELDS = ["responseBody", "lastModifiedDate", "state", "review"];

export function reviewResources(call: Call) {
  const { url, baseUrl } = call;
  const reviewFields = fieldList(url, "customerReviews", REVIEW_FIELDS);
  const responseFields = fieldList(url, "customerReviewResponses", RESPONSE_FIELDS);
  const includeResponse = (url.searchParams.get("include") ?? "").split(",").includes("response") && reviewFields.includes("response");

  const review = (r: SimReview, visible: SimResponse | null) => {
    const attributes: Record<string, unknown> = {};
    if (reviewFields.includes("rating")) attributes.rating = r.rating;
    if (reviewFields.includes("title") && r.title !== null) attributes.title = r.title;
    if (reviewFields.includes("body")) attributes.body = r.body;
    if (reviewFields.includes("reviewerNickname")) attributes.reviewerNickname = r.nickname;
    if (reviewFields.includes("createdDate")) attributes.createdDate = appleDate(r.createdMs);
    if (reviewFields.includes("territory")) attributes.territory = r.territory;
    const resource: { type: string; id: string; attributes: Record<string, unknown>; links: unknown; relationships?: unknown } = {
      type: "customerReviews",
      id: r.id,
      attributes,
      links: { self: `${baseUrl}/v1/customerReviews/${r.id}` },
    };
    if (reviewFields.includes("response")) {
      resource.relationships = {
        response: {
          ...(includeResponse ? { data: visible ? { type: "customerReviewResponses", id: visible.id } : null } : {}),
          links: { self: `${baseUrl}/v1/customerReviews/${r.id}/relationships/response`, related: `${baseUrl}/v1/customerReviews/${r.id}/response` },
        },
      };
    }
    return resource;
  };

  const response = (r: SimResponse) => {
    const attributes: Record<string, unknown> = {};
    if (responseFields.includes("responseBody")) attributes.responseBody = r.body;
    if (responseFields.includes("lastModifiedDate")) attributes.lastModifiedDate = appleDate(r.lastModifiedMs);
    if (responseFields.includes("state")) attributes.state = r.state;
    return {
      type: "customerReviewResponses",
      id: r.id,
      attributes,
      relationships: { review: { data: { type: "customerReviews", id: r.reviewId } } },
      links: { self: `${baseUrl}/v1/customerReviewResponses/${r.id}` },
    };
  };

  return { includeResponse, review, response };
}

function fieldList(url: URL, type: string, all: string[]): string[] {
  const v = url.searchParams.get(`fields[${type}]`);
  return v === null ? all : v.split(",").map((s) => s.trim());
}
