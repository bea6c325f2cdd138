// Builders for integration tests: real rows through the real data layer, unique per call.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { signUpUser } from "@/lib/data/users";
import type { Caller } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/permissions";

export const uniqueEmail = (label = "user") => `${label}-${randomBytes(5).toString("hex")}@example.test`;

export async function createOwner(label = "owner") {
  const email = uniqueEmail(label);
  const created = await signUpUser({ name: label, email, password: "correct horse battery staple", teamName: `${label} team` });
  return { ...created, email, projectId: created.projectId!, caller: { kind: "user", userId: created.userId } as Caller };
}

export async function addMember(teamId: string, role: Role, label: string = role) {
  const user = await db.user.create({ data: { email: uniqueEmail(label), name: label }, select: { id: true } });
  await db.teamMember.create({ data: { teamId, userId: user.id, role } });
  return { userId: user.id, caller: { kind: "user", userId: user.id } as Caller };
}

export async function createApp(teamId: string, projectId: string, overrides: Partial<{ name: string; bundleId: string; platform: "apple" | "android"; appleAppStoreId: bigint }> = {}) {
  return db.app.create({
    data: {
      teamId,
      projectId,
      name: overrides.name ?? "Weather",
      platform: overrides.platform ?? "apple",
      bundleId: overrides.bundleId ?? `com.example.app${randomBytes(3).toString("hex")}`,
      appleAppStoreId: overrides.appleAppStoreId,
    },
  });
}

/** A fingerprint of every table a refused call could have touched. */
export async function tenantSnapshot(teamId: string) {
  const [team, members, invites, projects, apps, audit, integrations, playConnections, reviews, runs] = await Promise.all([
    db.team.findUnique({ where: { id: teamId } }),
    db.teamMember.findMany({ where: { teamId }, orderBy: { userId: "asc" } }),
    db.teamInvite.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
    db.project.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
    db.app.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
    db.auditLog.count({ where: { teamId } }),
    db.integration.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
    db.googlePlayConnection.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
    db.appStoreReview.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
    db.syncRun.count({ where: { teamId } }),
  ]);
  return JSON.stringify({ team, members, invites, projects, apps, audit, integrations, playConnections, reviews, runs }, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}
