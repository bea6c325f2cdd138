// Play Console report files: UTF-16 (little-endian, with a byte-order mark) CSV with quoted fields. Decoded as the
// bytes arrive and parsed with csv-parse; a malformed line is counted and skipped, never fatal.
import { parse } from "csv-parse";

export type ReportEncoding = "utf-16le" | "utf-16be" | "utf-8";

/** From the byte-order mark; without one, UTF-16LE when the first bytes look like it (ASCII with zero high bytes). */
export function sniffEncoding(head: Uint8Array): { encoding: ReportEncoding; bom: number } {
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bom: 3 };
  if (head.length >= 2 && head[0] !== 0 && head[1] === 0) return { encoding: "utf-16le", bom: 0 };
  if (head.length >= 2 && head[0] === 0 && head[1] !== 0) return { encoding: "utf-16be", bom: 0 };
  return { encoding: "utf-8", bom: 0 };
}

/** "Review Submit Date and Time" → "review submit date and time": headers are matched by name, not position. */
export function normalizeHeader(name: string): string {
  return name.replace(/^\uFEFF/, "").trim().replace(/\s+/g, " ").toLowerCase();
}

export type ReportRecord = Record<string, string>;

export interface MalformedLine {
  /** The line where the parser noticed the problem. */
  line: number;
  reason: string;
}

export interface CsvReadResult {
  encoding: ReportEncoding;
  /** Records handed to the caller. */
  records: number;
  /** Lines that could not be read as a record: skipped. */
  malformed: number;
  /** The first few, for the run's counters. */
  malformedSamples: MalformedLine[];
  headers: string[];
}

const SAMPLE_LIMIT = 5;

/**
 * Reads a report file as it downloads and hands its records (keyed by normalized header) to `onBatch` in batches.
 * Text is decoded with the encoding the byte-order mark names; a character split across chunks is kept whole.
 */
export async function readReportCsv(
  chunks: AsyncIterable<Uint8Array>,
  onBatch: (records: ReportRecord[]) => Promise<void>,
  options: { batchSize?: number } = {},
): Promise<CsvReadResult> {
  const batchSize = options.batchSize ?? 500;
  const result: CsvReadResult = { encoding: "utf-8", records: 0, malformed: 0, malformedSamples: [], headers: [] };
  const parser = parse({
    columns: (header: string[]) => {
      result.headers = header.map(normalizeHeader);
      return result.headers;
    },
    skip_empty_lines: true,
    skip_records_with_error: true,
    // A stray quote inside a field (reviewers type them) keeps the field as written rather than losing the lines after it.
    relax_quotes: true,
  });
  parser.on("skip", (error: Error & { lines?: number }) => {
    result.malformed++;
    if (result.malformedSamples.length < SAMPLE_LIMIT) result.malformedSamples.push({ line: error.lines ?? 0, reason: error.message.replace(/\s+/g, " ").slice(0, 200) });
  });

  const consume = (async () => {
    let batch: ReportRecord[] = [];
    for await (const record of parser as AsyncIterable<ReportRecord>) {
      batch.push(record);
      result.records++;
      if (batch.length >= batchSize) {
        await onBatch(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await onBatch(batch);
  })();

  const feed = (async () => {
    let decoder: TextDecoder | null = null;
    let head: Uint8Array = new Uint8Array(0);
    const write = (text: string) =>
      text.length === 0 || parser.write(text)
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            // A failed batch write destroys the parser: stop reading the download rather than wait for ever.
            const closed = () => reject(new Error("the report parser stopped"));
            parser.once("close", closed);
            parser.once("drain", () => {
              parser.off("close", closed);
              resolve();
            });
          });
    for await (const chunk of chunks) {
      if (!decoder) {
        head = concat(head, chunk);
        if (head.length < 4) continue;
        const sniffed = sniffEncoding(head);
        result.encoding = sniffed.encoding;
        // ignoreBOM: the mark was already stripped (and a second one inside the text stays text).
        decoder = new TextDecoder(sniffed.encoding, { ignoreBOM: true });
        await write(decoder.decode(head.subarray(sniffed.bom), { stream: true }));
        continue;
      }
      await write(decoder.decode(chunk, { stream: true }));
    }
    if (!decoder) {
      const sniffed = sniffEncoding(head);
      result.encoding = sniffed.encoding;
      decoder = new TextDecoder(sniffed.encoding, { ignoreBOM: true });
      await write(decoder.decode(head.subarray(sniffed.bom), { stream: true }));
    }
    await write(decoder.decode());
    parser.end();
  })();

  try {
    await Promise.all([feed, consume]);
  } catch (error) {
    parser.destroy();
    throw error;
  }
  return result;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
