"use client";

import * as React from "react";
import { Dialog as RadixDialog } from "radix-ui";
import { X } from "lucide-react";
import { cn } from "./cn";

export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
/** Wrap any element (asChild) to make it close the dialog, e.g. a Cancel button. */
export const DialogClose = RadixDialog.Close;

export const overlayClasses =
  "fixed inset-0 z-50 bg-zinc-950/40 backdrop-blur-[1px] data-[state=open]:animate-overlay-in";

export const dialogPanelClasses =
  "fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col " +
  "rounded-card border border-border bg-white shadow-overlay outline-none data-[state=open]:animate-content-in";

const widths = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-2xl" } as const;

export type DialogContentProps = Omit<React.ComponentProps<typeof RadixDialog.Content>, "title"> & {
  /** Required for accessibility; rendered as the heading. */
  title: React.ReactNode;
  description?: React.ReactNode;
  size?: keyof typeof widths;
  /** Hide the top-right × button. */
  hideClose?: boolean;
};

/**
 * Portal + overlay + centered panel with heading, optional description and a close button.
 * Children are the scrollable body; put a <DialogFooter> last for actions.
 */
export function DialogContent({
  title,
  description,
  size = "md",
  hideClose,
  className,
  children,
  ...props
}: DialogContentProps) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className={overlayClasses} />
      <RadixDialog.Content
        className={cn(dialogPanelClasses, widths[size], className)}
        {...(description ? {} : { "aria-describedby": undefined })}
        {...props}
      >
        <div className="flex items-start justify-between gap-4 px-5 pt-5">
          <div className="grid gap-1">
            <RadixDialog.Title className="text-base leading-6 font-semibold tracking-[-0.01em] text-foreground">
              {title}
            </RadixDialog.Title>
            {description ? (
              <RadixDialog.Description className="text-sm leading-5 text-muted-foreground">
                {description}
              </RadixDialog.Description>
            ) : null}
          </div>
          {hideClose ? null : (
            <RadixDialog.Close
              className="-mt-1 -mr-2 inline-flex size-8 shrink-0 items-center justify-center rounded-md text-zinc-400 transition-colors outline-none hover:bg-muted hover:text-zinc-700 focus-visible:ring-2 focus-visible:ring-accent/40"
              aria-label="Close"
            >
              <X className="size-4" />
            </RadixDialog.Close>
          )}
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto px-5 pt-4 pb-5">{children}</div>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

export type DrawerContentProps = Omit<React.ComponentProps<typeof RadixDialog.Content>, "title"> & {
  /** The drawer's accessible name; not shown (the content carries its own visible header). */
  title: string;
};

/** Portal + overlay + a panel sliding in from the left edge, full height: navigation on small screens. */
export function DrawerContent({ title, className, children, ...props }: DrawerContentProps) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className={overlayClasses} />
      <RadixDialog.Content
        aria-describedby={undefined}
        className={cn(
          "fixed inset-y-0 left-0 z-50 flex w-72 max-w-[calc(100vw-3rem)] flex-col overflow-y-auto border-r border-border bg-white shadow-overlay outline-none data-[state=open]:animate-drawer-in",
          className,
        )}
        {...props}
      >
        <RadixDialog.Title className="sr-only">{title}</RadixDialog.Title>
        {children}
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

/** Action row at the bottom of a dialog body. Right-aligned; put the primary action last. */
export function DialogFooter({ className, ...props }: React.HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      className={cn(
        "-mx-5 mt-5 -mb-5 flex flex-col-reverse gap-2 rounded-b-card border-t border-border bg-subtle/70 px-5 py-3 sm:flex-row sm:justify-end",
        className,
      )}
      {...props}
    />
  );
}
