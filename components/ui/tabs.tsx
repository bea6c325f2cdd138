"use client";

import * as React from "react";
import { Tabs as RadixTabs } from "radix-ui";
import { cn } from "./cn";

/** <Tabs defaultValue="a"> (or value/onValueChange) */
export function Tabs({ className, ...props }: React.ComponentProps<typeof RadixTabs.Root>) {
  return <RadixTabs.Root className={cn("flex flex-col gap-4", className)} {...props} />;
}

/** Underline-style tab bar with a bottom border. */
export function TabsList({ className, ...props }: React.ComponentProps<typeof RadixTabs.List>) {
  return <RadixTabs.List className={cn("flex items-center gap-5 border-b border-border", className)} {...props} />;
}

export function TabsTrigger({ className, ...props }: React.ComponentProps<typeof RadixTabs.Trigger>) {
  return (
    <RadixTabs.Trigger
      className={cn(
        "relative -mb-px inline-flex h-9 items-center gap-1.5 border-b-2 border-transparent px-0.5 text-sm font-medium whitespace-nowrap text-muted-foreground",
        "transition-colors outline-none hover:text-foreground focus-visible:rounded-sm focus-visible:ring-2 focus-visible:ring-accent/40",
        "data-[state=active]:border-accent data-[state=active]:text-foreground disabled:pointer-events-none disabled:opacity-50",
        "[&_svg]:size-4",
        className,
      )}
      {...props}
    />
  );
}

export function TabsContent({ className, ...props }: React.ComponentProps<typeof RadixTabs.Content>) {
  return <RadixTabs.Content className={cn("outline-none", className)} {...props} />;
}
