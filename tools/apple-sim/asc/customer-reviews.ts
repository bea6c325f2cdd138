// Customer reviews and developer responses: list an app's reviews, read one review or its response, create
// (POST replaces), read and delete a response. Shaped like App Store Connect's JSON:API endpoints.
import { z } from "zod";
import { defineFamily, type Call, type Endpoint } from "../endpoints";
import { appleError, readJson } from "../http";
import { defineFaults } from "../model/faults";
import { ReviewCursorError, type SimReview } from "../model/reviews";
import type { SimResponse } from "../model/responses";
import { ascProtocol, notFound, pageLimit, paramError, selfUrl, withParam, type AscContext } from "./protocol";
import { reviewResources } from "./resources";

export const customerReviewFaults = defineFaults({
  endpoints: ["asc.reviews", "asc.review", "asc.review.response", "asc.response.get", "asc.response.create", "asc.response.delete"],
  data: {
    /** The list shows PUBLISHED replies as PENDING_PUBLISH while GET by id already says PUBLISHED. */
    stale_pending: ["asc.reviews"],
    /** The page's first review has rating 0, its second a createdDate that is not a date. */
    unreadable_review: ["asc.reviews"],
  },
  fields: {
    /** The fault applies to this app's reviews (its ascAppId) only. */
    app: z.string().optional(),
  },
  targets: { app: ["asc.reviews"] },
});

declare module "../model/faults" {
  interface SimFaultInputs {
    ascCustomerReviews: z.input<typeof customerReviewFaults.schema>;
  }
}

type ReviewsFault = ReturnType<typeof customerReviewFaults.parse>;
type ReviewsEndpoint = Endpoint<AscContext, ReviewsFault>;

/** The review, when it exists and the key sees its app. */
function visibleReview(call: Call, key: AscContext["key"], id: string): SimReview | undefined {
  const review = call.sim.reviews.get(id);
  return review && call.sim.apiKeys.seesApp(key, review.appId) ? review : undefined;
}

/** The response, when it exists and the key sees its review's app. */
function visibleResponse(call: Call, key: AscContext["key"], id: string): SimResponse | undefined {
  const resp = call.sim.responses.get(id);
  return resp && visibleReview(call, key, resp.reviewId) ? resp : undefined;
}

const listReviews: ReviewsEndpoint = {
  id: "asc.reviews",
  methods: ["GET"],
  path: /^\/v1\/apps\/([^/]+)\/customerReviews$/,
  target: (call) => ({ app: call.params[0] }),
  handle(call, { key }) {
    const { sim, url, fault } = call;
    const appId = call.params[0];
    if (!sim.catalog.ascApps().some((a) => a.id === appId) || !sim.apiKeys.seesApp(key, appId)) return notFound(call, "apps");
    const limit = pageLimit(call);
    if (limit === null) return paramError(call, "limit");
    const sort = url.searchParams.get("sort");
    if (sort && sort !== "-createdDate") return paramError(call, "sort", "The simulator only sorts by -createdDate.");
    const exists = url.searchParams.get("exists[publishedResponse]");
    let page;
    try {
      page = sim.pageReviews(appId, {
        limit,
        cursor: url.searchParams.get("cursor") ?? undefined,
        ratings: url.searchParams.get("filter[rating]")?.split(",").map(Number),
        territories: url.searchParams.get("filter[territory]")?.split(",").map((t) => t.toUpperCase()),
        hasPublishedResponse: exists === null ? undefined : exists === "true",
      });
    } catch (e) {
      if (e instanceof ReviewCursorError) return paramError(call, "cursor");
      throw e;
    }
    const doc = reviewResources(call);
    const visible = page.reviews.map((r) => (doc.includeResponse ? sim.responses.visibleFor(r) : null));
    // The list lags the PENDING_PUBLISH → PUBLISHED flip (observed at Apple): GET by id already says PUBLISHED.
    const listed = fault?.kind === "stale_pending" ? visible.map((v) => (v?.state === "PUBLISHED" ? { ...v, state: "PENDING_PUBLISH" as const } : v)) : visible;
    const included = listed.filter((v): v is SimResponse => v !== null).map(doc.response);
    const data = page.reviews.map((r, i) => doc.review(r, visible[i]));
    if (fault?.kind === "unreadable_review") {
      // What no client should store as it is: a rating outside 1–5, a date that is not one.
      if (data[0]) data[0].attributes.rating = 0;
      if (data[1]) data[1].attributes.createdDate = "not a date";
    }
    call.json(200, {
      data,
      ...(doc.includeResponse ? { included } : {}),
      links: { self: selfUrl(call), ...(page.next ? { next: withParam(call, "cursor", page.next) } : {}) },
      meta: { paging: { total: page.total, limit } },
    });
  },
};

