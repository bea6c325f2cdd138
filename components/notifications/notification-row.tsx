"use client";

import { AlertTriangle, MessageSquareText, Star, Webhook } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { RelativeTime } from "@/components/ui/relative-time";
import type { InboxItem } from "@/lib/data/notifications/inbox";

const ICONS: Record<string, { icon: typeof Star; tone: string }> = {
  "app.review_new": { icon: MessageSquareText, tone: "bg-indigo-50 text-indigo-600" },
  "app.rating_changed": { icon: Star, tone: "bg-amber-50 text-amber-600" },
  "sync.failed": { icon: AlertTriangle, tone: "bg-red-50 text-red-600" },
  "webhook.disabled": { icon: Webhook, tone: "bg-red-50 text-red-600" },
};

export function NotificationRow({ item, onOpen }: { item: InboxItem; onOpen: () => void }) {
  const { icon: Icon, tone } = ICONS[item.type] ?? ICONS["app.review_new"];
  return (
    <button
      type="button"
      onClick={onOpen}
      data-unread={!item.read || undefined}
      className={cn("flex w-full gap-3 px-3 py-2.5 text-left outline-none transition-colors hover:bg-subtle focus-visible:bg-subtle", !item.read && "bg-indigo-50/40")}
    >
      <span className={cn("mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full", tone)}>
        <Icon className="size-3.5" aria-hidden />
      </span>
      <span className="min-w-0 flex-1">
        <span className={cn("block text-sm leading-5", item.read ? "text-zinc-700" : "font-medium text-foreground")}>{item.title}</span>
        {item.body ? <span className="mt-0.5 line-clamp-2 text-[13px] leading-[18px] text-muted-foreground">{item.body}</span> : null}
        <span className="mt-1 block text-xs text-zinc-500">
          {item.teamName ? `${item.teamName} · ` : ""}
          <RelativeTime iso={item.createdAt} />
        </span>
      </span>
      {!item.read ? <span className="mt-2 size-2 shrink-0 rounded-full bg-accent" aria-label="Unread" /> : null}
    </button>
  );
}
