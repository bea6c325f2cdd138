"use client";

import * as React from "react";
import { Tooltip as RadixTooltip } from "radix-ui";
import { cn } from "./cn";

export type TooltipProps = {
  /** Tooltip text/content. */
  content: React.ReactNode;
  /** The trigger; must be a single element that can hold a ref (Button, <button>, <span tabIndex={0}>…). */
  children: React.ReactElement;
  side?: "top" | "right" | "bottom" | "left";
  align?: "start" | "center" | "end";
  delayDuration?: number;
  className?: string;
};

/** Self-contained tooltip (includes its own Provider, so no app-level setup is needed). */
export function Tooltip({ content, children, side = "top", align = "center", delayDuration = 200, className }: TooltipProps) {
  return (
    <RadixTooltip.Provider delayDuration={delayDuration} skipDelayDuration={300}>
      <RadixTooltip.Root>
        <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
        <RadixTooltip.Portal>
          <RadixTooltip.Content
            side={side}
            align={align}
            sideOffset={6}
            collisionPadding={8}
            className={cn(
              "z-50 max-w-xs rounded-md bg-zinc-900 px-2 py-1 text-xs leading-5 font-medium text-zinc-50 shadow-md",
              "origin-(--radix-tooltip-content-transform-origin) data-[state=delayed-open]:animate-pop-in",
              className,
            )}
          >
            {content}
          </RadixTooltip.Content>
        </RadixTooltip.Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  );
}
