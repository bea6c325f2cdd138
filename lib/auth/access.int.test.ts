// Access knows how far it reaches: a team, a project, or an app (a review resolves to its app, a run to its project
// or team). Data functions state which they need; the `@ts-expect-error` lines below make `npm run typecheck` fail
// when the compiler stops refusing the wrong one.
import { beforeAll, describe, expect, it } from "vitest";
import { getIntegration } from "@/lib/data/integrations";
import { getProject, listProjects } from "@/lib/data/projects";
import { appCountryRatings } from "@/lib/data/ratings/app-country-ratings";
import { listMembers } from "@/lib/data/teams";
import { db } from "@/lib/db";
import { createSyncRun } from "@/lib/sync/runs";
import { createApp, createOwner } from "@/test/fixtures";
import { resolveAccess, type AppAccess, type ProjectAccess, type TeamAccess } from "./access";

let owner: Awaited<ReturnType<typeof createOwner>>;
let secondProjectId: string;
let appId: string;
let reviewId: string;

beforeAll(async () => {
  owner = await createOwner("levels");
  secondProjectId = (await db.project.create({ data: { teamId: owner.teamId, name: "Second" } })).id;
  appId = (await createApp(owner.teamId, secondProjectId)).id;
  reviewId = (
    await db.appStoreReview.create({
      data: { teamId: owner.teamId, projectId: secondProjectId, appId, externalId: "levels-1", rating: 4, body: "Fine", createdAtInStore: new Date("2026-01-01T00:00:00Z") },
    })
  ).id;
});

describe("resolveAccess", () => {
  it("answers the level of the target", async () => {
    expect(await resolveAccess(owner.caller, { teamId: owner.teamId }, null)).toMatchObject({ level: "team", teamId: owner.teamId });
    expect(await resolveAccess(owner.caller, { projectId: secondProjectId }, null)).toMatchObject({ level: "project", projectId: secondProjectId });
    expect(await resolveAccess(owner.caller, { appId }, null)).toMatchObject({ level: "app", projectId: secondProjectId, appId });
  });

  it("resolves a review to its app, and a run to its project or, without one, its team", async () => {
    expect(await resolveAccess(owner.caller, { reviewId }, null)).toMatchObject({ level: "app", projectId: secondProjectId, appId });
    const projectRun = await createSyncRun({ kind: "app_store_ratings_sync", scope: "project", trigger: "manual", teamId: owner.teamId, projectId: secondProjectId, status: "succeeded" });
    expect(await resolveAccess(owner.caller, { runId: projectRun.id }, null)).toMatchObject({ level: "project", projectId: secondProjectId });
    const teamRun = await createSyncRun({ kind: "app_store_ratings_sync", scope: "team", trigger: "manual", teamId: owner.teamId, projectId: null, status: "succeeded" });
    expect(await resolveAccess(owner.caller, { runId: teamRun.id }, null)).toMatchObject({ level: "team", teamId: owner.teamId });
  });

  it("a project's access reads that project, not the team's first one", async () => {
    const ctx = await resolveAccess(owner.caller, { projectId: secondProjectId }, null);
    expect((await getProject(ctx)).id).toBe(secondProjectId);
  });
});

// Never called: what matters is that it compiles exactly as annotated.
export function scopeTypes(team: TeamAccess, project: ProjectAccess, app: AppAccess) {
  void getProject(project);
  void getProject(app); // an app lies in a project
  void getIntegration(app);
  void appCountryRatings(app);
  void listMembers(team);
  void listProjects(team);
  // @ts-expect-error a team's access names no project: getProject cannot pick one
  void getProject(team);
  // @ts-expect-error a project's access reaches no further than the project (a key limited to it must not list the team)
  void listMembers(project);
  // @ts-expect-error an app's figures need an app's access
  void appCountryRatings(project);
  // @ts-expect-error neither does a team's
  void appCountryRatings(team);
}
