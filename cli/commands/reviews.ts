import { readFile } from "node:fs/promises";
import { deleteReviewResponse, getReview, listReviews, putReviewResponse } from "@/lib/api/v1/endpoints";
import { usage, type CommandContext } from "../context";
import { day, stars, storeName, table } from "../format";

const FILTERS = ["app", "store", "rating", "country", "language", "response", "q", "nickname", "from", "to", "sort", "cursor", "limit"] as const;

/** starboard reviews list [--project-id] [--app] [--store app_store|google_play] [--rating 1-3] [--country de] [--language de] [--response yes|no] [--q text] [--nickname] [--from 2026-11-01] [--to 2026-11-30] [--sort newest|oldest|lowest|highest] [--limit] [--cursor] */
export async function reviewsList(ctx: CommandContext) {
  const input: Record<string, string> = {};
  for (const f of FILTERS) if (typeof ctx.flags[f] === "string") input[f] = ctx.flags[f];
  const project = typeof ctx.flags["project-id"] === "string" ? ctx.flags["project-id"] : ctx.config.projectId;
  if (project) input.project = project;
  const page = await ctx.client().call(listReviews, input);
  ctx.print(page, () => {
    if (page.items.length === 0) return "No reviews match.";
    const matching = `${page.total.count.toLocaleString("en-US")}${page.total.capped ? "+" : ""} ${page.total.count === 1 && !page.total.capped ? "review matches" : "reviews match"}`;
    const rows = table(
      page.items.map((r) => ({ ...r, stars: stars(r.rating), date: day(r.createdAt), store: storeName(r.store, true), country: r.countryCode?.toUpperCase(), replied: r.reply ? (r.reply.state === "PENDING_PUBLISH" ? "pending" : "yes") : "", text: [r.title, r.body].filter(Boolean).join(" — ") })),
      [
        { key: "id", label: "id" },
        { key: "date", label: "date" },
        { key: "stars", label: "rating" },
        { key: "store", label: "store" },
        { key: "country", label: "cc" },
        { key: "language", label: "lang" },
        { key: "appName", label: "app", max: 16 },
        { key: "replied", label: "reply" },
        { key: "text", label: "review", max: 60 },
      ],
    );
    return page.nextCursor ? `${rows}\n${matching}. More: starboard reviews list --cursor ${page.nextCursor} (same filters and sort)` : `${rows}\n${matching}.`;
  });
}

/** starboard reviews view <id> */
export async function reviewsView(ctx: CommandContext) {
  const reviewId = ctx.positionals[0];
  if (!reviewId) throw usage("Usage: starboard reviews view <reviewId>");
  const data = await ctx.client().call(getReview, { reviewId });
  const r = data.review;
  ctx.print(data, () =>
    [
      `${stars(r.rating)}  ${r.title ?? "(no title)"}`,
      `${r.appName} · ${storeName(r.store)} · ${r.countryCode?.toUpperCase() ?? "—"} · ${r.reviewer ?? "anonymous"} · ${day(r.createdAt)}`,
      "",
      r.body,
      "",
      r.reply ? `Reply (${r.reply.state ?? "unknown"}, ${day(r.reply.at)}${r.reply.byUserName ? `, by ${r.reply.byUserName}` : ""}):\n${r.reply.body}` : "No reply yet.",
    ].join("\n"),
  );
}

async function replyText(ctx: CommandContext): Promise<string> {
  if (typeof ctx.flags.file === "string") return readFile(ctx.flags.file, "utf8");
  if (ctx.positionals[1] !== undefined) return ctx.positionals.slice(1).join(" ");
  if (typeof ctx.flags.text === "string") return ctx.flags.text;
  return ctx.io.readStdin();
}

/** starboard reviews respond <id> [text | --file reply.txt | stdin]: the review's store sets the limit (App Store 5,970, Google Play 350). */
export async function reviewsRespond(ctx: CommandContext) {
  const reviewId = ctx.positionals[0];
  if (!reviewId) throw usage("Usage: starboard reviews respond <reviewId> [text] [--file <path>]  (or pipe the text on stdin)");
  const body = (await replyText(ctx)).replace(/\s+$/, "");
  const data = await ctx.client().call(putReviewResponse, { reviewId, body });
  ctx.print(data, () => `Reply ${data.review.reply?.state === "PENDING_PUBLISH" ? "sent (Apple publishes it shortly)" : `published on ${storeName(data.review.store)}`} on review ${reviewId}.`);
}

/** starboard reviews delete-response <id> --yes */
export async function reviewsDeleteResponse(ctx: CommandContext) {
  const reviewId = ctx.positionals[0];
  if (!reviewId) throw usage("Usage: starboard reviews delete-response <reviewId> --yes");
  if (ctx.flags.yes !== true) {
    throw usage("This removes the public reply from the App Store irrecoverably (a Google Play reply cannot be deleted: reply again to replace it). Re-run with --yes to confirm.");
  }
  const data = await ctx.client().call(deleteReviewResponse, { reviewId });
  ctx.print(data, () => `Reply deleted from review ${reviewId}.`);
}
