"use client";

import * as React from "react";
import { AlertDialog } from "radix-ui";
import { AlertTriangle } from "lucide-react";
import { cn } from "./cn";
import { Button } from "./button";
import { overlayClasses, dialogPanelClasses } from "./dialog";

export type ConfirmDialogProps = {
  /** Element that opens the dialog (rendered with asChild), e.g. <Button variant="danger">Delete</Button>. */
  trigger?: React.ReactElement;
  /** Controlled open state (use instead of/with trigger). */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Extra content between description and buttons. */
  children?: React.ReactNode;
  confirmLabel?: React.ReactNode;
  cancelLabel?: React.ReactNode;
  /** Red confirm button + warning icon. Default true. */
  destructive?: boolean;
  /** If set, the user must type exactly this text before confirm is enabled. */
  confirmText?: string;
  /**
   * Called on confirm. If it returns a promise the button shows a spinner, the dialog stays open
   * until it resolves, and closes on success. Throw (reject) to keep it open — show a toast yourself.
   */
  onConfirm: () => void | Promise<unknown>;
  /** Force the loading state (e.g. when driven by a mutation's isPending). */
  loading?: boolean;
};

export function ConfirmDialog({
  trigger,
  open: openProp,
  onOpenChange,
  title,
  description,
  children,
  confirmLabel = "Confirm",
  cancelLabel = "Cancel",
  destructive = true,
  confirmText,
  onConfirm,
  loading: loadingProp,
}: ConfirmDialogProps) {
  const [openState, setOpenState] = React.useState(false);
  const open = openProp ?? openState;
  const [typed, setTyped] = React.useState("");
  const [busy, setBusy] = React.useState(false);
  const inputId = React.useId();
  const inputRef = React.useRef<HTMLInputElement>(null);
  const loading = busy || !!loadingProp;
  const matches = !confirmText || typed.trim() === confirmText;

  const setOpen = (next: boolean) => {
    if (!next && loading) return;
    if (!next) setTyped("");
    setOpenState(next);
    onOpenChange?.(next);
  };

  const handleConfirm = async (e: React.SyntheticEvent) => {
    e.preventDefault();
    if (!matches || loading) return;
    try {
      const result = onConfirm();
      if (result && typeof result.then === "function") {
        setBusy(true);
        await result;
      }
      setBusy(false);
      setTyped("");
      setOpenState(false);
      onOpenChange?.(false);
    } catch {
      setBusy(false);
    }
  };

  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      {trigger ? <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger> : null}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClasses} />
        <AlertDialog.Content
          className={cn(dialogPanelClasses, "max-w-md")}
          {...(description ? {} : { "aria-describedby": undefined })}
          onOpenAutoFocus={(e) => {
            if (confirmText) {
              e.preventDefault();
              inputRef.current?.focus();
            }
          }}
        >
          {/* The text scrolls and the buttons stay in view when the screen is short (a phone with its keyboard open). */}
          <form onSubmit={(e) => void handleConfirm(e)} className="flex min-h-0 flex-1 flex-col">
            <div className="flex min-h-0 gap-4 overflow-y-auto px-5 pt-5 pb-5">
              {destructive ? (
                <div className="flex size-9 shrink-0 items-center justify-center rounded-full bg-red-50 text-red-600 ring-1 ring-red-100">
                  <AlertTriangle className="size-4" />
                </div>
              ) : null}
              <div className="grid min-w-0 flex-1 gap-1.5">
                <AlertDialog.Title className="text-base leading-6 font-semibold tracking-[-0.01em] text-foreground">
                  {title}
                </AlertDialog.Title>
                {description ? (
                  <AlertDialog.Description className="text-sm leading-5 text-muted-foreground">
                    {description}
                  </AlertDialog.Description>
                ) : null}
                {children ? <div className="mt-1 text-sm">{children}</div> : null}
                {confirmText ? (
                  <div className="mt-3 grid gap-1.5">
                    <label htmlFor={inputId} className="text-[13px] leading-5 text-zinc-700">
                      Type <span className="rounded bg-muted px-1 py-0.5 font-mono text-[12px] font-medium text-foreground">{confirmText}</span> to confirm
                    </label>
                    <input
                      id={inputId}
                      ref={inputRef}
                      value={typed}
                      onChange={(e) => setTyped(e.target.value)}
                      autoComplete="off"
                      autoCapitalize="off"
                      autoCorrect="off"
                      spellCheck={false}
                      disabled={loading}
                      className="h-9 w-full rounded-control border border-border bg-white px-3 font-mono text-[13px] shadow-xs shadow-zinc-950/[0.03] outline-none placeholder:text-zinc-400 hover:border-border-strong focus-visible:border-accent focus-visible:ring-3 focus-visible:ring-accent/15 disabled:bg-subtle"
                    />
                  </div>
                ) : null}
              </div>
            </div>
            <div className="flex flex-col-reverse gap-2 rounded-b-card border-t border-border bg-subtle/70 px-5 py-3 sm:flex-row sm:justify-end">
              <AlertDialog.Cancel asChild>
                <Button variant="secondary" type="button" disabled={loading}>
                  {cancelLabel}
                </Button>
              </AlertDialog.Cancel>
              <Button
                type="submit"
                variant={destructive ? "danger" : "primary"}
                disabled={!matches}
                loading={loading}
              >
                {confirmLabel}
              </Button>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
