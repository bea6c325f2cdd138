import "server-only";
// Reviews search: tenant-scoped, keyset-paginated (newest or oldest first, or by rating and newest first within
// each rating), bounded in cost.
// Text goes through the generated search_vector (see the review_search_languages migration): words match
// their inflections and, from three characters on, as prefixes; CJK words match inside unspaced text.
// Each search runs in one read-only transaction with a statement timeout: it first counts the matches up to
// MATCH_COUNT_CAP, and that count picks the plan for the page — few matches: find them all through the indexes,
// then sort; many: walk the reviews newest first until the page is full. PostgreSQL's own estimates for
// multi-word text queries are too rough to choose between the two (off by 1,000× either way in measurements).
import type { PoolClient } from "pg";
import { z } from "zod";
import type { AccessContext } from "@/lib/auth/access";
import { db, Prisma, sqlPool } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { dateRangeProblem, ratingRange, REVIEWS_PAGE_SIZE, type ReviewFilters, type ReviewSort } from "./filters";
import { highlightMatches } from "./highlight";
import type { ReviewHighlights } from "./highlight-ranges";
import { hasRequiredTerm, parseSearch, type SearchQuery, type SearchTerm, type SearchToken } from "./search-query";
import { toReviewView, type ReviewRow, type ReviewView } from "./view";

/** Counting stops here: "1,000+ reviews". Counting costs one heap visit per match, so the cap bounds it. */
export const MATCH_COUNT_CAP = 1000;
export const SEARCH_TIMEOUT_MS = 2000;

export interface MatchCount {
  count: number;
  /** True when there are more than `count` matches. */
  capped: boolean;
}

export type ReviewListItem = ReviewView & { highlights?: ReviewHighlights };

export interface ReviewPage {
  items: ReviewListItem[];
  nextCursor: string | null;
  total: MatchCount;
}

/** A search that ran out of time: the person can narrow it, so it is a 400 that says how. */
export class SearchTooSlowError extends ValidationError {
  constructor(timeoutMs: number) {
    const message = `This search took longer than ${timeoutMs / 1000} s and was stopped. Use more specific words, or narrow it by app, rating, country or language.`;
    super(message, { q: message });
  }
}

export const reviewColumns = Prisma.sql`
  r.id::text AS id, r.project_id::text AS project_id, r.app_id::text AS app_id, a.name AS app_name, r.store, r.external_id,
  r.rating, r.title, r.body, r.reviewer_nickname, r.country_code, r.language, r.created_at_in_store, r.developer_response,
  r.developer_response_id, r.developer_response_state::text AS developer_response_state, r.developer_response_at,
  u.name AS replier_name`;

export const reviewJoins = Prisma.sql`
  JOIN apps a ON a.id = r.app_id
  LEFT JOIN users u ON u.id = r.responded_by_user_id`;

// ---- cursor -----------------------------------------------------------------------------------------------

const ISO_INSTANT = /^(19[7-9]\d|[2-9]\d{3})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const instant = z.string().regex(ISO_INSTANT).refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s);
/** [createdAt, id] of the last review of the page, and its rating when the list is ordered by rating. */
const cursorSchema = z.union([z.tuple([instant, z.string().regex(UUID)]), z.tuple([instant, z.string().regex(UUID), z.int().min(1).max(5)])]);

export interface PageCursor {
  createdAt: string;
  id: string;
  /** Set when the list is ordered by rating. */
  rating?: number;
}

export function encodeCursor(row: PageCursor): string {
  return Buffer.from(JSON.stringify(row.rating === undefined ? [row.createdAt, row.id] : [row.createdAt, row.id, row.rating])).toString("base64url");
}

/** Only what encodeCursor makes for this order: anything else (edited, truncated, crafted) is a 400, never a database error. */
export function decodeCursor(cursor: string, sort: ReviewSort = "newest"): PageCursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    decoded = null;
  }
  const parsed = cursorSchema.safeParse(decoded);
  const byRating = sort === "lowest" || sort === "highest";
  if (!parsed.success || (parsed.data.length === 3) !== byRating) {
    throw new ValidationError("That page link is no longer valid. Reload the reviews.", { cursor: "Not a cursor this server gave out for this order." });
  }
  const [createdAt, id, rating] = parsed.data;
  return rating === undefined ? { createdAt, id } : { createdAt, id, rating };
}

