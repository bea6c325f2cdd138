import { Badge } from "@/components/ui/badge";
import { Stars } from "@/components/ui/stars";
import type { ReviewListItem } from "@/lib/data/reviews/search";
import { CountryFlag } from "./country-flag";
import { HighlightedText } from "./highlighted-text";
import { ReplyStatePill } from "./reply-state";

export const formatReviewDate = (iso: string) => new Date(iso).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });

export function ReviewCard({ review, onOpen }: { review: ReviewListItem; onOpen: (id: string) => void }) {
  return (
    <button
      type="button"
      onClick={() => onOpen(review.id)}
      className="block w-full rounded-card border border-border bg-white p-4 text-left shadow-card transition-[border-color,box-shadow] hover:border-border-strong hover:shadow-md focus-visible:ring-2 focus-visible:ring-accent/40 focus-visible:outline-none"
      data-testid="review-card"
      data-review-id={review.id}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <Stars value={review.rating} size="sm" />
          <h2 className="truncate text-[15px] leading-6 font-semibold text-foreground">{review.title !== null ? <HighlightedText text={review.title} ranges={review.highlights?.title} /> : <span className="font-normal text-muted-foreground italic">No title</span>}</h2>
        </div>
        <ReplyStatePill reply={review.reply} />
      </div>
      <p className="mt-1 line-clamp-3 text-sm leading-6 text-zinc-700" lang={review.language ?? undefined}>
        <HighlightedText text={review.body} ranges={review.highlights?.body} />
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-x-2 gap-y-1 text-[13px] text-muted-foreground">
        <span className="font-medium text-zinc-700">{review.reviewer ?? "Anonymous"}</span>
        {review.store === "google_play" ? (
          <Badge variant="neutral" data-testid="store-badge">
            Google Play
          </Badge>
        ) : null}
        <CountryFlag code={review.countryCode} showName />
        <span aria-hidden>·</span>
        <span>{review.appName}</span>
        <span aria-hidden>·</span>
        <time dateTime={review.createdAt}>{formatReviewDate(review.createdAt)}</time>
      </div>
    </button>
  );
}
