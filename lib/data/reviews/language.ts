// A review's language, detected once at ingest and stored: it picks the stemming dictionary of the review's
// search vector, and it is a filter. Chinese, Japanese and Korean are told apart by their scripts; other text
// goes to eld (n-gram statistics, 60 languages, tens of µs per review), loaded on first use. No server-only
// marker: `npm start` backfills languages from plain Node (lib/runtime); no client code imports this file.

type Eld = (typeof import("eld/extrasmall"))["eld"];
let eldPromise: Promise<Eld> | null = null;

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
const SHORT_TEXT_LETTERS = 40;

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

export type LanguageDetector = (title: string | null, body: string, countryCode?: string | null) => string;

/**
 * The detector, once eld is loaded: ISO 639-1 code of a review's language, or "und" when the text does not tell
 * (too short, only emoji or digits). A short text that eld cannot decide on is given its storefront's language
 * when eld counts that language among the candidates ("Sehr gut" from Germany), and no language otherwise.
 * Synchronous, so each review's garbage dies young: detection allocates a lot per call.
 */
export async function loadLanguageDetector(): Promise<LanguageDetector> {
  const eld = await (eldPromise ??= import("eld/extrasmall").then((m) => m.eld));
  return (title, body, countryCode) => detect(eld, title, body, countryCode) ?? UNDETERMINED_LANGUAGE;
}

function detect(eld: Eld, title: string | null, body: string, countryCode?: string | null): string | null {
  // The first 160 characters tell the language as well as the whole text (same accuracy on the benchmark
  // corpus), at a bounded cost.
  const text = (title ? `${title}\n${body}` : body).slice(0, 160);
  const letters = text.replace(NOT_A_LETTER, "").length;
  if (letters === 0) return null;
  const { kana, han, hangul } = cjkCounts(text);
  if (hangul * 3 >= letters) return "ko";
  // Han alone ("最高") is Chinese or Japanese: the storefront decides.
  if ((kana + han) * 3 >= letters) return kana > 0 || storefrontLanguage(countryCode) === "ja" ? "ja" : "zh";
  const result = eld.detect(text);
  if (!result.language) return null;
  // Longer texts are told reliably; eld's reliability check allocates heavily (~1 MB of garbage per thousand
  // calls, which grew the ingest's memory by 100+ MB), so it is asked only about short ones.
  if (letters >= SHORT_TEXT_LETTERS || result.isReliable()) return result.language;
  const local = storefrontLanguage(countryCode);
  return local && local in result.getScores() ? local : null;
}