// ---- conditions ---------------------------------------------------------------------------------------------

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** At most this many character pairs of one CJK word are looked up: a pasted sentence still finds itself. */
const MAX_CJK_PAIRS = 4;

/** Pairs of adjacent characters (all of a short word, evenly spread over a long one), or the character itself. */
function cjkQuery(text: string): string {
  const chars = [...text];
  if (chars.length === 1) return `'${text}'`;
  const pairs = [...new Set(chars.slice(1).map((c, i) => `'${chars[i]}${c}'`))];
  const step = Math.max(1, pairs.length / MAX_CJK_PAIRS);
  return Array.from({ length: Math.min(pairs.length, MAX_CJK_PAIRS) }, (_, i) => pairs[Math.floor(i * step)]).join(" & ");
}

function wordQuery(token: SearchToken, mode: "prefix" | "exact"): Prisma.Sql {
  // CJK characters need no quoting beyond the lexeme quotes: the tokenizer keeps quotes and backslashes out.
  return token.kind === "cjk" ? Prisma.sql`${cjkQuery(token.text)}::tsquery` : Prisma.sql`review_search_word(${token.text}, ${mode})`;
}

function termQuery(term: SearchTerm): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  let phrase: Prisma.Sql | null = null;
  for (const token of term.tokens) {
    if (!term.phrase || token.kind === "cjk") {
      if (phrase) parts.push(phrase);
      phrase = null;
      parts.push(wordQuery(token, term.phrase ? "exact" : "prefix"));
    } else {
      const word = wordQuery(token, "exact");
      phrase = phrase ? Prisma.sql`tsquery_phrase(${phrase}, ${word})` : word;
    }
  }
  if (phrase) parts.push(phrase);
  const all = parts.length === 1 ? parts[0] : Prisma.sql`(${Prisma.join(parts, " && ")})`;
  return term.negated ? Prisma.sql`(!! ${all})` : all;
}

/** The query as one tsquery expression; repeated terms are searched once. */
function tsqueryOf(query: SearchQuery): Prisma.Sql {
  const key = (g: SearchTerm[]) => JSON.stringify(g);
  const groups = [...new Map(query.map((g) => [key(g), g])).values()];
  return Prisma.join(
    groups.map((g) => (g.length === 1 ? termQuery(g[0]) : Prisma.sql`(${Prisma.join(g.map(termQuery), " || ")})`)),
    " && ",
  );
}

/**
 * A reviewer name filter the trigram index can answer: "contains" when the text has a run of three letters or
 * digits (what pg_trgm can look up inside a name), else "starts with" (anchored, so the index still narrows it).
 */
function nicknameCondition(nickname: string): Prisma.Sql {
  const pattern = /[\p{L}\p{N}]{3}/u.test(nickname) ? `%${escapeLike(nickname)}%` : `${escapeLike(nickname)}%`;
  return Prisma.sql`r.reviewer_nickname ILIKE ${pattern}`;
}

/** WHERE conditions; the tenant comes from the resolved context, never from the filters alone. `tsquery`: the text
 * search already compiled to tsquery text (see compileTextQuery), so each statement does not build it again. */
