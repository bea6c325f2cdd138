import { beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { addMember, createApp, createOwner } from "@/test/fixtures";
import { actionResult, type ActionResult } from "@/lib/operations/adapters/server-action";
import type { ReviewPage } from "@/lib/data/reviews";
import * as reviewOps from "@/lib/operations/reviews";

let teamId: string;
let projectId: string;
let appA: string;
let appB: string;
let member: Caller;
let outsider: Caller;
const ids: Record<string, string> = {};

const seed = [
  { key: "ads", app: "A", rating: 1, title: "Too many ads", body: "The ads cover the forecast", nick: "Rainy Rita", cc: "us", reply: null },
  { key: "dark", app: "A", rating: 5, title: "Dark mode!", body: "Dark mode looks great on OLED", nick: "night_owl", cc: "de", reply: "Thanks!" },
  { key: "crash", app: "A", rating: 2, title: null, body: "Crashes when I open the radar map", nick: "Bob", cc: "gb", reply: null },
  { key: "kanji", app: "B", rating: 4, title: "便利", body: "天気 アプリ とても 便利", nick: "たろう", cc: "jp", reply: "ありがとう" },
  { key: "radar", app: "B", rating: 3, title: "Radar", body: "Radar map is slow but accurate", nick: "rita_b", cc: "us", reply: null },
];

beforeAll(async () => {
  const owner = await createOwner("search");
  teamId = owner.teamId;
  projectId = owner.projectId;
  appA = (await createApp(teamId, projectId, { name: "Weather" })).id;
  appB = (await createApp(teamId, projectId, { name: "Radar" })).id;
  member = (await addMember(teamId, "member")).caller;
  outsider = (await createOwner("outsider")).caller;
  for (const [i, r] of seed.entries()) {
    const row = await db.appStoreReview.create({
      data: {
        teamId, projectId, appId: r.app === "A" ? appA : appB, externalId: `ext-${r.key}`, rating: r.rating, title: r.title, body: r.body,
        reviewerNickname: r.nick, countryCode: r.cc, createdAtInStore: new Date(Date.UTC(2026, 0, 10 - i)),
        ...(r.reply ? { developerResponse: r.reply, developerResponseId: `resp-${r.key}`, developerResponseState: "PUBLISHED" as const } : {}),
      },
    });
    ids[r.key] = row.id;
  }
  // Many more rows (same instant, so the id breaks ties) to page through.
  await db.$executeRaw`
    INSERT INTO app_store_reviews (team_id, project_id, app_id, external_id, rating, body, reviewer_nickname, created_at_in_store)
    SELECT ${teamId}::uuid, ${projectId}::uuid, ${appA}::uuid, 'bulk-' || g, 1 + g % 5, 'filler text number ' || g, 'filler', '2025-06-01T00:00:00Z'::timestamptz
    FROM generate_series(1, 95) g`;
});

async function keys(filters: Record<string, unknown>, caller: Caller = member) {
  const result = await actionResult(reviewOps.searchReviews, caller, { teamId, ...filters });
  if (!result.ok) throw new Error(result.error.message);
  return result.data.items.filter((i) => !i.body.startsWith("filler")).map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0]);
}

describe("reviews search", () => {
  it("full text: words, phrases, exclusions, any language", async () => {
    expect(await keys({ q: "radar" })).toEqual(["crash", "radar"]);
    expect(await keys({ q: '"radar map" -slow' })).toEqual(["crash"]);
    expect(await keys({ q: "dark OLED" })).toEqual(["dark"]);
    expect(await keys({ q: "便利" })).toEqual(["kanji"]);
    expect(await keys({ q: "-" })).toHaveLength(5); // nothing searchable: the filter is ignored
  });

  it("filters by app, rating (exact and range), country, reply and nickname", async () => {
    expect(await keys({ app: appB })).toEqual(["kanji", "radar"]);
    expect(await keys({ rating: "1-2" })).toEqual(["ads", "crash"]);
    expect(await keys({ rating: "5" })).toEqual(["dark"]);
    expect(await keys({ country: "US" })).toEqual(["ads", "radar"]);
    expect(await keys({ response: "yes" })).toEqual(["dark", "kanji"]);
    expect(await keys({ nickname: "rita" })).toEqual(["ads", "radar"]);
    expect(await keys({ nickname: "50%" })).toEqual([]);
  });

  it("counts matches and pages with a keyset cursor past 100 without gaps or repeats", async () => {
    const inProject = await actionResult(reviewOps.searchReviews, member, { teamId, project: projectId });
    expect(inProject.ok && inProject.data.total).toEqual({ count: 100, capped: false });
    const radar = await actionResult(reviewOps.searchReviews, member, { teamId, q: "radar" });
    expect(radar.ok && radar.data.total).toEqual({ count: 2, capped: false });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ActionResult<ReviewPage> = await actionResult(reviewOps.searchReviews, member, { teamId, project: projectId, cursor: cursor ?? undefined });
      if (!page.ok) throw new Error(page.error.message);
      seen.push(...page.data.items.map((i) => i.id));
      cursor = page.data.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(100);
    expect(new Set(seen).size).toBe(100);
    expect(seen.slice(0, 2)).toEqual([ids.ads, ids.dark]);
  });

  it("opens one review by id (deep link) with its reply and whether the caller may reply", async () => {
    const result = await actionResult(reviewOps.getReview, member, { reviewId: ids.kanji });
    expect(result).toMatchObject({ ok: true, data: { canReply: false, review: { appName: "Radar", countryCode: "jp", reply: { body: "ありがとう", byUserName: null } } } });
  });

  it("another team's user gets not found and sees nothing", async () => {
    expect(await actionResult(reviewOps.searchReviews, outsider, { teamId, q: "radar" })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await actionResult(reviewOps.searchReviews, outsider, { teamId, project: projectId })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await actionResult(reviewOps.searchReviews, outsider, { teamId, app: appA })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await actionResult(reviewOps.getReview, outsider, { reviewId: ids.ads })).toMatchObject({ ok: false, error: { code: "not_found" } });
    // Their own team, filtered by our project id: the project scope refuses rather than leaking rows.
    const own = (outsider as { userId: string }).userId;
    const theirTeam = (await db.teamMember.findFirstOrThrow({ where: { userId: own } })).teamId;
    expect(await actionResult(reviewOps.searchReviews, outsider, { teamId: theirTeam, project: projectId })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("an agent key limited to another project sees none of these reviews", async () => {
    const other = await db.project.create({ data: { teamId, name: "Other" } });
    const key: Caller = { kind: "apiKey", apiKeyId: "00000000-0000-4000-8000-000000000001", teamId, projectId: other.id, permissions: ["reviews:read"] };
    expect(await actionResult(reviewOps.searchReviews, key, { teamId, project: other.id })).toMatchObject({ ok: true, data: { items: [] } });
    expect(await actionResult(reviewOps.searchReviews, key, { teamId, project: projectId })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await actionResult(reviewOps.getReview, key, { reviewId: ids.ads })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});
