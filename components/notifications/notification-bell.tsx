"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell, CheckCheck, Settings } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Popover } from "radix-ui";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/actions/notifications";
import { readV1 } from "@/lib/api/client/dashboard";
import { listNotifications } from "@/lib/api/v1/endpoints";
import type { InboxItem } from "@/lib/data/notifications/inbox";
import { NotificationRow } from "./notification-row";
import { notificationKeys } from "./query-keys";


/** The bell in the dashboard shell: unread count, the latest notifications, mark read / all read. */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const queryClient = useQueryClient();
  const inbox = useQuery({ queryKey: notificationKeys.inbox(), queryFn: () => readV1(listNotifications, { limit: 20 }), refetchInterval: 30_000, refetchOnWindowFocus: true, staleTime: 5_000 });
  const unread = inbox.data?.unread ?? initialUnread;
  // A server refresh (e.g. after a sync) brings a new count: refetch the list so both agree. Only on a change: on mount
  // the query is already fetching, and invalidating then would fetch the list a second time.
  const lastInitialUnread = useRef(initialUnread);
  useEffect(() => {
    if (lastInitialUnread.current === initialUnread) return;
    lastInitialUnread.current = initialUnread;
    void queryClient.invalidateQueries({ queryKey: notificationKeys.inbox() });
  }, [initialUnread, queryClient]);

  const markOne = useMutation({
    mutationFn: async (id: string) => {
      const result = await markNotificationRead({ notificationId: id });
      if (!result.ok) throw new Error(result.error.message);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.inbox() }),
  });
  const markAll = useMutation({
    mutationFn: async () => {
      const result = await markAllNotificationsRead({});
      if (!result.ok) throw new Error(result.error.message);
    },
    onError: (error) => toast.error(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.inbox() }),
  });

  function openItem(item: InboxItem) {
    if (!item.read) markOne.mutate(item.id);
    setOpen(false);
    if (item.link) router.push(item.link);
  }

  const label = unread > 0 ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <Popover.Root open={open} onOpenChange={(next) => { setOpen(next); if (next) void inbox.refetch(); }}>
      <Popover.Trigger asChild>
        <button
          type="button"
          aria-label={label}
          title={label}
          className="relative inline-flex size-8 items-center justify-center rounded-md text-zinc-600 outline-none transition-colors hover:bg-zinc-900/[0.05] hover:text-foreground focus-visible:ring-2 focus-visible:ring-accent/40"
        >
          <Bell className="size-[18px]" aria-hidden />
          {unread > 0 ? (
            <span
              data-testid="notification-unread-count"
              className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-accent px-1 text-[10px] font-semibold leading-none text-white ring-2 ring-white tabular-nums"
            >
              {unread > 99 ? "99+" : unread}
            </span>
          ) : null}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          side="bottom"
          sideOffset={8}
          collisionPadding={12}
          aria-label="Notifications"
          className="z-50 flex max-h-[min(34rem,var(--radix-popover-content-available-height))] w-[min(24rem,calc(100vw-1.5rem))] flex-col overflow-hidden rounded-lg border border-border bg-white shadow-overlay data-[state=open]:animate-pop-in"
        >
          <div className="flex items-center justify-between gap-2 border-b border-border px-3 py-2">
            <p className="text-sm font-semibold">
              Notifications{unread > 0 ? <span className="ml-1.5 font-normal text-muted-foreground">{unread} unread</span> : null}
            </p>
            <Button variant="ghost" size="sm" onClick={() => markAll.mutate()} disabled={unread === 0} loading={markAll.isPending}>
              <CheckCheck aria-hidden /> Mark all read
            </Button>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto">
            {inbox.isPending ? (
              <div className="flex justify-center py-10"><Spinner /></div>
            ) : inbox.isError ? (
              <p className="px-4 py-8 text-center text-sm text-muted-foreground">Notifications could not be loaded. {inbox.error.message}</p>
            ) : inbox.data.items.length === 0 ? (
              <div className="px-6 py-10 text-center">
                <Bell className="mx-auto mb-2 size-5 text-zinc-400" aria-hidden />
                <p className="text-sm font-medium">Nothing yet</p>
                <p className="mt-1 text-[13px] text-muted-foreground">New reviews, rating changes and failed syncs show up here after each sync.</p>
              </div>
            ) : (
              <ul className="divide-y divide-border" aria-label="Latest notifications">
                {inbox.data.items.map((item) => (
                  <li key={item.id}>
                    <NotificationRow item={item} onOpen={() => openItem(item)} />
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className={cn("flex items-center justify-between border-t border-border bg-subtle px-3 py-2 text-[13px]")}>
            <Link href="/dashboard/settings/notifications" onClick={() => setOpen(false)} className="inline-flex items-center gap-1.5 text-muted-foreground hover:text-foreground">
              <Settings className="size-3.5" aria-hidden /> Notification settings
            </Link>
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
