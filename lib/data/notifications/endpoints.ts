import "server-only";
// Per-project Slack incoming webhooks and signed generic webhooks, managed by owners and admins. URLs and
// secrets are sealed at rest; a webhook's secret is returned once, when created or rotated.
import { randomUUID } from "node:crypto";
import type { ProjectAccess } from "@/lib/auth/access";
import { sealSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { EndpointAddressError, checkEndpointUrl } from "@/lib/notifications/channels/address-policy";
import { sendToEndpoint } from "@/lib/notifications/channels/endpoints";
import type { DeliveryPayload } from "@/lib/notifications/payload";
import { endpointAad } from "@/lib/notifications/secrets";
import { generateWebhookSecret } from "@/lib/notifications/signature";
import type { EndpointKind, NotificationType } from "@/lib/notifications/types";

export interface EndpointView {
  id: string;
  kind: EndpointKind;
  name: string;
  urlHint: string;
  eventTypes: NotificationType[];
  enabled: boolean;
  consecutiveFailures: number;
  disabledReason: string | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastError: string | null;
  createdAt: string;
}

type Row = Awaited<ReturnType<typeof db.notificationEndpoint.findFirstOrThrow>>;

function toView(e: Row): EndpointView {
  return {
    id: e.id,
    kind: e.kind as EndpointKind,
    name: e.name,
    urlHint: e.urlHint,
    eventTypes: e.eventTypes as NotificationType[],
    enabled: e.enabled,
    consecutiveFailures: e.consecutiveFailures,
    disabledReason: e.disabledReason,
    lastSuccessAt: e.lastSuccessAt?.toISOString() ?? null,
    lastFailureAt: e.lastFailureAt?.toISOString() ?? null,
    lastError: e.lastError,
    createdAt: e.createdAt.toISOString(),
  };
}

/** Enough of the URL to recognise it, without the token Slack puts in the path. */
export function urlHint(raw: string): string {
  const url = new URL(raw);
  const tail = url.pathname.replace(/\/+$/, "").slice(-4);
  return `${url.protocol}//${url.host}/…${tail}`;
}

function projectOf(ctx: ProjectAccess): { teamId: string; projectId: string } {
  return { teamId: ctx.teamId, projectId: ctx.projectId };
}

async function find(ctx: ProjectAccess, endpointId: string): Promise<Row> {
  const row = await db.notificationEndpoint.findFirst({ where: { id: endpointId, ...projectOf(ctx) } });
  if (!row) throw new NotFoundError("Notification endpoint");
  return row;
}

export async function listEndpoints(ctx: ProjectAccess): Promise<EndpointView[]> {
  const rows = await db.notificationEndpoint.findMany({ where: projectOf(ctx), orderBy: { createdAt: "asc" } });
  return rows.map(toView);
}

export async function createEndpoint(
  ctx: ProjectAccess,
  input: { kind: EndpointKind; name: string; url: string; eventTypes: NotificationType[] },
): Promise<{ endpoint: EndpointView; secret: string | null }> {
  // Checked again, freshly resolved, on every send: a name may point elsewhere later.
  try {
    await checkEndpointUrl(input.url);
  } catch (error) {
    if (error instanceof EndpointAddressError) throw new ValidationError(error.message, { url: error.message });
    throw error;
  }
  const id = randomUUID();
  const secret = input.kind === "webhook" ? generateWebhookSecret() : null;
  const row = await db.notificationEndpoint.create({
    data: {
      id,
      ...projectOf(ctx),
      kind: input.kind,
      name: input.name,
      urlSealed: sealSecret(input.url, endpointAad(id, "url")),
      urlHint: urlHint(input.url),
      secretSealed: secret ? sealSecret(secret, endpointAad(id, "secret")) : null,
      eventTypes: input.eventTypes,
      createdByUserId: ctx.actorUserId,
    },
  });
  return { endpoint: toView(row), secret };
}

export async function updateEndpoint(ctx: ProjectAccess, input: { endpointId: string; name?: string; eventTypes?: NotificationType[]; enabled?: boolean }): Promise<EndpointView> {
  const row = await find(ctx, input.endpointId);
  const reenabling = input.enabled === true && !row.enabled;
  const updated = await db.notificationEndpoint.update({
    where: { id: row.id },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.eventTypes !== undefined ? { eventTypes: input.eventTypes } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      // Turning it back on starts the failure count afresh.
      ...(reenabling ? { consecutiveFailures: 0, disabledAt: null, disabledReason: null } : {}),
      ...(input.enabled === false ? { disabledAt: new Date(), disabledReason: "Turned off by an admin." } : {}),
    },
  });
  return toView(updated);
}

export async function rotateEndpointSecret(ctx: ProjectAccess, endpointId: string): Promise<{ secret: string }> {
  const row = await find(ctx, endpointId);
  if (row.kind !== "webhook") throw new NotFoundError("Webhook");
  const secret = generateWebhookSecret();
  await db.notificationEndpoint.update({ where: { id: row.id }, data: { secretSealed: sealSecret(secret, endpointAad(row.id, "secret")) } });
  return { secret };
}

export async function deleteEndpoint(ctx: ProjectAccess, endpointId: string): Promise<{ id: string }> {
  const row = await find(ctx, endpointId);
  await db.notificationEndpoint.delete({ where: { id: row.id } });
  return { id: row.id };
}

/** Sends one sample message now and reports how it went: the receiver's status, never its body (not counted as a failure). */
export async function sendTestMessage(ctx: ProjectAccess, endpointId: string): Promise<{ ok: boolean; error: string | null }> {
  const row = await find(ctx, endpointId);
  const [team, project] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: row.teamId }, select: { id: true, name: true } }),
    db.project.findUniqueOrThrow({ where: { id: row.projectId }, select: { id: true, name: true } }),
  ]);
  const payload: DeliveryPayload = {
    id: `test:${randomUUID()}`,
    type: "app.review_new",
    occurredAt: new Date().toISOString(),
    title: "Test message from Starboard",
    body: `If you can read this, ${row.kind === "slack" ? "this Slack channel" : "this webhook"} will receive ${project.name}'s notifications.`,
    link: `/dashboard/projects/${project.id}/notifications`,
    team,
    project,
    app: null,
    syncRunId: null,
    data: { test: true },
  };
  try {
    await sendToEndpoint(row, payload, payload.id);
    return { ok: true, error: null };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

export interface DeliveryView {
  id: string;
  channel: string;
  endpointName: string | null;
  eventType: string;
  title: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

/** The project's recent Slack and webhook deliveries, newest first. */
export async function recentEndpointDeliveries(ctx: ProjectAccess, limit = 20): Promise<DeliveryView[]> {
  const scope = projectOf(ctx);
  const [rows, endpoints] = await Promise.all([
    db.notificationDelivery.findMany({ where: { ...scope, channel: { in: ["slack", "webhook"] } }, orderBy: { createdAt: "desc" }, take: limit }),
    db.notificationEndpoint.findMany({ where: scope, select: { id: true, name: true } }),
  ]);
  const names = new Map(endpoints.map((e) => [e.id, e.name]));
  return rows.map((d) => ({
    id: d.id,
    channel: d.channel,
    endpointName: d.endpointId ? (names.get(d.endpointId) ?? null) : null,
    eventType: d.eventType,
    title: String((d.payload as { title?: unknown }).title ?? ""),
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
  }));
}