export function reviewConditions(ctx: Pick<AccessContext, "teamId" | "caller">, f: ReviewFilters, tsquery?: string): Prisma.Sql {
  const c: Prisma.Sql[] = [Prisma.sql`r.team_id = ${ctx.teamId}::uuid`];
  const keyProject = ctx.caller.kind === "apiKey" ? ctx.caller.projectId : null;
  if (keyProject) c.push(Prisma.sql`r.project_id = ${keyProject}::uuid`);
  if (f.project) c.push(Prisma.sql`r.project_id = ${f.project}::uuid`);
  if (f.app) c.push(Prisma.sql`r.app_id = ${f.app}::uuid`);
  if (f.store) c.push(Prisma.sql`r.store = ${f.store}`);
  const range = ratingRange(f.rating);
  if (range) c.push(range[0] === range[1] ? Prisma.sql`r.rating = ${range[0]}::smallint` : Prisma.sql`r.rating BETWEEN ${range[0]}::smallint AND ${range[1]}::smallint`);
  if (f.country) c.push(Prisma.sql`r.country_code = ${f.country}`);
  if (f.language) c.push(Prisma.sql`r.language = ${f.language}`);
  if (f.response === "yes") c.push(Prisma.sql`r.developer_response IS NOT NULL`);
  if (f.response === "no") c.push(Prisma.sql`r.developer_response IS NULL`);
  const query = f.q ? parseSearch(f.q) : [];
  if (query.length > 0) c.push(tsquery !== undefined ? Prisma.sql`r.search_vector @@ ${tsquery}::tsquery` : Prisma.sql`r.search_vector @@ (${tsqueryOf(query)})`);
  if (f.nickname) c.push(nicknameCondition(f.nickname));
  // Days are UTC days: the range starts at 00:00 UTC of `from` and ends before 00:00 UTC of the day after `to`.
  if (f.from) c.push(Prisma.sql`r.created_at_in_store >= (${f.from}::date)::timestamp AT TIME ZONE 'UTC'`);
  if (f.to) c.push(Prisma.sql`r.created_at_in_store < (${f.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
  return Prisma.join(c, " AND ");
}

// ---- running ------------------------------------------------------------------------------------------------

/** Planner settings for the page query: "matches" finds every match through the indexes, then sorts. */
const PLAN: Record<"matches" | "newest", string> = {
  matches: "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL enable_indexonlyscan = off",
  newest: "SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off",
};

const isStatementTimeout = (error: unknown) => (error as { code?: string } | null)?.code === "57014";

/** Runs `fn` in a read-only transaction whose statements stop after `timeoutMs`. */
async function inSearchTransaction<T>(timeoutMs: number, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await sqlPool().connect();
  try {
    await client.query(`BEGIN READ ONLY; SET LOCAL statement_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    if (isStatementTimeout(error)) throw new SearchTooSlowError(timeoutMs);
    throw error;
  } finally {
    client.release();
  }
}

const run = async <R extends object>(client: PoolClient, sql: Prisma.Sql) => (await client.query<R>(sql.text, sql.values)).rows;

