// A review's language, detected once at ingest and stored: it picks the stemming dictionary of the review's
// search vector, and it is a filter. Chinese, Japanese and Korean are told apart by their scripts; other text
// goes to eld (n-gram statistics, 60 languages, tens of µs per review). eld runs in a worker thread with a small
// heap: every detection leaves ~5 KB of n-gram key strings that only a full collection frees, and in the
// syncing process's own heap they grew its memory by 100–200 MB over a 100k-review ingest. No server-only
// marker: `npm start` backfills languages from plain Node (lib/runtime); no client code imports this file.
import { Worker } from "node:worker_threads";

const NOT_A_LETTER = /\P{L}+/gu;

/** Letters of the CJK scripts, counted by code unit ranges (no per-character strings: this runs per review). */
function cjkCounts(text: string) {
  let kana = 0;
  let han = 0;
  let hangul = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff) || (c >= 0xff66 && c <= 0xff9f)) kana++;
    else if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f) || (c >= 0xac00 && c <= 0xd7af)) hangul++;
  }
  return { kana, han, hangul };
}
/** Below this many letters, eld's answer is kept only when the storefront agrees. */
const SHORT_TEXT_LETTERS = 20;

/** The storefront's main language (CLDR likely subtags: de → de, ch → de, be → nl), or null. */
function storefrontLanguage(countryCode: string | null | undefined): string | null {
  if (!countryCode || !/^[a-z]{2}$/i.test(countryCode)) return null;
  try {
    return new Intl.Locale(`und-${countryCode.toUpperCase()}`).maximize().language;
  } catch {
    return null;
  }
}

/** Stored when the text does not tell (BCP 47 "undetermined"); NULL means "not detected yet". */
export const UNDETERMINED_LANGUAGE = "und";

export interface ReviewText {
  title: string | null;
  body: string;
  countryCode?: string | null;
  /** The reviewer's device language where the store gives one (Google Play: "de", "pt_BR"); it stands in for the storefront's. */
  languageHint?: string | null;
}

/** The language a short text is expected in: the reviewer's device language, else the storefront's main language. */
function expectedLanguage(review: ReviewText): string | null {
  const hint = review.languageHint?.split(/[-_]/)[0]?.toLowerCase();
  return hint && /^[a-z]{2,3}$/.test(hint) ? hint : storefrontLanguage(review.countryCode);
}

// The worker: eld answers a batch of texts with their languages ("" when it cannot tell).
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const ready = import("eld/extrasmall").then((m) => m.eld);
parentPort.on("message", ({ id, texts }) => {
  ready.then(
    (eld) => parentPort.postMessage({ id, languages: texts.map((t) => eld.detect(t).language) }),
    (error) => parentPort.postMessage({ id, error: String(error && error.message || error) }),
  );
});`;

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (languages: string[]) => void; reject: (error: Error) => void }>();

function eldWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 36, maxYoungGenerationSizeMb: 2 } });
  w.on("message", (m: { id: number; languages?: string[]; error?: string }) => {
    const waiting = pending.get(m.id);
    pending.delete(m.id);
    if (pending.size === 0) w.unref();
    if (m.languages) waiting?.resolve(m.languages);
    else waiting?.reject(new Error(`Language detection failed: ${m.error}`));
  });
  const fail = (error: Error) => {
    worker = null;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  w.on("error", fail);
  w.on("exit", (code) => fail(new Error(`Language detection stopped (exit code ${code}).`)));
  w.unref();
  worker = w;
  return w;
}

function eldLanguages(texts: string[]): Promise<string[]> {
  if (texts.length === 0) return Promise.resolve([]);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const w = eldWorker();
    // Referenced only while a detection is pending: an idle worker never keeps a process (a job, a test, a
    // benchmark) alive, and a pending one is not abandoned when nothing else is left to do.
    if (pending.size === 0) w.ref();
    pending.set(id, { resolve, reject });
    w.postMessage({ id, texts });
  });
}

/**
 * ISO 639-1 code of each review's language, or "und" when the text does not tell (too short, only emoji or
 * digits). A short text is kept when eld's answer agrees with its storefront ("Sehr gut" from Germany) or when
 * it has enough letters to be told apart on its own; eld's reliability scores are not asked, they allocate a lot.
 */
export async function detectReviewLanguages(reviews: ReviewText[]): Promise<string[]> {
  // The first 160 characters tell the language as well as the whole text (same accuracy on the benchmark corpus).
  const texts = reviews.map((r) => (r.title ? `${r.title}\n${r.body}` : r.body).slice(0, 160));
  const byScript = texts.map((text, i) => scriptLanguage(text, expectedLanguage(reviews[i])));
  const needEld = texts.flatMap((text, i) => (byScript[i] === undefined ? [i] : []));
  const detected = await eldLanguages(needEld.map((i) => texts[i]));
  const out = byScript.map((l) => l ?? UNDETERMINED_LANGUAGE);
  needEld.forEach((i, k) => {
    const language = detected[k];
    const letters = texts[i].replace(NOT_A_LETTER, "").length;
    const keep = language && (letters >= SHORT_TEXT_LETTERS || language === expectedLanguage(reviews[i]));
    out[i] = keep ? language : UNDETERMINED_LANGUAGE;
  });
  return out;
}

/** The language when the script tells it (CJK), null when nothing does, undefined when eld must decide. */
function scriptLanguage(text: string, expected: string | null): string | null | undefined {
  const letters = text.replace(NOT_A_LETTER, "").length;
  if (letters === 0) return null;
  const { kana, han, hangul } = cjkCounts(text);
  if (hangul * 3 >= letters) return "ko";
  // Han alone ("最高") is Chinese or Japanese: the storefront decides.
  if ((kana + han) * 3 >= letters) return kana > 0 || expected === "ja" ? "ja" : "zh";
  return undefined;
}
