// GET /lookup, shaped like itunes.apple.com: long floats, string fileSizeBytes, rating fields absent when none.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isStorefront } from "../../lib/apple/storefronts";
import { sendJson, sendText } from "./http";
import type { SimRatings } from "./scenario";
import type { SimApp } from "./scenario";
import type { SimState } from "./state";

const RAW = /"__raw__([0-9.]+)__"/g;

/** Apple prints doubles with all their binary digits (4.833330000000000126). */
function appleFloat(n: number): string {
  return Number.isInteger(n) ? String(n) : `__raw__${n.toFixed(18)}__`;
}

function result(app: SimApp, storefront: string, entry: SimRatings | "no_ratings"): Record<string, unknown> {
  const base: Record<string, unknown> = {
    isGameCenterEnabled: false,
    features: ["iosUniversal"],
    advisories: [],
    supportedDevices: ["iPhone15-iPhone15", "iPadPro11M4-iPadPro11M4"],
    kind: "software",
    artworkUrl60: `https://is1-ssl.mzstatic.com/image/thumb/Purple/${app.trackId}/AppIcon/60x60bb.jpg`,
    artworkUrl512: `https://is1-ssl.mzstatic.com/image/thumb/Purple/${app.trackId}/AppIcon/512x512bb.jpg`,
    artworkUrl100: `https://is1-ssl.mzstatic.com/image/thumb/Purple/${app.trackId}/AppIcon/100x100bb.jpg`,
    artistViewUrl: `https://apps.apple.com/${storefront}/developer/example/id1000000001?uo=4`,
    screenshotUrls: [],
    ipadScreenshotUrls: [],
    appletvScreenshotUrls: [],
    trackViewUrl: `https://apps.apple.com/${storefront}/app/${app.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}/id${app.trackId}?uo=4`,
    isVppDeviceBasedLicensingEnabled: true,
    minimumOsVersion: "16.0",
    trackCensoredName: app.name,
    languageCodesISO2A: ["EN"],
    fileSizeBytes: String(40_000_000 + (app.trackId % 9_000_000)),
    sellerUrl: "https://example.com",
    formattedPrice: "Free",
    contentAdvisoryRating: "4+",
    trackContentRating: "4+",
    currentVersionReleaseDate: app.currentVersionReleaseDate,
    releaseNotes: "Bug fixes and improvements.",
    artistId: 1000000001,
    artistName: "Example Inc.",
    genres: ["Utilities"],
    price: 0.0,
    description: `${app.name} for the simulator.`,
    sellerName: "Example Inc.",
    trackId: app.trackId,
    trackName: app.name,
    bundleId: app.bundleId,
    primaryGenreName: "Utilities",
    primaryGenreId: 6002,
    releaseDate: "2020-03-01T08:00:00Z",
    isFirstParty: false,
    currency: "USD",
    version: app.version,
    wrapperType: "software",
  };
  if (entry !== "no_ratings") {
    base.averageUserRating = appleFloat(entry.averageRating);
    base.userRatingCount = entry.ratingCount;
    base.averageUserRatingForCurrentVersion = appleFloat(entry.currentVersionAverageRating ?? entry.averageRating);
    base.userRatingCountForCurrentVersion = entry.currentVersionRatingCount ?? entry.ratingCount;
  }
  return base;
}

export function handleLookup(sim: SimState, req: IncomingMessage, res: ServerResponse, url: URL): void | "hang" {
  const storefront = (url.searchParams.get("country") ?? "us").toLowerCase();
  const record = (status: number, fault?: string) =>
    sim.record({ method: req.method ?? "GET", path: url.pathname, query: url.search, endpoint: "itunes.lookup", status, storefront, fault: fault as never });

  const fault = sim.takeFault("itunes.lookup", { storefront });
  if (fault && fault.kind !== "non_numeric") {
    if (fault.kind === "unreachable") {
      // No HTTP answer at all: the client sees the connection drop, as when Apple cannot be reached.
      record(0, "unreachable");
      req.socket.destroy();
      return;
    }
    if (fault.kind === "timeout") {
      record(0, "timeout");
      return "hang";
    }
    if (fault.kind === "malformed") {
      record(200, "malformed");
      return sendText(res, 200, '{"resultCount":1,"results":[{"trackId":');
    }
    const status = fault.kind === "agreement" ? 403 : Number(fault.kind);
    record(status, fault.kind);
    return sendText(res, status, status >= 500 ? "Service Unavailable" : "", { "content-type": "text/html" });
  }
  if (sim.itunesOverRate()) {
    record(403);
    return sendText(res, 403, "", { "content-type": "text/html" });
  }
  if (!isStorefront(storefront)) {
    record(400);
    return sendJson(res, 400, { errorMessage: "Invalid value(s) for key(s): [country]", queryParameters: { country: storefront } });
  }

  const ids = split(url.searchParams.get("id"));
  const bundleIds = split(url.searchParams.get("bundleId"));
  if (ids.length + bundleIds.length > sim.options.maxLookupKeys) {
    record(400);
    return sendJson(res, 400, { errorMessage: "Too many ids", queryParameters: {} });
  }
  const results: Record<string, unknown>[] = [];
  const add = (app: ReturnType<SimState["findApp"]>) => {
    const entry = app?.ratings.get(storefront);
    if (app && entry && entry !== "not_sold") results.push(result(app, storefront, entry));
  };
  for (const id of ids) if (/^\d+$/.test(id)) add(sim.findApp({ trackId: Number(id) }));
  for (const b of bundleIds) add(sim.findApp({ bundleId: b }));
  if (fault?.kind === "non_numeric") {
    // Apple present in the results, one rating field unreadable: what a careless proxy or a bad CDN edge serves.
    for (const r of results) if (r.averageUserRating !== undefined) r[fault.field ?? "averageUserRating"] = "N/A";
  }
  record(200, fault?.kind);
  const text = JSON.stringify({ resultCount: results.length, results }, null, 0).replace(RAW, "$1");
  sendText(res, 200, `\n\n\n${text}\n`, { "content-type": "text/javascript; charset=utf-8" });
}

function split(v: string | null): string[] {
  return v ? v.split(",").map((s) => s.trim()).filter(Boolean) : [];
}