const getReview: ReviewsEndpoint = {
  id: "asc.review",
  methods: ["GET"],
  path: /^\/v1\/customerReviews\/([^/]+)$/,
  handle(call, { key }) {
    const review = visibleReview(call, key, call.params[0]);
    if (!review) return notFound(call, "customerReviews");
    const doc = reviewResources(call);
    const visible = doc.includeResponse ? call.sim.responses.visibleFor(review) : null;
    call.json(200, {
      data: doc.review(review, visible),
      ...(doc.includeResponse ? { included: visible ? [doc.response(visible)] : [] } : {}),
      links: { self: selfUrl(call) },
    });
  },
};

const getReviewResponse: ReviewsEndpoint = {
  id: "asc.review.response",
  methods: ["GET"],
  path: /^\/v1\/customerReviews\/([^/]+)\/response$/,
  handle(call, { key }) {
    const review = visibleReview(call, key, call.params[0]);
    if (!review) return notFound(call, "customerReviews");
    const resp = call.sim.responses.for(review);
    call.json(200, { data: resp ? reviewResources(call).response(resp) : null, links: { self: selfUrl(call) } });
  },
};

const getResponse: ReviewsEndpoint = {
  id: "asc.response.get",
  methods: ["GET"],
  path: /^\/v1\/customerReviewResponses\/([^/]+)$/,
  handle(call, { key }) {
    const resp = visibleResponse(call, key, call.params[0]);
    if (!resp) return notFound(call, "customerReviewResponses");
    call.json(200, { data: reviewResources(call).response(resp), links: { self: selfUrl(call) } });
  },
};

const deleteResponse: ReviewsEndpoint = {
  id: "asc.response.delete",
  methods: ["DELETE"],
  path: /^\/v1\/customerReviewResponses\/([^/]+)$/,
  handle(call, { key }) {
    if (!visibleResponse(call, key, call.params[0])) return notFound(call, "customerReviewResponses");
    call.sim.responses.delete(call.params[0]);
    call.noContent();
  },
};

const createResponse: ReviewsEndpoint = {
  id: "asc.response.create",
  methods: ["POST"],
  path: /^\/v1\/customerReviewResponses$/,
  async handle(call, { key }) {
    let body: unknown;
    try {
      body = await readJson(call.req);
    } catch {
      return call.json(400, appleError(400, "PARAMETER_ERROR.INVALID", "A parameter has an invalid value", "The request body is not valid JSON."));
    }
    const data = (body as { data?: { type?: string; attributes?: { responseBody?: unknown }; relationships?: { review?: { data?: { id?: unknown } } } } })?.data;
    const text = data?.attributes?.responseBody;
    const reviewId = data?.relationships?.review?.data?.id;
    if (data?.type !== "customerReviewResponses" || typeof reviewId !== "string") {
      return call.json(409, appleError(409, "ENTITY_ERROR.RELATIONSHIP.INVALID", "The provided entity includes a relationship with an invalid value", "'review' must reference a customerReviews resource."));
    }
    if (typeof text !== "string" || text.trim() === "") {
      return call.json(409, appleError(409, "ENTITY_ERROR.ATTRIBUTE.REQUIRED", "The provided entity is missing a required attribute", "You must provide a value for the attribute 'responseBody' with this request"));
    }
    if (text.length > 5970) {
      return call.json(409, appleError(409, "ENTITY_ERROR.ATTRIBUTE.INVALID.TOO_LONG", "An attribute value is too long.", "'responseBody' can not be longer than 5970 characters."));
    }
    if (!visibleReview(call, key, reviewId)) return notFound(call, "customerReviews", reviewId);
    const resp = call.sim.responses.create(reviewId, text);
    call.json(201, { data: reviewResources(call).response(resp), links: { self: `${call.baseUrl}/v1/customerReviewResponses/${resp.id}` } });
  },
};

export const customerReviewsFamily = defineFamily({
  name: "asc.customerReviews",
  protocol: ascProtocol,
  faults: customerReviewFaults,
  endpoints: [listReviews, getReview, getReviewResponse, getResponse, deleteResponse, createResponse],
});
