import * as React from "react";
import { cn } from "./cn";

export function Kbd({ className, ...props }: React.HTMLAttributes<HTMLElement>) {
  return (
    <kbd
      className={cn(
        "inline-flex h-5 min-w-5 items-center justify-center rounded border border-border bg-subtle px-1 font-sans text-[11px] font-medium text-zinc-600 shadow-[0_1px_0_0] shadow-zinc-200",
        className,
      )}
      {...props}
    />
  );
}
