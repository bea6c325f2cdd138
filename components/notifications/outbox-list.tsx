"use client";

import { ChevronRight } from "lucide-react";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { RelativeTime } from "@/components/ui/relative-time";
import type { OutboxMail } from "@/lib/data/notifications/outbox";

/** The outbox: one row per mail; open one to read it as it would have arrived (HTML in a sandboxed frame). */
export function OutboxList({ mails }: { mails: OutboxMail[] }) {
  const [openId, setOpenId] = useState<string | null>(mails[0]?.id ?? null);
  return (
    <ul className="divide-y divide-border overflow-hidden rounded-card border border-border bg-white shadow-card">
      {mails.map((mail) => {
        const open = openId === mail.id;
        return (
          <li key={mail.id}>
            <button type="button" aria-expanded={open} onClick={() => setOpenId(open ? null : mail.id)} className="flex w-full items-center gap-3 px-4 py-3 text-left hover:bg-subtle">
              <ChevronRight className={cn("size-4 shrink-0 text-zinc-400 transition-transform", open && "rotate-90")} aria-hidden />
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium">{mail.subject}</span>
                <span className="block truncate text-xs text-muted-foreground">
                  To {mail.to} · from {mail.from}
                </span>
              </span>
              <RelativeTime iso={mail.createdAt} className="shrink-0 text-xs text-muted-foreground" />
            </button>
            {open ? (
              <div className="border-t border-border bg-subtle px-4 py-4">
                <iframe title={mail.subject} sandbox="" srcDoc={mail.html} className="h-80 w-full rounded-md border border-border bg-white" />
                <details className="mt-3 text-[13px]">
                  <summary className="cursor-pointer text-muted-foreground">Plain-text version</summary>
                  <pre className="mt-2 whitespace-pre-wrap font-sans text-zinc-700">{mail.text}</pre>
                </details>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
