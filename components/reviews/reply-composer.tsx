"use client";

import { Globe2 } from "lucide-react";
import { UpstreamErrorAlert } from "@/components/integrations/upstream-error-alert";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Textarea } from "@/components/ui/textarea";
import type { ErrorPayload } from "@/lib/errors";
import { MAX_REPLY_LENGTH, PLAY_MAX_REPLY_LENGTH } from "@/lib/validation";

const STORES = {
  app_store: { name: "the App Store", title: "The App Store", limit: MAX_REPLY_LENGTH },
  google_play: { name: "Google Play", title: "Google Play", limit: PLAY_MAX_REPLY_LENGTH },
} as const;

const draftKept = (store: string) => <p className="mt-1 text-[13px] opacity-80">Your draft is kept below. The reply shown above is what {store} has now.</p>;

/** The reply text with a live count against the review's store limit and the public-reply notice. */
export function ReplyComposer({
  draft,
  onDraft,
  onSubmit,
  onCancel,
  pending,
  error,
  editing,
  store = "app_store",
}: {
  draft: string;
  onDraft: (v: string) => void;
  onSubmit: () => void;
  onCancel?: () => void;
  pending: boolean;
  error: ErrorPayload | null;
  editing: boolean;
  store?: string;
}) {
  const s = store === "google_play" ? STORES.google_play : STORES.app_store;
  const over = draft.length > s.limit;
  // Refused before it reached Apple (e.g. a NUL or half an emoji): shown on the field, not as Apple's answer.
  const fieldError = error?.code === "validation_failed" ? (error.fieldErrors?.body ?? error.message) : null;
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!over && draft.trim()) onSubmit();
      }}
    >
      {error?.upstream && error.code !== "rate_limited" ? (
        // The message repeats Apple's detail and the hint in one line: show the parts, each once.
        <UpstreamErrorAlert error={error.upstream} title={`${s.title} did not accept the reply`}>
          {draftKept(s.name)}
        </UpstreamErrorAlert>
      ) : error && !fieldError ? (
        <Alert variant="error" title={error.code === "rate_limited" ? (store === "google_play" ? "Google Play quota" : "App Store Connect rate limit") : `${s.title} did not accept the reply`}>
          <p>{error.message}</p>
          {draftKept(s.name)}
        </Alert>
      ) : null}
      <Textarea
        aria-label={editing ? "Edit reply text" : "Reply text"}
        value={draft}
        onChange={(e) => onDraft(e.target.value)}
        rows={5}
        placeholder="Write a reply…"
        disabled={pending}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? "reply-text-error" : undefined}
      />
      {fieldError ? (
        <p id="reply-text-error" role="alert" className="text-[13px] font-medium text-red-600">
          {fieldError}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="flex items-center gap-1.5 text-[13px] text-muted-foreground">
          <Globe2 className="size-3.5" aria-hidden /> Replies are public on {s.name}.
        </p>
        <div className="flex items-center gap-3">
          <span className={cn("text-[13px] tabular-nums", over ? "font-semibold text-red-600" : "text-muted-foreground")} data-testid="reply-count">
            {draft.length.toLocaleString("en-US")} / {s.limit.toLocaleString("en-US")}
          </span>
          {onCancel ? (
            <Button type="button" variant="secondary" size="sm" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" size="sm" loading={pending} disabled={over || !draft.trim()}>
            {editing ? "Update reply" : "Publish reply"}
          </Button>
        </div>
      </div>
    </form>
  );
}
