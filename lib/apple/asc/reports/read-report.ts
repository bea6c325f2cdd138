// A report body, streamed: gzip (or plain text: some HTTP stacks inflate it) → SHA-256 of the text → csv-parse as
// TSV → one callback per record → text chunks into a sink (COPY FROM STDIN). Memory holds one chunk at a time,
// whatever the file's size. A truncated gzip fails the pipeline ("unexpected end of file").
import { createHash } from "node:crypto";
import { Readable, Transform, Writable, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";

/** Returns text to write to the sink for this record (newline included), or null. May throw to fail the file. */
export type RecordHandler = (record: string[]) => string | null;

export interface ReadReportResult {
  /** SHA-256 (hex) of the decompressed file. */
  checksum: string;
  /** Records seen, the header and blank lines included. */
  records: number;
}

export class ReportBodyError extends Error {
  override readonly name = "ReportBodyError";
}

async function* inflateIfGzip(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = first.value;
  async function* all() {
    yield head;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  if (!(head[0] === 0x1f && head[1] === 0x8b)) {
    yield* all();
    return;
  }
  const gunzip = createGunzip();
  const feeding = pipeline(Readable.from(all()), gunzip);
  // A consumer that stops early (a record that fails the file) aborts the feed; that is not a second failure.
  feeding.catch(() => {});
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
    await feeding;
  } catch (error) {
    const message = (error as Error).message;
    throw new ReportBodyError(/unexpected end of file/i.test(message) ? "The report file ends early (truncated gzip): nothing of it was stored." : `The report file could not be decompressed: ${message}`);
  }
}

class RecordsToText extends Transform {
  records = 0;
  private pending: string[] = [];
  private pendingLength = 0;
  constructor(private readonly onRecord: RecordHandler) {
    super({ writableObjectMode: true, readableObjectMode: false });
  }
  override _transform(record: string[], _enc: BufferEncoding, done: TransformCallback): void {
    this.records++;
    let out: string | null;
    try {
      out = this.onRecord(record);
    } catch (error) {
      done(error as Error);
      return;
    }
    if (out !== null) {
      this.pending.push(out);
      this.pendingLength += out.length;
      // Fewer, larger writes: each write to the COPY stream is a protocol message.
      if (this.pendingLength >= 256 * 1024) this.flushPending();
    }
    done();
  }
  override _flush(done: TransformCallback): void {
    this.flushPending();
    done();
  }
  private flushPending() {
    if (this.pending.length === 0) return;
    this.push(this.pending.join(""));
    this.pending = [];
    this.pendingLength = 0;
  }
}

export async function readReport(body: Readable, onRecord: RecordHandler, sink: Writable): Promise<ReadReportResult> {
  const hash = createHash("sha256");
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  // Tab-separated, and a quote is just a character (titles such as `My "Best" App` are not quoted fields).
  const parser = parse({ delimiter: "\t", quote: false, relax_column_count: true, skip_empty_lines: false, bom: true });
  const toText = new RecordsToText(onRecord);
  await pipeline(body, inflateIfGzip, tap, parser, toText, sink);
  return { checksum: hash.digest("hex"), records: toText.records };
}

/** A sink that keeps nothing (reading a file only for its checksum and callbacks). */
export function discardSink(): Writable {
  return new Writable({ write: (_c, _e, done) => done() });
}

/** Escapes a value for PostgreSQL's COPY text format. */
export function copyText(value: string): string {
  return value.includes("\\") || value.includes("\t") || value.includes("\n") || value.includes("\r")
    ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : value;
}

export const isBlankRecord = (record: readonly string[]) => record.every((cell) => cell.trim() === "");
