// The MCP tools: each one REST call (or two) through the shared client; input schemas are the endpoints' zod.
import { z } from "zod";
import { describeApiError, type StarboardClient } from "@/lib/api/client";
import { inputSchemaOf } from "@/lib/api/v1/endpoint";
import {
  copyAscIntegration,
  deleteReviewResponse,
  getReview,
  getRun,
  listApps,
  listReviews,
  putReviewResponse,
  syncAscIntegration,
} from "@/lib/api/v1/endpoints";
import { copyPlayIntegration, syncPlayIntegration } from "@/lib/api/v1/google-play-endpoints";
import { appRatings, projectRatingsByCountry, syncRatings } from "@/lib/api/v1/ratings-endpoints";
import { appParams, projectParams } from "@/lib/api/v1/schemas/apps";
import { pollRun } from "../wait-for-run";

export const DELETE_WARNING = "WARNING: this removes the public developer reply from the App Store irrecoverably — there is no undo.";

/** What the server was started with (cli/config.ts). */
export interface ToolContext {
  /** Between run status checks while a tool waits for a run. */
  pollMs: number;
}

export interface ToolDefinition {
  name: string;
  title: string;
  description: string;
  inputSchema: z.ZodObject;
  destructive?: boolean;
  readOnly?: boolean;
  run: (client: StarboardClient, input: Record<string, unknown>, context: ToolContext) => Promise<unknown>;
}

const provider = z.enum(["app-store-connect", "google-play"]).default("app-store-connect").describe("The integration: App Store Connect (App Store reviews) or Google Play (Play reviews, and ratings from the Play Console reports).");
const wait = z.boolean().default(true).describe("Wait (up to waitSeconds) for the run to finish and return its counters.");
const waitSeconds = z.number().int().min(1).max(600).default(120);

/** Polls a run until it finishes or the time is up; returns the run as last seen. */
function followRun(client: StarboardClient, runId: string, input: Record<string, unknown>, context: ToolContext) {
  return pollRun(client, runId, { pollMs: context.pollMs, deadline: Date.now() + Number(input.waitSeconds ?? 120) * 1000 });
}

