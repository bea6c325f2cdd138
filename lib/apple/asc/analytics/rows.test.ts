import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ReportHeaderError } from "../reports/columns";
import { verifySegment } from "./client";
import { AnalyticsChecksumError } from "./errors";
import { AnalyticsRowError, createDailyAggregate, reportKeyOf } from "./rows";

const tsv = (text: string) => text.trim().split("\n").map((l) => l.split("\t"));

describe("analytics rows → daily metrics", () => {
  it("finds columns by name in any order, ignores and counts unknown ones, sums per day and dimensions, compares values case-insensitively", () => {
    const a = createDailyAggregate("downloads", "1476097583");
    for (const r of tsv(`
Territory	Counts	Date	Download Type	App Apple Identifier	Source Type	Page Type	Device	Brand New Column	App Name
US	42	2024-03-30	First-time Download	1476097583	App Store search	Product page	iPhone	x	Example
US	8	2024-03-30	first-time download	1476097583	App Store search	Product page	iPhone	y	Example
de	5	2024-03-31	Redownload	1476097583	App Store browse	No Page	iPad	z	Example
US	9	2024-03-30	Redownload	999	App Store search	Product page	iPhone	z	Other`)) a.add(r);
    expect(a.rows()).toEqual([
      { day: "2024-03-30", territory: "US", sourceType: "App Store search", pageType: "Product page", device: "iPhone", metric: "first_time_downloads", value: 50 },
      { day: "2024-03-31", territory: "DE", sourceType: "App Store browse", pageType: "No Page", device: "iPad", metric: "redownloads", value: 5 },
    ]);
    expect(a.days()).toEqual(["2024-03-30", "2024-03-31"]);
    expect(a.unknownColumns()).toEqual(["Brand New Column"]);
    expect(a.otherApp).toBe(1);
  });

  it("a missing required column is an error naming it; a count that is not a whole number fails the file instead of becoming zero", () => {
    expect(() => createDailyAggregate("crashes", "1").add(["Date", "App Apple Identifier", "Device"])).toThrow(ReportHeaderError);
    expect(() => createDailyAggregate("crashes", "1").add(["Date", "App Apple Identifier", "Device"])).toThrow(/"Crashes"/);
    const a = createDailyAggregate("sessions", "1");
    a.add(["Date", "App Apple Identifier", "Sessions"]);
    expect(() => a.add(["2024-03-30", "1", "N/A"])).toThrow(AnalyticsRowError);
    expect(() => a.add(["2024-03-30", "1", ""])).toThrow(/"Sessions" is empty, not a whole number/);
    expect(() => a.add(["30/03/2024", "1", "4"])).toThrow(/"Date" is "30\/03\/2024"/);
  });

  it("a new segment starts with its own header; the report names map to their keys, others to none", () => {
    const a = createDailyAggregate("crashes", "1");
    a.add(["Date", "App Apple Identifier", "Crashes"]);
    a.add(["2024-03-30", "1", "7"]);
    a.startFile();
    a.add(["Crashes", "Date", "App Apple Identifier"]);
    a.add(["3", "2024-03-30", "1"]);
    expect(a.rows().map((r) => r.value)).toEqual([10]);
    expect(reportKeyOf("App Downloads Standard")).toBe("downloads");
    expect(reportKeyOf("App Downloads Detailed")).toBeNull();
  });

  it("a segment is accepted when its checksum is the MD5 of the gzip bytes or of the text inside (UNCONFIRMED which), and refused otherwise", () => {
    const gz = gzipSync("Date\tCounts\n");
    const md5 = (b: Buffer) => createHash("md5").update(b).digest("hex");
    expect(() => verifySegment(gz, { checksum: md5(gz), sizeInBytes: gz.length })).not.toThrow();
    expect(() => verifySegment(gz, { checksum: md5(Buffer.from("Date\tCounts\n")), sizeInBytes: null })).not.toThrow();
    expect(() => verifySegment(gz, { checksum: "0".repeat(32), sizeInBytes: gz.length })).toThrow(AnalyticsChecksumError);
    expect(() => verifySegment(gz, { checksum: md5(gz), sizeInBytes: gz.length + 1 })).toThrow(AnalyticsChecksumError);
  });
});
