import "server-only";
// Reviews search: tenant-scoped, keyset-paginated (created_at_in_store DESC, id DESC), full text through the
// generated tsvector (websearch syntax: words, "phrases", -exclusions), nickname through a trigram index.
import type { AccessContext } from "@/lib/auth/access";
import { db, Prisma } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { ratingRange, REVIEWS_PAGE_SIZE, type ReviewFilters } from "./filters";
import { toReviewView, type ReviewRow, type ReviewView } from "./view";

export interface ReviewPage {
  items: ReviewView[];
  nextCursor: string | null;
}

export const reviewColumns = Prisma.sql`
  r.id::text AS id, r.project_id::text AS project_id, r.app_id::text AS app_id, a.name AS app_name, r.store, r.external_id,
  r.rating, r.title, r.body, r.reviewer_nickname, r.country_code, r.created_at_in_store, r.developer_response,
  r.developer_response_id, r.developer_response_state::text AS developer_response_state, r.developer_response_at,
  u.name AS replier_name`;

export const reviewJoins = Prisma.sql`
  JOIN apps a ON a.id = r.app_id
  LEFT JOIN users u ON u.id = r.responded_by_user_id`;

export function encodeCursor(row: { createdAt: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt, row.id])).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    if (Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error("bad");
    return [at, id];
  } catch {
    throw new ValidationError("That page link is no longer valid. Reload the reviews.");
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Whether the text has anything websearch_to_tsquery can match (otherwise the filter is ignored). */
export function hasSearchTerms(q: string | undefined): q is string {
  return Boolean(q && /[\p{L}\p{N}]/u.test(q));
}

/** WHERE conditions; the tenant comes from the resolved context, never from the filters alone. */
export function reviewConditions(ctx: Pick<AccessContext, "teamId" | "caller">, f: ReviewFilters, textMode: "fts" | "ilike" = "fts"): Prisma.Sql {
  const c: Prisma.Sql[] = [Prisma.sql`r.team_id = ${ctx.teamId}::uuid`];
  const keyProject = ctx.caller.kind === "apiKey" ? ctx.caller.projectId : null;
  if (keyProject) c.push(Prisma.sql`r.project_id = ${keyProject}::uuid`);
  if (f.project) c.push(Prisma.sql`r.project_id = ${f.project}::uuid`);
  if (f.app) c.push(Prisma.sql`r.app_id = ${f.app}::uuid`);
  if (f.store) c.push(Prisma.sql`r.store = ${f.store}`);
  const range = ratingRange(f.rating);
  if (range) c.push(range[0] === range[1] ? Prisma.sql`r.rating = ${range[0]}` : Prisma.sql`r.rating BETWEEN ${range[0]} AND ${range[1]}`);
  if (f.country) c.push(Prisma.sql`r.country_code = ${f.country}`);
  if (f.response === "yes") c.push(Prisma.sql`r.developer_response IS NOT NULL`);
  if (f.response === "no") c.push(Prisma.sql`r.developer_response IS NULL`);
  if (hasSearchTerms(f.q)) {
    c.push(
      textMode === "fts"
        ? Prisma.sql`r.search_vector @@ websearch_to_tsquery('simple', ${f.q})`
        : Prisma.sql`(coalesce(r.title, '') || ' ' || r.body || ' ' || coalesce(r.reviewer_nickname, '')) ILIKE ${`%${escapeLike(f.q)}%`}`,
    );
  }
  if (f.nickname) c.push(Prisma.sql`r.reviewer_nickname ILIKE ${`%${escapeLike(f.nickname)}%`}`);
  return Prisma.join(c, " AND ");
}

export async function searchReviews(
  ctx: Pick<AccessContext, "teamId" | "caller">,
  filters: ReviewFilters,
  options: { cursor?: string | null; limit?: number; textMode?: "fts" | "ilike" } = {},
): Promise<ReviewPage> {
  const limit = Math.min(100, Math.max(1, options.limit ?? REVIEWS_PAGE_SIZE));
  const where = [reviewConditions(ctx, filters, options.textMode)];
  if (options.cursor) {
    const [at, id] = decodeCursor(options.cursor);
    where.push(Prisma.sql`(r.created_at_in_store, r.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await db.$queryRaw<ReviewRow[]>`
    SELECT ${reviewColumns} FROM app_store_reviews r ${reviewJoins}
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY r.created_at_in_store DESC, r.id DESC
    LIMIT ${limit + 1}`;
  const items = rows.slice(0, limit).map(toReviewView);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
}

export async function countReviews(ctx: Pick<AccessContext, "teamId" | "caller">, filters: ReviewFilters): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM app_store_reviews r WHERE ${reviewConditions(ctx, filters)}`;
  return rows[0]?.n ?? 0;
}

/** One review by id within the caller's team (the `?review=` deep link). */
export async function getReview(ctx: Pick<AccessContext, "teamId" | "caller">, reviewId: string): Promise<ReviewView | null> {
  const keyProject = ctx.caller.kind === "apiKey" ? ctx.caller.projectId : null;
  const rows = await db.$queryRaw<ReviewRow[]>`
    SELECT ${reviewColumns} FROM app_store_reviews r ${reviewJoins}
    WHERE r.id = ${reviewId}::uuid AND r.team_id = ${ctx.teamId}::uuid ${keyProject ? Prisma.sql`AND r.project_id = ${keyProject}::uuid` : Prisma.empty}`;
  return rows[0] ? toReviewView(rows[0]) : null;
}
