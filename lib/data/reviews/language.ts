// A review's language, detected once at ingest and stored: it picks the stemming dictionary of the review's
// search vector, and it is a filter. Chinese, Japanese and Korean are told apart by their scripts; other text
// goes to eld (n-gram statistics, 60 languages, tens of µs per review), loaded on first use. No server-only
// marker: `npm start` backfills languages from plain Node (lib/runtime); no client code imports this file.

type Eld = (typeof import("eld/extrasmall"))["eld"];
let eldPromise: Promise<Eld> | null = null;
const loadEld = () => (eldPromise ??= import("eld/extrasmall").then((m) => m.eld));

const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/gu;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/gu;
const LETTER = /\p{L}/gu;
const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

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

/**
 * ISO 639-1 code of the review's language, or "und" when the text does not tell (too short, only emoji or
 * digits). A short text that eld cannot decide on is given its storefront's language when eld counts that
 * language among the candidates ("Sehr gut" from Germany), and no language otherwise.
 */
export async function detectReviewLanguage(title: string | null, body: string, countryCode?: string | null): Promise<string> {
  return (await detect(title, body, countryCode)) ?? UNDETERMINED_LANGUAGE;
}

async function detect(title: string | null, body: string, countryCode?: string | null): Promise<string | null> {
  // The first few hundred characters tell the language as well as the whole text, at a bounded cost.
  const text = (title ? `${title}\n${body}` : body).slice(0, 300);
  const letters = count(text, LETTER);
  if (letters === 0) return null;
  const kana = count(text, KANA);
  const han = count(text, HAN);
  const hangul = count(text, HANGUL);
  if (hangul * 3 >= letters) return "ko";
  // Han alone ("最高") is Chinese or Japanese: the storefront decides.
  if ((kana + han) * 3 >= letters) return kana > 0 || storefrontLanguage(countryCode) === "ja" ? "ja" : "zh";
  const eld = await loadEld();
  const result = eld.detect(text);
  if (!result.language) return null;
  if (result.isReliable()) return result.language;
  const local = storefrontLanguage(countryCode);
  return local && local in result.getScores() ? local : null;
}
