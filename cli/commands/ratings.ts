import type { z } from "zod";
import { listApps } from "@/lib/api/v1/endpoints";
import { appRatings, projectRatingsByCountry, syncRatings } from "@/lib/api/v1/ratings-endpoints";
import type { appCountryRatingsSchema } from "@/lib/api/v1/schemas/ratings";
import { usage, type CommandContext } from "../context";
import { count, rating, signed, table } from "../format";
import { reportRun, waitForRun } from "../wait-for-run";

/** starboard apps list --project-id <id> */
export async function appsList(ctx: CommandContext) {
  const data = await ctx.client().call(listApps, { projectId: ctx.projectId() });
  ctx.print(data, () =>
    data.apps.length === 0 ? "No apps in this project yet: add them in the dashboard." : table(
      data.apps.map((a) => ({ ...a, avg: rating(a.worldwideAverageRating), ratings: count(a.worldwideRatingCount), delta: signed(a.worldwideRatingCountDelta) })),
      [
        { key: "id", label: "id" },
        { key: "name", label: "name", max: 30 },
        { key: "platform", label: "platform" },
        { key: "avg", label: "★", align: "right" },
        { key: "ratings", label: "ratings", align: "right" },
        { key: "delta", label: "Δ", align: "right" },
      ],
    ),
  );
}

/** starboard ratings list <appId>: the app's latest ratings per storefront (an Android app: Play Console averages per country). */
export async function ratingsList(ctx: CommandContext) {
  const appId = ctx.positionals[0];
  if (!appId) throw usage("Usage: starboard ratings list <appId>");
  const data = await ctx.client().call(appRatings, { appId });
  if (data.store === "google_play") return ctx.print(data, () => playRatingsTable(data));
  ctx.print(data, () => {
    if (data.countries.length === 0 && data.unavailable.length === 0) return "No ratings yet. Run `starboard ratings sync`.";
    const live = table(
      data.countries.map((c) => ({ country: c.countryCode.toUpperCase(), avg: rating(c.averageRating), ratings: count(c.ratingCount), delta: signed(c.ratingCountDelta), version: c.appVersion, date: c.snapshotDate })),
      [
        { key: "country", label: "country" },
        { key: "avg", label: "★", align: "right" },
        { key: "ratings", label: "ratings", align: "right" },
        { key: "delta", label: "Δ", align: "right" },
        { key: "version", label: "version" },
        { key: "date", label: "as of" },
      ],
    );
    const gone = data.unavailable.map((u) => `${u.countryCode.toUpperCase()} unavailable since ${u.since}`);
    return [live, ...gone].join("\n");
  });
}

/** An Android app's countries: Play Console's cumulative average and that day's, and no counts (Play publishes none). */
function playRatingsTable(data: z.output<typeof appCountryRatingsSchema>) {
  if (data.countries.length === 0) return "No Google Play ratings yet: they come with the daily import of the Play Console ratings reports (connect Google Play with its reports bucket).";
  const rows = table(
    data.countries.map((c) => ({ country: c.countryCode.toUpperCase(), avg: rating(c.averageRating), day: rating(c.dailyAverageRating), date: c.snapshotDate })),
    [
      { key: "country", label: "country" },
      { key: "avg", label: "★ play console", align: "right" },
      { key: "day", label: "★ that day", align: "right" },
      { key: "date", label: "as of" },
    ],
  );
  return `${rows}
Google Play does not publish rating counts: these are Play Console's cumulative averages per country.`;
}

/** starboard ratings by-country --project-id <id>: every Apple app of the project combined. */
export async function ratingsByCountry(ctx: CommandContext) {
  const data = await ctx.client().call(projectRatingsByCountry, { projectId: ctx.projectId() });
  ctx.print(data, () =>
    data.countries.length === 0
      ? "No ratings yet. Run `starboard ratings sync`."
      : table(
          data.countries.map((c) => ({ country: c.countryCode.toUpperCase(), avg: rating(c.averageRating), ratings: count(c.ratingCount), delta: signed(c.ratingCountDelta), apps: `${c.apps}/${data.apps}` })),
          [
            { key: "country", label: "country" },
            { key: "avg", label: "★", align: "right" },
            { key: "ratings", label: "ratings", align: "right" },
            { key: "delta", label: "Δ", align: "right" },
            { key: "apps", label: "apps", align: "right" },
          ],
        ),
  );
}

/** starboard ratings sync --project-id <id> [--no-wait] */
export async function ratingsSync(ctx: CommandContext) {
  const started = await ctx.client().call(syncRatings, { projectId: ctx.projectId() });
  if (ctx.flags["no-wait"]) {
    ctx.print(started, () => `Ratings sync ${started.alreadyRunning ? "already running" : "started"}: run ${started.runId}`);
    return;
  }
  if (!ctx.json && started.alreadyRunning) ctx.io.err(`A ratings sync is already running for this project: following run ${started.runId}\n`);
  reportRun(ctx, await waitForRun(ctx, started.runId, "Ratings sync"), "Ratings sync");
}
