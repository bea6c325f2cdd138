import { describe, expect, it } from "vitest";
import { readReportCsv, sniffEncoding, type ReportRecord } from "./csv";

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);

async function* chunked(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(bytes: Uint8Array, size = 7) {
  const records: ReportRecord[] = [];
  const result = await readReportCsv(chunked(bytes, size), async (batch) => void records.push(...batch), { batchSize: 2 });
  return { records, result };
}

describe("readReportCsv", () => {
  it("decodes UTF-16LE with a byte-order mark across odd chunk boundaries (a surrogate pair split included)", async () => {
    const text = 'Date,Package Name,Country,Daily Average Rating,Total Average Rating\r\n2026-08-01,com.x,DE,NA,4.31\r\n2026-08-01,com.x,JP,"5",4.5\r\n"2026-08-02",com.x,US,4,"4.2"\r\n';
    const { records, result } = await read(utf16le(text.replace("com.x,JP", "com.x😀,JP")), 3);
    expect(result).toMatchObject({ encoding: "utf-16le", records: 3, malformed: 0, headers: ["date", "package name", "country", "daily average rating", "total average rating"] });
    expect(records[0]).toEqual({ date: "2026-08-01", "package name": "com.x", country: "DE", "daily average rating": "NA", "total average rating": "4.31" });
    expect(records[1]["package name"]).toBe("com.x😀");
    expect(records[2]).toMatchObject({ date: "2026-08-02", "total average rating": "4.2" });
  });

  it("keeps quoted commas, doubled quotes and line breaks inside a review", async () => {
    const text = 'Star Rating,Review Text\n1,"Slow, and ""laggy""\nsince 2.0"\n5,ok\n';
    const { records } = await read(utf16le(text));
    expect(records).toEqual([
      { "star rating": "1", "review text": 'Slow, and "laggy"\nsince 2.0' },
      { "star rating": "5", "review text": "ok" },
    ]);
  });

  it("counts a malformed line and goes on: a short row, a stray quote kept as written, an unclosed quote at the end", async () => {
    const text = 'A,B,C\n1,x,3\n2,only-two\n3,"say "hi"",4\n5,y,6\n6,"never closed,7\n';
    const { records, result } = await read(utf16le(text));
    expect(records.map((r) => r.a)).toEqual(["1", "3", "5"]);
    expect(records[1].b).toBe('"say "hi""');
    expect(result.malformed).toBe(2);
    expect(result.malformedSamples[0]).toMatchObject({ line: 3, reason: expect.stringContaining("Invalid Record Length") });
  });

  it("keeps NUL and lone surrogates as they come (the transforms make them storable)", async () => {
    const { records } = await read(utf16le("T\nA\u0000B\nhalf \ud83d\n"));
    expect(records.map((r) => r.t)).toEqual(["A\u0000B", "half \ufffd"]);
  });

  it("reads UTF-8 (with or without its mark) and BOM-less UTF-16LE too; an empty file has no records", async () => {
    expect((await read(Buffer.from("\ufeffA\n1\n", "utf8"))).records).toEqual([{ a: "1" }]);
    expect((await read(Buffer.from("A\n1\n", "utf16le"))).result.encoding).toBe("utf-16le");
    expect((await read(new Uint8Array(0))).result).toMatchObject({ records: 0, malformed: 0 });
    expect(sniffEncoding(new Uint8Array([0xfe, 0xff, 0, 65]))).toEqual({ encoding: "utf-16be", bom: 2 });
  });
});
