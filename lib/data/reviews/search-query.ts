// The search box's language, parsed once for the SQL, the limits and the highlighting (no server imports):
// words (all must match), "exact phrases", -exclusions, and `or` between two terms (either may match).
// A word is a run of letters and digits; a run of Chinese, Japanese or Korean characters is a word of its own,
// since those scripts do not separate words by spaces ("iPhoneで使えない" → iPhone, で使えない).

export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_WORDS = 16;

export interface SearchToken {
  /** "cjk": Han, Hiragana, Katakana or Hangul, matched as a substring; "word": matched as a word or word prefix. */
  kind: "word" | "cjk";
  text: string;
}

/** What one search term asks for: its tokens (all present; adjacent and as written when a phrase). */
export interface SearchTerm {
  tokens: SearchToken[];
  phrase: boolean;
  negated: boolean;
}

/** Terms ANDed together; each inner list is one term or several joined by `or`. */
export type SearchQuery = SearchTerm[][];

export const CJK_CHAR = "\\u1100-\\u11ff\\u3005-\\u3007\\u3040-\\u30ff\\u3130-\\u318f\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff66-\\uff9f";
/** A word outside CJK runs: letters, combining marks and digits. */
export const WORD_SOURCE = `(?:(?![${CJK_CHAR}])[\\p{L}\\p{M}\\p{N}])+`;
const TOKEN = new RegExp(`[${CJK_CHAR}]+|${WORD_SOURCE}`, "gu");
const CJK_RUN = new RegExp(`^[${CJK_CHAR}]`, "u");

export function tokenize(text: string): SearchToken[] {
  return [...text.matchAll(TOKEN)].map(([t]) => ({ kind: CJK_RUN.test(t) ? "cjk" : "word", text: t }));
}

/** Splits the text into quoted phrases and unquoted chunks, each with its leading "-" (an exclusion). */
function chunks(q: string): { text: string; quoted: boolean; negated: boolean }[] {
  const out: { text: string; quoted: boolean; negated: boolean }[] = [];
  const re = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g;
  for (const m of q.matchAll(re)) {
    if (m[2] !== undefined) out.push({ text: m[2], quoted: true, negated: m[1] === "-" });
    else out.push({ text: m[4], quoted: false, negated: m[3] === "-" });
  }
  return out;
}

export function parseSearch(q: string): SearchQuery {
  const groups: SearchQuery = [];
  let joinNext = false;
  for (const c of chunks(q)) {
    if (!c.quoted && !c.negated && c.text.toLowerCase() === "or") {
      joinNext = groups.length > 0;
      continue;
    }
    const tokens = tokenize(c.text);
    if (tokens.length === 0) continue; // punctuation alone: nothing to search for
    const term: SearchTerm = { tokens, phrase: c.quoted, negated: c.negated };
    if (joinNext) groups.at(-1)!.push(term);
    else groups.push([term]);
    joinNext = false;
  }
  return groups;
}

/** Whether the query has a term that must be present (not only exclusions). */
export function hasRequiredTerm(query: SearchQuery): boolean {
  return query.some((group) => group.every((t) => !t.negated));
}

export const wordCount = (query: SearchQuery) => query.flat().reduce((n, t) => n + t.tokens.length, 0);

/** Why the text cannot be searched as it is, in words that say what to change; null when it can. */
export function searchQueryProblem(q: string): string | null {
  if (q.length > MAX_SEARCH_LENGTH) return `Search is at most ${MAX_SEARCH_LENGTH} characters.`;
  const words = wordCount(parseSearch(q));
  if (words > MAX_SEARCH_WORDS) return `Search has at most ${MAX_SEARCH_WORDS} words (this one has ${words}): remove some, or search in steps.`;
  return null;
}
