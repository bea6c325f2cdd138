"use client";

import * as React from "react";
import { cn } from "./cn";
import { useFieldControl } from "./field";

/** Shared look for text-like controls (also used by Textarea and Select). */
export const controlClasses =
  "w-full min-w-0 rounded-control border border-border bg-white text-sm text-foreground shadow-xs shadow-zinc-950/[0.03] " +
  "placeholder:text-zinc-400 transition-[border-color,box-shadow] duration-150 outline-none " +
  "hover:border-border-strong focus-visible:border-accent focus-visible:ring-3 focus-visible:ring-accent/15 " +
  "disabled:cursor-not-allowed disabled:bg-subtle disabled:text-muted-foreground disabled:opacity-80 " +
  "aria-invalid:border-red-400 aria-invalid:hover:border-red-500 aria-invalid:focus-visible:border-red-500 aria-invalid:focus-visible:ring-red-500/15";

export type InputProps = React.InputHTMLAttributes<HTMLInputElement> & {
  /** Icon or text rendered inside the left edge (e.g. <Search />). */
  leading?: React.ReactNode;
  /** Icon, button or text rendered inside the right edge. */
  trailing?: React.ReactNode;
  ref?: React.Ref<HTMLInputElement>;
};

export function Input({ className, leading, trailing, type = "text", ...rest }: InputProps) {
  const props = useFieldControl(rest);
  const input = (
    <input
      type={type}
      className={cn(
        controlClasses,
        "h-9 px-3 py-1.5 read-only:bg-subtle read-only:focus-visible:border-border-strong read-only:focus-visible:ring-0",
        "file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium",
        leading ? "pl-9" : null,
        trailing ? "pr-9" : null,
        !leading && !trailing ? className : null,
      )}
      {...props}
    />
  );
  if (!leading && !trailing) return input;
  return (
    <div className={cn("relative", className)}>
      {leading ? (
        <span className="pointer-events-none absolute inset-y-0 left-0 flex w-9 items-center justify-center text-zinc-400 [&_svg]:size-4">
          {leading}
        </span>
      ) : null}
      {input}
      {trailing ? (
        <span className="absolute inset-y-0 right-0 flex min-w-9 items-center justify-center text-zinc-400 [&_svg]:size-4">
          {trailing}
        </span>
      ) : null}
    </div>
  );
}
