import * as React from "react";
import { cn } from "./cn";

export type ScrollRegionProps = React.HTMLAttributes<HTMLDivElement> & {
  /** What the region holds, e.g. "Ratings by country": screen readers announce it when it takes focus. */
  label: string;
};

/**
 * A box that scrolls sideways when its content (a wide table) does not fit. It takes focus and has a name, so
 * keyboard users can scroll it with the arrow keys too.
 */
export function ScrollRegion({ label, className, ...props }: ScrollRegionProps) {
  return <div role="region" aria-label={label} tabIndex={0} className={cn("overflow-x-auto focus-ring", className)} {...props} />;
}
