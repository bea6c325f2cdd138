import * as React from "react";
import { cn } from "./cn";

export type EmptyStateProps = {
  /** A lucide icon element, e.g. <Inbox />. */
  icon?: React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Usually one or two <Button>s. */
  action?: React.ReactNode;
  /** Draw a dashed border box (default true). Set false when already inside a Card. */
  bordered?: boolean;
  className?: string;
};

export function EmptyState({ icon, title, description, action, bordered = true, className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center px-6 py-12 text-center",
        bordered && "rounded-card border border-dashed border-border-strong bg-subtle/50",
        className,
      )}
    >
      {icon ? (
        <div className="mb-4 flex size-10 items-center justify-center rounded-lg border border-border bg-white text-zinc-500 shadow-card [&_svg]:size-5">
          {icon}
        </div>
      ) : null}
      <h2 className="text-[15px] leading-6 font-semibold text-foreground">{title}</h2>
      {description ? <p className="mt-1 max-w-sm text-sm leading-5 text-muted-foreground">{description}</p> : null}
      {action ? <div className="mt-5 flex flex-wrap items-center justify-center gap-2">{action}</div> : null}
    </div>
  );
}
