// iTunes Lookup (GET /lookup), shaped like itunes.apple.com: no auth, a per-client rate answered with a bare
// 403, errors as HTML pages or small JSON documents.
import { z } from "zod";
import { isStorefront } from "../../../lib/apple/storefronts";
import { defineFamily, type Call, type Protocol } from "../endpoints";
import { defineFaults } from "../model/faults";
import type { CatalogApp } from "../model/catalog";
import { lookupBody, lookupResult } from "./result";

/** iTunes rating fields a non_numeric fault can spoil. */
export const itunesNumericFields = ["averageUserRating", "userRatingCount", "averageUserRatingForCurrentVersion", "userRatingCountForCurrentVersion"] as const;

export const itunesFaults = defineFaults({
  endpoints: ["itunes.lookup"],
  data: {
    /** Every result that has ratings sends `field` as "N/A", the other fields as usual. */
    non_numeric: ["itunes.lookup"],
  },
  fields: {
    /** The fault applies to this storefront only. */
    storefront: z.string().toLowerCase().optional(),
    /** non_numeric: the rating field sent as "N/A" (default averageUserRating). */
    field: z.enum(itunesNumericFields).optional(),
  },
  targets: { storefront: ["itunes.lookup"] },
});

declare module "../model/faults" {
  interface SimFaultInputs {
    itunes: z.input<typeof itunesFaults.schema>;
  }
}

const html = { "content-type": "text/html" };

const itunesProtocol: Protocol<object> = {
  describe(call) {
    call.logFields.query = call.url.search;
    call.logFields.storefront = storefrontOf(call);
  },
  failure(call, kind, fault) {
    const status = kind === "agreement" ? 403 : Number(kind);
    const retryAfter: Record<string, string> = fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) };
    call.text(status, status >= 500 ? "Service Unavailable" : "", { ...html, ...retryAfter });
  },
  truncated: '{"resultCount":1,"results":[{"trackId":',
  admit(call) {
    if (!call.sim.itunesPacing.overRate()) return {};
    call.text(403, "", html);
    return null;
  },
};

export const itunesFamily = defineFamily({
  name: "itunes",
  protocol: itunesProtocol,
  faults: itunesFaults,
  endpoints: [
    {
      id: "itunes.lookup",
      methods: ["GET", "HEAD"],
      path: /^\/lookup$/,
      target: (call) => ({ storefront: storefrontOf(call) }),
      handle(call) {
        const { sim, url, fault } = call;
        const storefront = storefrontOf(call);
        if (!isStorefront(storefront)) return call.json(400, { errorMessage: "Invalid value(s) for key(s): [country]", queryParameters: { country: storefront } });
        const ids = split(url.searchParams.get("id"));
        const bundleIds = split(url.searchParams.get("bundleId"));
        if (ids.length + bundleIds.length > sim.options.maxLookupKeys) return call.json(400, { errorMessage: "Too many ids", queryParameters: {} });
        const results: Record<string, unknown>[] = [];
        const add = (app: CatalogApp | undefined) => {
          const entry = app?.ratings.get(storefront);
          if (app && entry && entry !== "not_sold") results.push(lookupResult(app, storefront, entry));
        };
        for (const id of ids) if (/^\d+$/.test(id)) add(sim.catalog.find({ trackId: Number(id) }));
        for (const b of bundleIds) add(sim.catalog.find({ bundleId: b }));
        if (fault?.kind === "non_numeric") {
          // Apple present in the results, one rating field unreadable: what a careless proxy or a bad CDN edge serves.
          for (const r of results) if (r.averageUserRating !== undefined) r[fault.field ?? "averageUserRating"] = "N/A";
        }
        call.text(200, lookupBody(results), { "content-type": "text/javascript; charset=utf-8" });
      },
    },
  ],
});

function storefrontOf(call: Call): string {
  return (call.url.searchParams.get("country") ?? "us").toLowerCase();
}

function split(v: string | null): string[] {
  return v ? v.split(",").map((s) => s.trim()).filter(Boolean) : [];
}
