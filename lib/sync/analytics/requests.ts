import "server-only";
// One ONGOING report request per app (apple-reports.md §2.3, §2.11 step 1): reuse the one Apple lists; create one
// when there is none or Apple stopped it for inactivity (P12); a 409 means it exists: list again and reuse, never
// POST twice in a run. The ONE_TIME_SNAPSHOT for history is asked for at most once a day until Apple shows it: a
// 409 with an empty list, or an id that later answers 404, is "pending" (P3, the ghost snapshot) — never a loop.
import type { AnalyticsClient, AnalyticsRequest } from "@/lib/apple/asc/analytics";
import { AscError, AscForbiddenError } from "@/lib/apple/asc/errors";
import { db } from "@/lib/db";

export const SNAPSHOT_RETRY_MS = 24 * 3_600_000;

export interface AppTarget {
  appId: string;
  appleId: string;
  name: string;
  teamId: string;
  projectId: string;
}

export interface EnsuredRequests {
  /** The requests whose reports are read: the ONGOING one, any stopped one (what exists is still read) and a listed snapshot. */
  read: AnalyticsRequest[];
  ongoingPosts: number;
  snapshotPosts: number;
  created: boolean;
  recreated: boolean;
  adminMissing: boolean;
  snapshotState: "none" | "requested" | "pending" | "refused";
  notes: string[];
}

const ADMIN_NEEDED = (app: string) =>
  `Creating the analytics report request for ${app} needs an App Store Connect key with the Admin role (Users and Access → Integrations); Starboard reads the reports of the requests that already exist.`;

export async function ensureRequests(client: AnalyticsClient, app: AppTarget, now: Date, wantSnapshot: boolean): Promise<EnsuredRequests> {
  const state = await db.analyticsRequestState.findUnique({ where: { appId: app.appId } });
  const out: EnsuredRequests = { read: [], ongoingPosts: 0, snapshotPosts: 0, created: false, recreated: false, adminMissing: false, snapshotState: state?.snapshotState ?? "none", notes: [] };
  let listed = await client.listRequests(app.appleId);
  const stopped = listed.filter((r) => r.accessType === "ONGOING" && r.stoppedDueToInactivity);
  let ongoing = listed.find((r) => r.accessType === "ONGOING" && !r.stoppedDueToInactivity) ?? null;
  let lastError: string | null = null;

  if (!ongoing) {
    try {
      out.ongoingPosts++;
      const created = await client.createRequest(app.appleId, "ONGOING");
      if (created.kind === "created") ongoing = created.request;
      else {
        listed = await client.listRequests(app.appleId);
        ongoing = listed.find((r) => r.accessType === "ONGOING" && !r.stoppedDueToInactivity) ?? null;
        if (!ongoing) out.notes.push(`${app.name}: Apple answered that an ongoing report request exists (409) but lists none; Starboard asks again on the next run.`);
      }
      if (ongoing && created.kind === "created") {
        out.created = true;
        if (stopped.length > 0) {
          out.recreated = true;
          out.notes.push(`${app.name}: Apple stopped the analytics report request for inactivity; Starboard created a new one (reports resume in 1–2 days; dates in between may be missing).`);
        }
      }
    } catch (error) {
      if (!(error instanceof AscForbiddenError)) throw error;
      out.adminMissing = true;
      lastError = `${ADMIN_NEEDED(app.name)} Apple answered: ${error.message}`;
      out.notes.push(lastError);
    }
  }

  // The snapshot: read it when Apple lists it; otherwise ask at most once a day.
  let snapshot = listed.find((r) => r.accessType === "ONE_TIME_SNAPSHOT") ?? null;
  let snapshotId = state?.snapshotRequestId ?? null;
  let snapshotState = out.snapshotState;
  let requestedAt = state?.snapshotRequestedAt ?? null;
  let lastAttempt = state?.snapshotLastAttemptAt ?? null;
  if (snapshot) {
    snapshotState = "requested";
    snapshotId = snapshot.id;
  } else if (wantSnapshot) {
    if (snapshotState === "requested" && snapshotId && !(await client.getRequest(snapshotId))) {
      snapshotState = "pending";
      out.notes.push(`${app.name}: the history snapshot Apple gave the id ${snapshotId} is not found (404); it is asked for again at most once a day.`);
    }
    const due = snapshotState !== "requested" && (lastAttempt === null || now.getTime() - lastAttempt.getTime() >= SNAPSHOT_RETRY_MS);
    if (due) {
      lastAttempt = now;
      out.snapshotPosts++;
      try {
        const created = await client.createRequest(app.appleId, "ONE_TIME_SNAPSHOT");
        if (created.kind === "created") {
          snapshot = created.request;
          snapshotId = created.request.id;
          snapshotState = "requested";
          requestedAt = now;
        } else {
          snapshot = (await client.listRequests(app.appleId, "ONE_TIME_SNAPSHOT"))[0] ?? null;
          snapshotState = snapshot ? "requested" : "pending";
          if (snapshot) snapshotId = snapshot.id;
          else out.notes.push(`${app.name}: Apple refuses a new history snapshot (409: one exists) but lists none; it is asked for again tomorrow.`);
        }
      } catch (error) {
        if (!(error instanceof AscForbiddenError)) throw error;
        snapshotState = "refused";
        if (!out.adminMissing) out.notes.push(ADMIN_NEEDED(app.name));
      }
    }
  }
  out.snapshotState = snapshotState;

  const read = [ongoing, ...stopped, snapshot].filter((r): r is AnalyticsRequest => r !== null);
  out.read = [...new Map(read.map((r) => [r.id, r])).values()];

  const values = {
    ongoingRequestId: ongoing?.id ?? state?.ongoingRequestId ?? null,
    ongoingStopped: !ongoing && stopped.length > 0,
    ongoingCreatedAt: out.created ? now : (state?.ongoingCreatedAt ?? null),
    snapshotRequestId: snapshotId,
    snapshotState,
    snapshotRequestedAt: requestedAt,
    snapshotLastAttemptAt: lastAttempt,
    lastError,
  };
  // Written only when something changed: an unchanged re-sync rewrites no row.
  const changed = !state || Object.entries(values).some(([k, v]) => String((state as Record<string, unknown>)[k] ?? null) !== String(v ?? null));
  if (changed) {
    await db.analyticsRequestState.upsert({
      where: { appId: app.appId },
      create: { appId: app.appId, teamId: app.teamId, projectId: app.projectId, ...values },
      update: { ...values, updatedAt: now },
    });
  }
  return out;
}

/** The answer Apple gave, for a run's note. */
export function describeAppleError(error: unknown): { status: string; code: string | null; detail: string } {
  if (error instanceof AscError) return { status: error.status === null ? "network" : String(error.status), code: error.code, detail: `${error.message} — ${error.hint}` };
  return { status: "error", code: null, detail: (error as Error).message };
}
