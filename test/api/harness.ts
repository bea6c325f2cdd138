// Test harness for /api/v1: real route handlers called with NextRequest, real agent keys, a world wired to
// the Apple simulator (reviews ingested by the real sync).
import { NextRequest } from "next/server";
import { type RunningAppleSim } from "@/tools/apple-sim";
import { resolveAccess, type Caller } from "@/lib/auth/access";
import { createAgentKey, type AgentKeyPermission } from "@/lib/data/agent-keys";
import { db } from "@/lib/db";
import { createReviewsWorld, reviewsScenario, startReviewsSim, type ReviewsWorld } from "@/test/reviews-world";
import { syncProjectReviews } from "@/lib/sync/reviews/sync-project";
import { inlineSteps } from "@/lib/sync/steps";
import { tenantSnapshot } from "@/test/fixtures";

export type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  key?: string | null;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function callRoute(handler: RouteHandler, path: string, o: CallOptions = {}) {
  const url = new URL(`http://starboard.test/api/v1${path}`);
  for (const [k, v] of Object.entries(o.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (o.key) headers.authorization = `Bearer ${o.key}`;
  if (o.body !== undefined) headers["content-type"] = "application/json";
  const request = new NextRequest(url, { method: o.method ?? "GET", headers, body: o.body === undefined ? undefined : typeof o.body === "string" ? o.body : JSON.stringify(o.body) });
  const response = await handler(request, { params: Promise.resolve(o.params ?? {}) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers };
}

export async function agentKeyFor(teamId: string, owner: Caller, options: { projectId?: string | null; permissions?: AgentKeyPermission[]; revoked?: boolean } = {}) {
  const ctx = await resolveAccess(owner, { teamId }, "team:admin");
  const { key, agentKey } = await createAgentKey(ctx, { name: "test key", projectId: options.projectId ?? null, permissions: options.permissions ?? ["reviews:read"] });
  if (options.revoked) await db.apiKey.update({ where: { id: agentKey.id }, data: { revokedAt: new Date() } });
  return { key, id: agentKey.id };
}

export const API_SCENARIO = reviewsScenario({
  apps: [
    { trackId: 1001, bundleId: "com.example.weather", name: "Weather", ascAppId: "1001", storefronts: { us: { averageRating: 4.5, ratingCount: 120 }, gb: { averageRating: 4.1, ratingCount: 30 } } },
    { trackId: 1002, bundleId: "com.example.notes", name: "Notes", ascAppId: "1002", storefronts: { de: { averageRating: 3.9, ratingCount: 40 } } },
  ],
  reviews: {
    "1001": [
      { id: "r-crash", territory: "USA", rating: 1, title: "Crash", body: "Crashes on launch", nickname: "ann", createdDate: "2026-02-03T00:00:00Z" },
      { id: "r-love", territory: "GBR", rating: 5, body: "Love the radar", nickname: "bob", createdDate: "2026-02-02T00:00:00Z", response: { id: "resp-love", body: "Thank you!", state: "PUBLISHED" } },
    ],
    "1002": [{ id: "r-notes", territory: "DEU", rating: 3, body: "Okay notes", nickname: "cem", createdDate: "2026-01-15T00:00:00Z" }],
  },
});

/** The simulator of API_SCENARIO; a test file points the app at it with useConfig(() => appleSimConfig(apple)). */
export async function startApiSim(): Promise<RunningAppleSim> {
  return startReviewsSim(API_SCENARIO);
}

export interface ApiWorld extends ReviewsWorld {
  otherProjectId: string;
  reviews: Record<"crash" | "love" | "notes", string>;
}

/** A team with two projects: the first holds the simulator's apps, integration and synced reviews. */
export async function createApiWorld(): Promise<ApiWorld> {
  const w = await createReviewsWorld();
  await syncProjectReviews({ projectId: w.projectId, trigger: "manual", steps: inlineSteps });
  const other = await db.project.create({ data: { teamId: w.teamId, name: "Other project" } });
  const id = async (externalId: string) => (await db.appStoreReview.findFirstOrThrow({ where: { projectId: w.projectId, externalId } })).id;
  return { ...w, otherProjectId: other.id, reviews: { crash: await id("r-crash"), love: await id("r-love"), notes: await id("r-notes") } };
}

/** Everything a refused API call could have changed, including what was sent to Apple. */
export async function apiSnapshot(teamId: string, apple: RunningAppleSim) {
  const [tenant, reviews, runs, integrations, keys] = await Promise.all([
    tenantSnapshot(teamId),
    db.appStoreReview.findMany({ where: { teamId }, orderBy: { id: "asc" }, select: { id: true, developerResponse: true, developerResponseId: true, respondedByUserId: true, updatedAt: true } }),
    db.syncRun.count({ where: { teamId } }),
    db.integration.findMany({ where: { teamId }, orderBy: { id: "asc" }, select: { id: true, projectId: true, keyId: true, updatedAt: true, lastTestedAt: true } }),
    db.apiKey.findMany({ where: { teamId }, orderBy: { id: "asc" }, select: { id: true, revokedAt: true, permissions: true } }),
  ]);
  return JSON.stringify({ tenant, reviews, runs, integrations, keys, appleCalls: apple.sim.counters.total });
}
