import "server-only";
import type { ProjectAccess } from "@/lib/auth/access";
import { db, Prisma } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { P8_MISSING_MESSAGE } from "@/lib/validation";
import { writeAudit } from "../audit";
import { loadIntegration, sealPrivateKey } from "./credentials";
import { integrationViewSelect, toIntegrationView, type IntegrationView } from "./view";

export interface IntegrationInput {
  keyType: "team" | "individual";
  issuerId?: string | null;
  keyId: string;
  /** PEM text of the .p8, already checked (validateP8); optional on update (the stored key is kept). */
  privateKeyPem?: string | null;
  /** Digits, or null to remove it; undefined keeps the stored one. */
  vendorNumber?: string | null;
}

export async function getIntegration(ctx: Pick<ProjectAccess, "teamId" | "projectId">): Promise<IntegrationView | null> {
  const row = await db.integration.findFirst({ where: { projectId: ctx.projectId, teamId: ctx.teamId }, select: integrationViewSelect });
  return row ? toIntegrationView(row) : null;
}

/** Creates or updates the project's integration; the .p8 is stored encrypted. */
export async function saveIntegration(ctx: ProjectAccess, input: IntegrationInput): Promise<IntegrationView> {
  const projectId = ctx.projectId;
  const issuerId = input.keyType === "team" ? (input.issuerId ?? null) : null;
  if (input.keyType === "team" && !issuerId) {
    throw new ValidationError("A team key needs its Issuer ID (App Store Connect → Users and Access → Integrations).", { issuerId: "Issuer ID is required for team keys." });
  }
  const existing = await db.integration.findFirst({
    where: { projectId, teamId: ctx.teamId },
    select: { id: true, keyType: true, issuerId: true, keyId: true, vendorNumber: true, lastTestResult: true },
  });
  const pem = input.privateKeyPem ?? null;
  if (!existing && !pem) throw new ValidationError("Add the .p8 private key file.", { privateKey: P8_MISSING_MESSAGE });
  const data = {
    keyType: input.keyType,
    issuerId,
    keyId: input.keyId,
    ...(pem ? { privateKeyCiphertext: sealPrivateKey(projectId, pem) } : {}),
    ...(input.vendorNumber !== undefined ? { vendorNumber: input.vendorNumber } : {}),
  };
  const keyChanged = !existing || Boolean(pem) || existing.keyType !== input.keyType || existing.issuerId !== issuerId || existing.keyId !== input.keyId;
  const vendorChanged = input.vendorNumber !== undefined && input.vendorNumber !== (existing?.vendorNumber ?? null);
  // What the earlier test found no longer describes a new key; a new vendor number only voids its report checks.
  const lastTest = keyChanged
    ? { lastTestedAt: null, lastTestOk: null, lastTestResult: Prisma.DbNull }
    : vendorChanged && existing?.lastTestResult
      ? { lastTestResult: { ...(existing.lastTestResult as object), reports: null } }
      : {};
  const row = existing
    ? await db.integration.update({ where: { id: existing.id }, data: { ...data, ...lastTest }, select: integrationViewSelect })
    : await db.integration.create({
        data: { ...data, teamId: ctx.teamId, projectId, privateKeyCiphertext: sealPrivateKey(projectId, pem!), createdByUserId: ctx.actorUserId },
        select: integrationViewSelect,
      });
  await writeAudit(ctx, {
    action: existing ? "integration.updated" : "integration.created",
    targetType: "integration",
    targetId: row.id,
    metadata: { keyId: input.keyId, keyType: input.keyType, keyReplaced: Boolean(pem), ...(vendorChanged ? { vendorNumber: input.vendorNumber ?? null } : {}) },
  });
  return toIntegrationView(row);
}

export async function setIntegrationEnabled(ctx: ProjectAccess, enabled: boolean): Promise<IntegrationView> {
  const existing = await db.integration.findFirst({ where: { projectId: ctx.projectId, teamId: ctx.teamId }, select: { id: true } });
  if (!existing) throw new NotFoundError("App Store Connect integration");
  const row = await db.integration.update({ where: { id: existing.id }, data: { enabled }, select: integrationViewSelect });
  await writeAudit(ctx, { action: enabled ? "integration.enabled" : "integration.disabled", targetType: "integration", targetId: row.id });
  return toIntegrationView(row);
}

export async function removeIntegration(ctx: ProjectAccess): Promise<{ removed: true }> {
  const existing = await db.integration.findFirst({ where: { projectId: ctx.projectId, teamId: ctx.teamId }, select: { id: true, keyId: true } });
  if (!existing) throw new NotFoundError("App Store Connect integration");
  await db.integration.delete({ where: { id: existing.id } });
  await writeAudit(ctx, { action: "integration.removed", targetType: "integration", targetId: existing.id, metadata: { keyId: existing.keyId } });
  return { removed: true };
}

/** Copies another project's credentials (same team only) into this project. */
export async function copyIntegrationFrom(ctx: ProjectAccess, sourceProjectId: string): Promise<IntegrationView> {
  if (sourceProjectId === ctx.projectId) throw new ConflictError("Choose another project to copy from.");
  // Tenant check: the source must belong to the caller's team; another team's project is simply not found.
  const source = await loadIntegration(sourceProjectId, ctx.teamId);
  if (!source) throw new NotFoundError("That project's App Store Connect integration");
  const { credentials } = source;
  // The key's developer team has one vendor number: it comes along unless this project already has one.
  const vendor = await db.integration.findFirst({ where: { projectId: sourceProjectId, teamId: ctx.teamId }, select: { vendorNumber: true } });
  const own = await db.integration.findFirst({ where: { projectId: ctx.projectId, teamId: ctx.teamId }, select: { vendorNumber: true } });
  const integration = await saveIntegration(ctx, {
    keyType: credentials.keyType,
    issuerId: credentials.issuerId,
    keyId: credentials.keyId,
    privateKeyPem: credentials.privateKeyPem,
    ...(own?.vendorNumber ? {} : { vendorNumber: vendor?.vendorNumber ?? null }),
  });
  await writeAudit(ctx, { action: "integration.copied", targetType: "integration", metadata: { fromProjectId: sourceProjectId, keyId: credentials.keyId } });
  return integration;
}

/** Other projects of the team with an integration (the "Copy from" choices). */
export async function listCopySources(ctx: Pick<ProjectAccess, "teamId" | "projectId">) {
  const rows = await db.integration.findMany({
    where: { teamId: ctx.teamId, projectId: { not: ctx.projectId } },
    select: { projectId: true, keyId: true, keyType: true, project: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ projectId: r.projectId, projectName: r.project.name, keyId: r.keyId, keyType: r.keyType }));
}
