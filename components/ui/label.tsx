"use client";

import * as React from "react";
import { Label as RadixLabel } from "radix-ui";
import { cn } from "./cn";

export type LabelProps = React.ComponentProps<typeof RadixLabel.Root> & {
  /** Appends a subtle required marker. */
  required?: boolean;
};

export function Label({ className, required, children, ...props }: LabelProps) {
  return (
    <RadixLabel.Root
      className={cn(
        "text-[13px] leading-5 font-medium text-zinc-800 select-none peer-disabled:opacity-60",
        className,
      )}
      {...props}
    >
      {children}
      {required ? (
        <span aria-hidden className="ml-0.5 text-zinc-400">
          *
        </span>
      ) : null}
    </RadixLabel.Root>
  );
}