async function countMatches(client: PoolClient, where: Prisma.Sql): Promise<MatchCount> {
  const [row] = await run<{ n: number }>(client, Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM app_store_reviews r WHERE ${where} LIMIT ${MATCH_COUNT_CAP + 1}) m`);
  const n = row?.n ?? 0;
  return { count: Math.min(n, MATCH_COUNT_CAP), capped: n > MATCH_COUNT_CAP };
}

export interface SearchOptions {
  cursor?: string | null;
  limit?: number;
  timeoutMs?: number;
}

/** The text search as tsquery text, built once per search (a few hundred dictionary look-ups). */
async function compileTextQuery(client: PoolClient, query: SearchQuery): Promise<string | undefined> {
  if (query.length === 0) return undefined;
  const [row] = await run<{ q: string }>(client, Prisma.sql`SELECT (${tsqueryOf(query)})::text AS q`);
  return row?.q ?? "";
}

/** The ratings a list ordered by rating walks through, in order, within the rating filter. */
function ratingOrder(sort: "lowest" | "highest", filters: ReviewFilters): number[] {
  const [lo, hi] = ratingRange(filters.rating) ?? [1, 5];
  const ratings = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  return sort === "lowest" ? ratings : ratings.reverse();
}

export async function searchReviews(ctx: Pick<AccessContext, "teamId" | "caller">, filters: ReviewFilters, options: SearchOptions = {}): Promise<ReviewPage> {
  const limit = Math.min(100, Math.max(1, options.limit ?? REVIEWS_PAGE_SIZE));
  const sort = filters.sort ?? "newest";
  const range = dateRangeProblem(filters);
  if (range) throw new ValidationError(range, { to: range });
  const after = options.cursor ? decodeCursor(options.cursor, sort) : null;
  const query = filters.q ? parseSearch(filters.q) : [];
  return inSearchTransaction(options.timeoutMs ?? SEARCH_TIMEOUT_MS, async (client) => {
    const tsquery = await compileTextQuery(client, query);
    const where = reviewConditions(ctx, filters, tsquery);
    const total = await countMatches(client, where);
    let rows: ReviewRow[];
    if (sort === "lowest" || sort === "highest") {
      // By rating, newest first within each: one walk per rating, in order, each as cheap as a rating filter (the
      // count of that rating's matches picks its plan, as for the whole list), until the page is full.
      rows = [];
      for (const rating of ratingOrder(sort, filters)) {
        if (after && (sort === "lowest" ? rating < after.rating! : rating > after.rating!)) continue;
        const bucket = Prisma.sql`${where} AND r.rating = ${rating}::smallint`;
        const keyset = after?.rating === rating ? Prisma.sql` AND (r.created_at_in_store, r.id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)` : Prisma.empty;
        const matches = total.capped ? await countMatches(client, bucket) : total;
        if (matches.count === 0) continue;
        await client.query(matches.capped ? PLAN.newest : PLAN.matches);
        rows.push(...(await pageRows(client, Prisma.sql`${bucket}${keyset}`, "newest", limit + 1 - rows.length)));
        await client.query("RESET enable_seqscan; RESET enable_indexscan; RESET enable_indexonlyscan; RESET enable_bitmapscan; RESET enable_sort");
        if (rows.length > limit) break;
      }
    } else {
      await client.query(total.capped ? PLAN.newest : PLAN.matches);
      const keyset = after
        ? sort === "oldest"
          ? Prisma.sql` AND (r.created_at_in_store, r.id) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`
          : Prisma.sql` AND (r.created_at_in_store, r.id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
        : Prisma.empty;
      rows = await pageRows(client, Prisma.sql`${where}${keyset}`, sort, limit + 1);
    }
    const items: ReviewPage["items"] = rows.slice(0, limit).map(toReviewView);
    if (hasRequiredTerm(query) && items.length > 0) {
      const marks = await highlightMatches(client, items, query);
      items.forEach((item, i) => (item.highlights = marks[i]));
    }
    const last = items.at(-1);
    const byRating = sort === "lowest" || sort === "highest";
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id, ...(byRating ? { rating: last.rating } : {}) }) : null, total };
  });
}

async function pageRows(client: PoolClient, where: Prisma.Sql, order: "newest" | "oldest", limit: number): Promise<ReviewRow[]> {
  const orderBy = order === "oldest" ? Prisma.sql`r.created_at_in_store ASC, r.id ASC` : Prisma.sql`r.created_at_in_store DESC, r.id DESC`;
  return run<ReviewRow>(client, Prisma.sql`SELECT ${reviewColumns} FROM app_store_reviews r ${reviewJoins} WHERE ${where} ORDER BY ${orderBy} LIMIT ${limit}`);
}

/** One review by id within the caller's team (the `?review=` deep link). */
export async function getReview(ctx: Pick<AccessContext, "teamId" | "caller">, reviewId: string): Promise<ReviewView | null> {
  const keyProject = ctx.caller.kind === "apiKey" ? ctx.caller.projectId : null;
  const sql = Prisma.sql`
    SELECT ${reviewColumns} FROM app_store_reviews r ${reviewJoins}
    WHERE r.id = ${reviewId}::uuid AND r.team_id = ${ctx.teamId}::uuid ${keyProject ? Prisma.sql`AND r.project_id = ${keyProject}::uuid` : Prisma.empty}`;
  const rows = await db.$queryRaw<ReviewRow[]>(sql);
  return rows[0] ? toReviewView(rows[0]) : null;
}
