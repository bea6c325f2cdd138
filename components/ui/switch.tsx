"use client";

import * as React from "react";
import { Switch as RadixSwitch } from "radix-ui";
import { cn } from "./cn";
import { useFieldControl } from "./field";

export type SwitchProps = React.ComponentProps<typeof RadixSwitch.Root> & {
  size?: "sm" | "md";
  /** Inline label; with `description` renders a settings-style row (text left, switch right). */
  label?: React.ReactNode;
  description?: React.ReactNode;
};

/** Radix switch. Controlled via `checked`/`onCheckedChange`, or `defaultChecked`. Submits `name=on` in forms. */
export function Switch({ className, size = "md", label, description, ...rest }: SwitchProps) {
  const autoId = React.useId();
  const props = useFieldControl(rest);
  const id = props.id ?? `sw-${autoId}`;
  const control = (
    <RadixSwitch.Root
      {...props}
      id={id}
      className={cn(
        "peer inline-flex shrink-0 items-center rounded-full border border-transparent p-px transition-colors duration-150 outline-none",
        "bg-zinc-200 hover:bg-zinc-300 data-[state=checked]:bg-accent data-[state=checked]:hover:bg-accent-hover",
        "focus-visible:ring-2 focus-visible:ring-accent/40 focus-visible:ring-offset-1",
        "disabled:cursor-not-allowed disabled:opacity-50",
        size === "sm" ? "h-4 w-7" : "h-5 w-9",
        !label ? className : null,
      )}
    >
      <RadixSwitch.Thumb
        className={cn(
          "pointer-events-none block rounded-full bg-white shadow-sm ring-1 ring-zinc-950/5 transition-transform duration-150",
          size === "sm" ? "size-3.5 data-[state=checked]:translate-x-3" : "size-[18px] data-[state=checked]:translate-x-4",
        )}
      />
    </RadixSwitch.Root>
  );
  if (!label) return control;
  if (description) {
    return (
      <div className={cn("flex items-center justify-between gap-6", className)}>
        <div className="grid gap-0.5 leading-5">
          <label htmlFor={id} className="text-sm font-medium text-zinc-800 select-none">
            {label}
          </label>
          <p className="text-[13px] text-muted-foreground">{description}</p>
        </div>
        {control}
      </div>
    );
  }
  return (
    <div className={cn("inline-flex items-center gap-2.5", className)}>
      {control}
      <label htmlFor={id} className="text-sm font-medium text-zinc-800 select-none">
        {label}
      </label>
    </div>
  );
}
