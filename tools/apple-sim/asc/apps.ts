// GET /v1/apps: the apps the key sees (every scenario app with an ascAppId), paged, with `fields[apps]`.
import { defineFamily } from "../endpoints";
import { defineFaults } from "../model/faults";
import type { z } from "zod";
import { ascProtocol, decodeOffset, encodeOffset, pageLimit, paramError, selfUrl, withParam } from "./protocol";

export const ascAppsFaults = defineFaults({ endpoints: ["asc.apps"] });

declare module "../model/faults" {
  interface SimFaultInputs {
    ascApps: z.input<typeof ascAppsFaults.schema>;
  }
}

export const ascAppsFamily = defineFamily({
  name: "asc.apps",
  protocol: ascProtocol,
  faults: ascAppsFaults,
  endpoints: [
    {
      id: "asc.apps",
      methods: ["GET"],
      path: /^\/v1\/apps$/,
      handle(call, { key }) {
        const { sim, url, baseUrl } = call;
        const limit = pageLimit(call);
        if (limit === null) return paramError(call, "limit");
        const apps = sim.catalog.ascApps().filter((a) => sim.apiKeys.seesApp(key, a.id));
        const offset = decodeOffset(url.searchParams.get("cursor"), sim.salt);
        if (offset === null) return paramError(call, "cursor");
        const page = apps.slice(offset, offset + limit);
        const fields = (url.searchParams.get("fields[apps]") ?? "name,bundleId,sku,primaryLocale").split(",");
        const next = offset + limit < apps.length ? withParam(call, "cursor", encodeOffset(offset + limit, sim.salt)) : undefined;
        call.json(200, {
          data: page.map((a) => ({
            type: "apps",
            id: a.id,
            attributes: Object.fromEntries(Object.entries({ name: a.name, bundleId: a.bundleId, sku: `SKU${a.id}`, primaryLocale: "en-US" }).filter(([k]) => fields.includes(k))),
            links: { self: `${baseUrl}/v1/apps/${a.id}` },
          })),
          links: { self: selfUrl(call), ...(next ? { next } : {}) },
          meta: { paging: { total: apps.length, limit } },
        });
      },
    },
  ],
});
