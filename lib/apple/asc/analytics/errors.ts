// What can go wrong with an analytics segment file, besides what App Store Connect answers (lib/apple/asc/errors.ts).

/** The presigned URL was refused (403): it expired (§2.7: 5 minutes) — list the segments again for a fresh one. */
export class AnalyticsUrlExpiredError extends Error {
  override readonly name = "AnalyticsUrlExpiredError";
  constructor(readonly status: number, readonly detail: string) {
    super(`The segment's download link was refused (${status}: ${detail}); a fresh link is needed.`);
  }
}

/** The storage answered something other than the file (not 403). */
export class AnalyticsDownloadError extends Error {
  override readonly name = "AnalyticsDownloadError";
  constructor(readonly status: number | null, readonly detail: string) {
    super(`The segment file could not be downloaded (${status ?? "no answer"}: ${detail}).`);
  }
}

/** The bytes do not match the checksum (or size) Apple listed for the segment. */
export class AnalyticsChecksumError extends Error {
  override readonly name = "AnalyticsChecksumError";
  constructor(readonly expected: string, readonly actual: string) {
    super(`The segment file does not match its checksum (listed ${expected}, downloaded ${actual}).`);
  }
}
