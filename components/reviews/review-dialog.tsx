"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, Pencil, Trash2 } from "lucide-react";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { SkeletonText } from "@/components/ui/skeleton";
import { Stars } from "@/components/ui/stars";
import { toast } from "@/components/ui/toaster";
import { deleteReply, publishReply } from "@/lib/actions/reviews";
import { readV1 } from "@/lib/api/client/dashboard";
import { getReview } from "@/lib/api/v1/endpoints";
import type { ReviewView } from "@/lib/data/reviews/view";
import type { ErrorPayload } from "@/lib/errors";
import { CountryFlag } from "./country-flag";
import { ReplyComposer } from "./reply-composer";
import { ReplyStatePill } from "./reply-state";
import { reviewKeys } from "./query-keys";
import { formatReviewDate } from "./review-card";

/**
 * The review behind `?review=<id>`: loaded by id, so deep links work for reviews not on the loaded page. Opened by
 * URL state, not by a trigger, so Radix cannot return focus on close: `onCloseAutoFocus` says where it goes.
 */
/** Where the open review sits in the list, and how to open its neighbours (absent at either end). */
export interface ReviewNavigation {
  position: string;
  onPrevious?: () => void;
  onNext?: () => void;
}

export function ReviewDialog({
  reviewId,
  onClose,
  onCloseAutoFocus,
  navigation,
}: {
  reviewId: string | null;
  onClose: () => void;
  onCloseAutoFocus?: (event: Event) => void;
  navigation?: ReviewNavigation;
}) {
  const queryClient = useQueryClient();
  const review = useQuery({
    queryKey: reviewKeys.detail(reviewId),
    enabled: reviewId !== null,
    queryFn: () => readV1(getReview, { reviewId: reviewId ?? "" }),
  });
  const [draft, setDraft] = useState("");
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [pending, start] = useTransition();
  // Another review starts with an empty composer: adjusted while rendering, so no frame shows the old draft.
  const [composerFor, setComposerFor] = useState(reviewId);
  if (composerFor !== reviewId) {
    setComposerFor(reviewId);
    setDraft("");
    setEditing(false);
    setError(null);
  }

  const settle = async (fresh?: ReviewView) => {
    if (fresh) queryClient.setQueryData(reviewKeys.detail(reviewId), (old: { canReply: boolean } | undefined) => ({ canReply: old?.canReply ?? true, review: fresh }));
    else await review.refetch();
    await queryClient.invalidateQueries({ queryKey: reviewKeys.searches() });
  };

  const submit = () =>
    start(async () => {
      const result = await publishReply({ reviewId: reviewId!, body: draft });
      if (!result.ok) {
        setError(result.error);
        await settle(); // show what the App Store has now; the draft stays
        return;
      }
      setError(null);
      setDraft("");
      setEditing(false);
      toast.success(editing ? "Reply updated on the App Store" : "Reply sent to the App Store");
      await settle(result.data);
    });

  const data = review.data;
  const r = data?.review;
  return (
    <Dialog open={Boolean(reviewId)} onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title={r ? (r.title ?? "Review") : "Review"}
        size="lg"
        description={r ? `${r.appName} · ${formatReviewDate(r.createdAt)}` : undefined}
        onCloseAutoFocus={onCloseAutoFocus}
      >
        {navigation ? (
          <nav className="-mt-1 mb-4 flex items-center justify-between gap-2 text-[13px] text-muted-foreground" aria-label="Reviews in this list">
            <Button size="sm" variant="secondary" onClick={navigation.onPrevious} disabled={!navigation.onPrevious} aria-keyshortcuts="k">
              <ChevronLeft aria-hidden /> Previous
            </Button>
            <span className="tabular-nums" data-testid="review-position">
              {navigation.position}
            </span>
            <Button size="sm" variant="secondary" onClick={navigation.onNext} disabled={!navigation.onNext} aria-keyshortcuts="j">
              Next <ChevronRight aria-hidden />
            </Button>
          </nav>
        ) : null}
        {review.isError ? <Alert variant="error">{review.error.message}</Alert> : null}
        {!r && !review.isError ? <SkeletonText lines={4} /> : null}
        {r ? (
          <div className="space-y-5" data-testid="review-dialog">
            <div className="space-y-2">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[13px] text-muted-foreground">
                <Stars value={r.rating} size="md" />
                <span className="font-medium text-zinc-700">{r.reviewer ?? "Anonymous"}</span>
                <CountryFlag code={r.countryCode} showName />
              </div>
              <p className="text-sm leading-6 whitespace-pre-wrap text-zinc-800">{r.body}</p>
            </div>

            <section className="space-y-2 rounded-card border border-border bg-subtle/60 p-4" aria-label="Developer reply">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="text-sm font-semibold">Your reply</h3>
                <ReplyStatePill reply={r.reply} />
              </div>
              {r.reply ? (
                <>
                  <p className="text-sm leading-6 whitespace-pre-wrap" data-testid="reply-body">{r.reply.body}</p>
                  <p className="text-[13px] text-muted-foreground">
                    {r.reply.byUserName ? `By ${r.reply.byUserName}` : r.store === "google_play" ? "Via Play Console" : "Via App Store Connect"}
                    {r.reply.at ? ` · ${new Date(r.reply.at).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}` : ""}
                  </p>
                  {data.canReply && !editing ? (
                    <div className="flex flex-wrap gap-2 pt-1">
                      <Button size="sm" variant="secondary" onClick={() => (setEditing(true), setDraft(r.reply!.body))}>
                        <Pencil aria-hidden /> Edit
                      </Button>
                      {r.store === "google_play" ? (
                        <p className="self-center text-[13px] text-muted-foreground" data-testid="play-no-delete">
                          Google Play has no delete: a new reply replaces this one.
                        </p>
                      ) : (
                        <ConfirmDialog
                          trigger={
                            <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50">
                              <Trash2 aria-hidden /> Delete
                            </Button>
                          }
                          title="Delete this reply from the App Store?"
                          description="The reply disappears from the App Store. The review stays."
                          confirmText="delete"
                          confirmLabel="Delete reply"
                          onConfirm={async () => {
                            const result = await deleteReply({ reviewId: r.id, confirm: "delete" });
                            if (!result.ok) {
                              toast.error(result.error.message);
                              throw new Error(result.error.message);
                            }
                            toast.success("Reply deleted");
                            await settle(result.data);
                          }}
                        />
                      )}
                    </div>
                  ) : null}
                </>
              ) : (
                <p className="text-sm text-muted-foreground">No reply yet.</p>
              )}
            </section>

            {data.canReply && (!r.reply || editing) ? (
              <ReplyComposer draft={draft} onDraft={setDraft} onSubmit={submit} onCancel={editing ? () => (setEditing(false), setError(null)) : undefined} pending={pending} error={error} editing={editing} store={r.store} />
            ) : null}
            {!data.canReply ? (
              <p className="text-[13px] text-muted-foreground">Only owners and admins can reply here (or members, where the team allows it).</p>
            ) : null}
          </div>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