export const TOOLS: ToolDefinition[] = [
  {
    name: "list-app-ratings",
    title: "Apps and their ratings",
    description:
      "The apps of a project with their worldwide average rating, rating count and the rating count's change since the previous day. Android apps (platform android) carry Play Console's cumulative average and no count: Google Play does not publish rating counts (null, never 0).",
    inputSchema: inputSchemaOf(listApps),
    readOnly: true,
    run: (c, i) => c.call(listApps, i as never),
  },
  {
    name: "list-ratings-by-country",
    title: "Ratings by country",
    description:
      "Latest ratings per country: for one app (appId), or combined over a project's Apple apps (projectId). An Android app's answer has store google_play: Play Console's cumulative average per country and that day's average (dailyAverageRating); ratingCount and ratingCountDelta are null because Google Play does not publish rating counts.",
    inputSchema: z
      .object({ projectId: projectParams.shape.projectId.optional(), appId: appParams.shape.appId.optional() })
      .refine((v) => Boolean(v.projectId) !== Boolean(v.appId), { message: "Pass either appId or projectId." }),
    readOnly: true,
    run: (c, i) => (i.appId ? c.call(appRatings, { appId: String(i.appId) }) : c.call(projectRatingsByCountry, { projectId: String(i.projectId) })),
  },
  {
    name: "sync-app-ratings",
    title: "Sync ratings",
    description: "Fetch fresh ratings for every storefront for all Apple apps of a project. Returns the sync run (waits for it by default).",
    inputSchema: inputSchemaOf(syncRatings).extend({ wait, waitSeconds }),
    run: async (c, i, ctx) => {
      const started = await c.call(syncRatings, { projectId: String(i.projectId) });
      return i.wait === false ? started : { ...started, run: await followRun(c, started.runId, i, ctx) };
    },
  },
  {
    name: "get-sync-run",
    title: "Sync run status",
    description: "Status, progress and counters of a ratings or reviews sync run.",
    inputSchema: inputSchemaOf(getRun),
    readOnly: true,
    run: (c, i) => c.call(getRun, i as never),
  },
  {
    name: "list-reviews",
    title: "Search reviews",
    description:
      "Customer reviews from the App Store and Google Play, each with its store, newest first unless sort says otherwise (newest, oldest, lowest or highest rating first), and how many match (total; counting stops at 1,000). Filters: project, app, store (app_store|google_play), from and to (days, YYYY-MM-DD, UTC), rating (5 or 1-3), country (2 letters), language (detected, ISO 639-1 such as de or ja), response (yes|no: has a reply), q (full text in any language: words match their inflected forms and, from 3 letters, prefixes; Chinese/Japanese/Korean words match inside unspaced text; \"phrases\", -exclusions, or; at most 16 words), nickname. Page with cursor = nextCursor (same filters and sort).",
    inputSchema: inputSchemaOf(listReviews),
    readOnly: true,
    run: (c, i) => c.call(listReviews, i),
  },
  {
    name: "get-review",
    title: "One review",
    description: "One review with its developer reply (if any) and whether this key may reply.",
    inputSchema: inputSchemaOf(getReview),
    readOnly: true,
    run: (c, i) => c.call(getReview, i as never),
  },
  {
    name: "respond-to-review",
    title: "Reply to a review",
    description:
      "Publish a public developer reply on the review's store, replacing the existing reply if there is one: the App Store (at most 5,970 characters; Apple publishes it after its review) or Google Play (at most 350 characters). Needs an agent key with reviews:write.",
    inputSchema: inputSchemaOf(putReviewResponse),
    run: (c, i) => c.call(putReviewResponse, i as never),
  },
  {
    name: "delete-review-response",
    title: "Delete a review reply",
    description: `${DELETE_WARNING} Deletes the developer reply of one App Store review (Google Play has no delete: a Play review's reply can only be replaced). Only call this when the user explicitly asked to delete that reply. Needs reviews:write.`,
    inputSchema: inputSchemaOf(deleteReviewResponse),
    destructive: true,
    run: (c, i) => c.call(deleteReviewResponse, i as never),
  },
  {
    name: "sync-integration",
    title: "Sync reviews from App Store Connect or Google Play",
    description:
      "Fetch the customer reviews of the project's apps: every review from App Store Connect (provider app-store-connect), or the last 7 days from Google Play (provider google-play). Returns the sync run (waits for it by default).",
    inputSchema: inputSchemaOf(syncAscIntegration).extend({ provider, wait, waitSeconds }),
    run: async (c, i, ctx) => {
      const started = await c.call(i.provider === "google-play" ? syncPlayIntegration : syncAscIntegration, { projectId: String(i.projectId) });
      return i.wait === false ? started : { ...started, run: await followRun(c, started.runId, i, ctx) };
    },
  },
  {
    name: "copy-integration",
    title: "Copy an integration",
    description:
      "Copy the App Store Connect key, or the Google Play connection (provider google-play: service-account key and reports bucket), of another project of the same team (fromProjectId) into a project (projectId), then test the connection.",
    inputSchema: inputSchemaOf(copyAscIntegration).extend({ provider }),
    run: (c, i) => {
      const input = { projectId: String(i.projectId), fromProjectId: String(i.fromProjectId) };
      return i.provider === "google-play" ? c.call(copyPlayIntegration, input) : c.call(copyAscIntegration, input);
    },
  },
];

/** A tool's answer: the API's JSON, or the server's error message flagged as an error. */
export async function callTool(tool: ToolDefinition, client: StarboardClient, input: Record<string, unknown>, context: ToolContext) {
  try {
    const data = await tool.run(client, input, context);
    return { content: [{ type: "text" as const, text: JSON.stringify(data, null, 2) }] };
  } catch (error) {
    return { isError: true, content: [{ type: "text" as const, text: describeApiError(error) }] };
  }
}
