// A report body, streamed: gzip (or plain text: some HTTP stacks inflate it) → SHA-256 of the text → split into
// tab-separated records → one callback per record → text chunks into a sink (COPY FROM STDIN). Memory holds one
// chunk at a time, whatever the file's size. A truncated gzip fails the pipeline ("unexpected end of file").
import { createHash } from "node:crypto";
import { Readable, Transform, Writable, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";

/**
 * One line of a report, its cells found by their tabs and cut out only when read: a mapper reads about a third of a
 * sales row's 28 cells, and strings for the rest were most of what the reader allocated. Valid during the call only.
 */
export class ReportLine {
  private text = "";
  /** bounds[i]: where cell i starts; bounds[length]: one past the line's end. */
  private readonly bounds: number[] = [];

  /** @internal */
  set(text: string, start: number, end: number): this {
    this.text = text;
    const b = this.bounds;
    b.length = 0;
    b.push(start);
    for (let tab = text.indexOf("\t", start); tab !== -1 && tab < end; tab = text.indexOf("\t", tab + 1)) b.push(tab + 1);
    b.push(end + 1);
    return this;
  }

  get length(): number {
    return this.bounds.length - 1;
  }

  /** The cell at `i` as written; "" past the line's last cell. */
  cell(i: number): string {
    return i >= 0 && i < this.length ? this.text.slice(this.bounds[i], this.bounds[i + 1] - 1) : "";
  }

  cells(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.cell(i));
  }

  /** Nothing but whitespace in any cell (a blank line). */
  get blank(): boolean {
    for (let i = 0; i < this.length; i++) if (this.cell(i).trim() !== "") return false;
    return true;
  }
}

/** Returns text to write to the sink for this line (newline included), or null. May throw to fail the file. */
export type RecordHandler = (line: ReportLine) => string | null;

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

/**
 * Apple's report files are lines (LF or CRLF) of tab-separated cells with no quoting: a quote is just a character
 * (titles such as `My "Best" App` are not quoted fields) and no cell holds a tab or a line break. A record is a line,
 * its cells what lies between tabs. A general CSV parser configured for that (no quotes, ragged rows) did the same work at about
 * eight times the cost, and was most of a year's backfill (~16 µs against ~2 µs a row of 28 cells).
 */
class TabSeparatedToText extends Transform {
  records = 0;
  private readonly decoder = new StringDecoder("utf8");
  private carry = "";
  private atStart = true;
  private readonly current = new ReportLine();
  private pending: string[] = [];
  private pendingLength = 0;
  constructor(private readonly onRecord: RecordHandler) {
    super({ writableObjectMode: false, readableObjectMode: false });
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let text = this.carry + this.decoder.write(chunk);
    if (this.atStart && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.atStart = false;
    }
    let start = 0;
    try {
      for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
        this.line(text, start, end);
        start = end + 1;
      }
    } catch (error) {
      done(error as Error);
      return;
    }
    this.carry = text.slice(start);
    if (this.pendingLength >= 32 * 1024) this.flushPending();
    done();
  }
  override _flush(done: TransformCallback): void {
    const rest = this.carry + this.decoder.end();
    this.carry = "";
    try {
      if (rest.length > 0) this.line(rest, 0, rest.length);
    } catch (error) {
      done(error as Error);
      return;
    }
    this.flushPending();
    done();
  }
  private line(text: string, start: number, end: number) {
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    this.records++;
    const out = this.onRecord(this.current.set(text, start, end));
    if (out !== null) {
      this.pending.push(out);
      this.pendingLength += out.length;
    }
  }
  // Each write to the COPY stream is a protocol message, so rows go in batches — small ones (32 KB): the rows of a
  // batch keep the cells and chunk text they were cut from alive, and 256 KB batches outlived young-generation
  // collections, so V8 promoted them and a backfill's heap peaked about 70 MB higher.
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
  const toText = new TabSeparatedToText(onRecord);
  await pipeline(body, inflateIfGzip, tap, toText, sink);
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
