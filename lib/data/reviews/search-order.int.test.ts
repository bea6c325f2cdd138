import { beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/access";
import { db } from "@/lib/db";
import type { ReviewPage } from "@/lib/data/reviews";
import { actionResult, type ActionResult } from "@/lib/operations/adapters/server-action";
import * as reviewOps from "@/lib/operations/reviews";
import { createApp, createOwner } from "@/test/fixtures";
import { MATCH_COUNT_CAP } from "./search";

// Reviews ordered newest/oldest first or by rating, and limited to a range of UTC days. Two projects: a small one
// (every order finds all matches through the indexes, then sorts) and one past the count cap (each rating is walked
// newest first on its own), paged through with small pages so each keyset boundary is crossed many times.
let teamId: string;
let owner: Caller;
let small: string;
let large: string;

interface Row {
  id: string;
  rating: number;
  createdAt: string;
}

async function everyPage(filters: Record<string, unknown>, limit: number) {
  const seen: Row[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: ActionResult<ReviewPage> = await actionResult(reviewOps.searchReviews, owner, { teamId, ...filters, limit, cursor: cursor ?? undefined });
    if (!page.ok) throw new Error(page.error.message);
    seen.push(...page.data.items.map((i) => ({ id: i.id, rating: i.rating, createdAt: i.createdAt })));
    cursor = page.data.nextCursor;
    pages++;
  } while (cursor && pages < 500);
  return seen;
}

async function stored(projectId: string) {
  const rows = await db.appStoreReview.findMany({ where: { projectId }, select: { id: true, rating: true, createdAtInStore: true } });
  return rows.map((r) => ({ id: r.id, rating: r.rating, createdAt: r.createdAtInStore.toISOString() }));
}

const newestFirst = (a: Row, b: Row) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
const byRating = (direction: 1 | -1) => (a: Row, b: Row) => direction * (a.rating - b.rating) || newestFirst(a, b);

beforeAll(async () => {
  const o = await createOwner("order");
  teamId = o.teamId;
  owner = o.caller;
  small = o.projectId;
  large = (await db.project.create({ data: { teamId, name: "Large" } })).id;
  const smallApp = (await createApp(teamId, small, { name: "Small" })).id;
  const largeApp = (await createApp(teamId, large, { name: "Large" })).id;
  // Small: one review a day from 2026-01-01 to 2026-02-19, some sharing an instant (the id breaks ties); no 4★.
  await db.$executeRaw`
    INSERT INTO app_store_reviews (team_id, project_id, app_id, external_id, rating, body, created_at_in_store)
    SELECT ${teamId}::uuid, ${small}::uuid, ${smallApp}::uuid, 's-' || g, (ARRAY[1, 2, 3, 5])[1 + g % 4], 'small ' || g,
      '2026-01-01T12:00:00Z'::timestamptz + ((g / 2) || ' days')::interval
    FROM generate_series(0, 99) g`;
  // Large: past the count cap, 2★ rare and no 3★ at all.
  await db.$executeRaw`
    INSERT INTO app_store_reviews (team_id, project_id, app_id, external_id, rating, body, created_at_in_store)
    SELECT ${teamId}::uuid, ${large}::uuid, ${largeApp}::uuid, 'l-' || g, CASE WHEN g % 97 = 0 THEN 2 ELSE (ARRAY[1, 4, 5])[1 + g % 3] END, 'large ' || g,
      '2025-01-01T00:00:00Z'::timestamptz + ((g / 3) || ' hours')::interval
    FROM generate_series(0, ${MATCH_COUNT_CAP + 300}) g`;
  await db.$executeRaw`ANALYZE app_store_reviews`;
});

describe("the order of a reviews list", () => {
  it("pages newest first, oldest first, lowest and highest rating first without gaps or repeats", async () => {
    const rows = await stored(small);
    expect(await everyPage({ project: small }, 7)).toEqual([...rows].sort(newestFirst));
    expect(await everyPage({ project: small, sort: "newest" }, 7)).toEqual([...rows].sort(newestFirst));
    expect(await everyPage({ project: small, sort: "oldest" }, 7)).toEqual([...rows].sort(newestFirst).reverse());
    expect(await everyPage({ project: small, sort: "lowest" }, 7)).toEqual([...rows].sort(byRating(1)));
    expect(await everyPage({ project: small, sort: "highest" }, 7)).toEqual([...rows].sort(byRating(-1)));
  });

  it("orders by rating within a rating filter, and past the count cap one rating at a time (a missing rating is skipped)", async () => {
    const rows = await stored(small);
    expect(await everyPage({ project: small, sort: "highest", rating: "2-3" }, 4)).toEqual(rows.filter((r) => r.rating >= 2 && r.rating <= 3).sort(byRating(-1)));
    const big = await stored(large);
    expect(big.length).toBeGreaterThan(MATCH_COUNT_CAP);
    const lowest = await everyPage({ project: large, sort: "lowest" }, 100);
    expect(lowest).toHaveLength(big.length);
    expect(lowest).toEqual([...big].sort(byRating(1)));
    const first = await actionResult(reviewOps.searchReviews, owner, { teamId, project: large, sort: "highest", limit: 3 });
    expect(first.ok && first.data.items.map((i) => i.rating)).toEqual([5, 5, 5]);
    expect(first.ok && first.data.total).toEqual({ count: MATCH_COUNT_CAP, capped: true });
  });

  it("keeps to a range of UTC days, both ends included", async () => {
    const rows = await stored(small);
    const inRange = (r: Row) => r.createdAt >= "2026-01-10" && r.createdAt < "2026-01-13";
    expect(await everyPage({ project: small, from: "2026-01-10", to: "2026-01-12" }, 5)).toEqual(rows.filter(inRange).sort(newestFirst));
    expect(await everyPage({ project: small, from: "2026-02-19" }, 5)).toEqual(rows.filter((r) => r.createdAt >= "2026-02-19").sort(newestFirst));
    expect(await everyPage({ project: small, to: "2025-12-31" }, 5)).toEqual([]);
    const counted = await actionResult(reviewOps.searchReviews, owner, { teamId, project: small, from: "2026-01-10", to: "2026-01-12" });
    expect(counted.ok && counted.data.total).toEqual({ count: 6, capped: false });
  });

  it("refuses a range that ends before it starts, an impossible day, an unknown order, and a cursor of another order", async () => {
    expect(await actionResult(reviewOps.searchReviews, owner, { teamId, from: "2026-02-01", to: "2026-01-01" })).toMatchObject({
      ok: false,
      error: { code: "validation_failed", message: "The range ends (2026-01-01) before it starts (2026-02-01)." },
    });
    expect(await actionResult(reviewOps.searchReviews, owner, { teamId, from: "2026-02-30" })).toMatchObject({ ok: false, error: { fieldErrors: { from: "From is not a day of the calendar." } } });
    expect(await actionResult(reviewOps.searchReviews, owner, { teamId, sort: "best" })).toMatchObject({ ok: false, error: { fieldErrors: { sort: "Sort is newest, oldest, lowest or highest." } } });
    const newest = await actionResult(reviewOps.searchReviews, owner, { teamId, project: small, limit: 2 });
    const cursor = newest.ok ? newest.data.nextCursor : null;
    expect(cursor).toBeTruthy();
    expect(await actionResult(reviewOps.searchReviews, owner, { teamId, project: small, sort: "lowest", cursor: cursor! })).toMatchObject({
      ok: false,
      error: { message: "That page link is no longer valid. Reload the reviews." },
    });
  });
});
