import type { ProjectAccess } from "@/lib/auth/access";
import type { PlayActor, PlayTarget } from "@/lib/data/google-play/connections";
import type { SyncTrigger } from "@/lib/sync/runs";

/** The pages that show a project's Google Play connection. */
export const playPaths = (projectId: string) => [`/dashboard/projects/${projectId}/integrations`, `/dashboard/projects/${projectId}`];

export const playTarget = (ctx: ProjectAccess): PlayTarget => ({ teamId: ctx.teamId, projectId: ctx.projectId });
export const playActor = (ctx: ProjectAccess): PlayActor => ({ actorUserId: ctx.actorUserId, caller: ctx.caller });
export const playTrigger = (ctx: ProjectAccess): SyncTrigger => (ctx.caller.kind === "apiKey" ? "api" : "manual");
