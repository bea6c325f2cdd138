import "server-only";
// Which words of each listed review the search matched, as offsets into its title and body: the browser
// wraps those ranges in <mark> as React text nodes, so review text is never parsed as HTML. Words are judged
// by PostgreSQL with the review's own language (so "Absturz" lights up for "abstürz"); CJK words are found
// as substrings, as they are matched.
import type { PoolClient } from "pg";
import { Prisma } from "@/lib/db";
import type { Range, ReviewHighlights } from "./highlight-ranges";
import { WORD_SOURCE, type SearchQuery, type SearchToken } from "./search-query";
import type { ReviewView } from "./view";


const WORD = new RegExp(WORD_SOURCE, "gu");

/** The first two letters without case or accents: a word and any word sharing its stem agree on them. */
const head = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().slice(0, 2);

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function substrings(text: string, needles: string[]): Range[] {
  const out: Range[] = [];
  for (const n of needles) for (let i = text.indexOf(n); i !== -1; i = text.indexOf(n, i + n.length)) out.push([i, i + n.length]);
  return out;
}

export async function highlightMatches(client: PoolClient, items: Pick<ReviewView, "title" | "body" | "language">[], query: SearchQuery): Promise<ReviewHighlights[]> {
  const positive = query.flat().filter((t) => !t.negated);
  const words: { token: SearchToken; phrase: boolean }[] = positive.flatMap((t) => t.tokens.filter((k) => k.kind === "word").map((token) => ({ token, phrase: t.phrase })));
  const cjk = [...new Set(positive.flatMap((t) => t.tokens.filter((k) => k.kind === "cjk").map((k) => k.text)))];

  // Every distinct (language, word) of the listed reviews that could match, asked about in one statement; words
  // that do not even begin like a search word are not sent.
  const heads = new Set(words.map(({ token }) => head(token.text)));
  const fields = items.map((item) => ({ language: item.language ?? "", title: item.title ?? "", body: item.body }));
  const keys = new Map<string, number>();
  const langs: string[] = [];
  const candidates: string[] = [];
  for (const f of fields) {
    for (const text of [f.title, f.body]) {
      for (const [w] of text.matchAll(WORD)) {
        const key = `${f.language}\u0001${w.toLowerCase()}`;
        if (keys.has(key) || !heads.has(head(w))) continue;
        keys.set(key, candidates.length);
        langs.push(f.language);
        candidates.push(w);
      }
    }
  }
  let matched = new Set<number>();
  if (words.length > 0 && candidates.length > 0) {
    const tsquery = Prisma.join(
      words.map(({ token, phrase }) => Prisma.sql`review_search_word(${token.text}, ${phrase ? "exact" : "prefix"})`),
      " || ",
    );
    const sql = Prisma.sql`
      SELECT (i - 1)::int AS i FROM unnest(${langs}::text[], ${candidates}::text[]) WITH ORDINALITY AS t(lang, w, i)
      WHERE review_search_vector(nullif(lang, ''), w) @@ (${tsquery})`;
    matched = new Set((await client.query<{ i: number }>(sql.text, sql.values)).rows.map((r) => r.i));
  }

  const mark = (language: string, text: string): Range[] => {
    const ranges: Range[] = substrings(text, cjk);
    for (const m of text.matchAll(WORD)) {
      const key = keys.get(`${language}\u0001${m[0].toLowerCase()}`);
      if (key !== undefined && matched.has(key)) ranges.push([m.index, m.index + m[0].length]);
    }
    return merge(ranges);
  };
  return fields.map((f) => ({ title: mark(f.language, f.title), body: mark(f.language, f.body) }));
}

