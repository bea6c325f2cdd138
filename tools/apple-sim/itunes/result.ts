// One software result of iTunes Lookup as Apple prints it: long floats, string fileSizeBytes, rating fields
// absent when the storefront has none.
import type { SimApp, SimRatings } from "../scenario";

const RAW = /"__raw__([0-9.]+)__"/g;

/** Apple prints doubles with all their binary digits (4.833330000000000126). */
function appleFloat(n: number): string {
  return Number.isInteger(n) ? String(n) : `__raw__${n.toFixed(18)}__`;
}

export function lookupResult(app: SimApp, storefront: string, entry: SimRatings | "no_ratings"): Record<string, unknown> {
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

/** The whole answer: a JSON document after three blank lines, with the doubles unquoted again. */
export function lookupBody(results: Record<string, unknown>[]): string {
  const text = JSON.stringify({ resultCount: results.length, results }, null, 0).replace(RAW, "$1");
  return `\n\n\n${text}\n`;
}
