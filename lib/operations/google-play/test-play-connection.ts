import "server-only";
import { z } from "zod";
// "Test connection": a token with the key, one reviews.list per Android app, a listing of the reports bucket. Each
// step's refusal is a result to show (Google's status, reason and message, and a hint), not an exception.
import { recordPlayConnectionTest, type PlayTarget } from "@/lib/data/google-play/connections";
import { loadPlayConnection } from "@/lib/data/google-play/credentials";
import type { PlayConnectionTest, PlayTestStep } from "@/lib/data/google-play/view";
import { listProjectAndroidApps } from "@/lib/data/google-play/replies";
import { NotFoundError, type UpstreamDetails } from "@/lib/errors";
import { createGoogleClients, type GoogleClientsConfig } from "@/lib/google/clients";
import { googleConfig } from "@/lib/google/config";
import { googleDetails } from "@/lib/google/describe";
import { GoogleError } from "@/lib/google/errors";
import { parseReportObjectName } from "@/lib/google/reports/object-names";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { playPaths, playTarget } from "./play-paths";

const NOT_TRIED: PlayTestStep = { ok: false, error: null };

async function attempt<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: UpstreamDetails }> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    if (!(error instanceof GoogleError)) throw error;
    return { ok: false, error: googleDetails(error) };
  }
}

export async function runPlayConnectionTest(target: PlayTarget, config: GoogleClientsConfig = googleConfig()): Promise<PlayConnectionTest> {
  const connection = await loadPlayConnection(target.projectId, target.teamId);
  if (!connection) throw new NotFoundError("Google Play connection");
  const apps = await listProjectAndroidApps(target);
  const testedAt = new Date().toISOString();
  // A test answers within seconds: one retry, a short wait on quotas.
  const clients = createGoogleClients(connection.key, config, { maxRetries: 1, maxQuotaWaitMs: 5_000 });

  const token = await attempt(() => clients.tokens.get());
  const tokenStep: PlayTestStep = token.ok ? { ok: true, error: null } : { ok: false, error: token.error };
  const appSteps: PlayConnectionTest["apps"] = [];
  for (const app of apps) {
    if (!token.ok) {
      appSteps.push({ appId: app.id, name: app.name, packageName: app.bundleId, recentReviews: null, ...NOT_TRIED });
      continue;
    }
    if (!app.bundleId) {
      const error = { service: "Starboard", status: null, code: null, detail: "The app has no package name.", hint: "Edit the Android app and enter its package name (e.g. com.example.app)." };
      appSteps.push({ appId: app.id, name: app.name, packageName: null, recentReviews: null, ok: false, error });
      continue;
    }
    const listed = await attempt(async () => {
      for await (const page of clients.play.listReviews(app.bundleId!, { maxResults: 100 })) return page.reviews.length;
      return 0;
    });
    appSteps.push({ appId: app.id, name: app.name, packageName: app.bundleId, recentReviews: listed.ok ? listed.value : null, ok: listed.ok, error: listed.ok ? null : listed.error });
  }

  let bucket: PlayConnectionTest["bucket"] = null;
  if (connection.reportsBucket) {
    const name = connection.reportsBucket;
    if (!token.ok) bucket = { bucket: name, reviewFiles: null, ratingsFiles: null, ...NOT_TRIED };
    else {
      const packages = apps.flatMap((a) => (a.bundleId ? [a.bundleId] : []));
      const count = (objects: { name: string }[]) => objects.filter((o) => packages.some((p) => parseReportObjectName(o.name, p))).length;
      const listed = await attempt(async () => ({
        reviewFiles: count(await clients.storage.listObjects(name, "reviews/")),
        ratingsFiles: count(await clients.storage.listObjects(name, "stats/ratings/")),
      }));
      bucket = listed.ok ? { bucket: name, ...listed.value, ok: true, error: null } : { bucket: name, reviewFiles: null, ratingsFiles: null, ok: false, error: listed.error };
    }
  }

  const steps: PlayTestStep[] = [tokenStep, ...appSteps, ...(bucket ? [bucket] : [])];
  const result: PlayConnectionTest = {
    ok: steps.every((s) => s.ok),
    testedAt,
    token: tokenStep,
    apps: appSteps,
    bucket,
    error: steps.find((s) => s.error)?.error ?? null,
  };
  await recordPlayConnectionTest(connection.id, result);
  return result;
}

export const testPlayConnection = defineOperation({
  input: z.object({ projectId: idSchema }),
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: (ctx) => runPlayConnectionTest(playTarget(ctx)),
  revalidate: (i) => playPaths(i.projectId),
});
