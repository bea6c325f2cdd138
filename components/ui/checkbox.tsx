"use client";

import * as React from "react";
import { Checkbox as RadixCheckbox } from "radix-ui";
import { Check, Minus } from "lucide-react";
import { cn } from "./cn";
import { useFieldControl } from "./field";

export type CheckboxProps = React.ComponentProps<typeof RadixCheckbox.Root> & {
  /** Inline label rendered to the right; clicking it toggles the box. */
  label?: React.ReactNode;
  /** Secondary text under the label. */
  description?: React.ReactNode;
};

/**
 * Radix checkbox. Inside a <form> it submits `name=value` ("on" by default) like a native checkbox.
 * Use `checked`/`onCheckedChange` (controlled) or `defaultChecked`.
 */
export function Checkbox({ className, label, description, ...rest }: CheckboxProps) {
  const autoId = React.useId();
  const props = useFieldControl(rest);
  const id = props.id ?? `cb-${autoId}`;
  const box = (
    <RadixCheckbox.Root
      {...props}
      id={id}
      className={cn(
        "peer group/cb mt-px inline-flex size-4 shrink-0 items-center justify-center rounded-[4px] border border-border-strong bg-white",
        "shadow-xs shadow-zinc-950/[0.04] transition-colors duration-100 outline-none",
        "hover:border-zinc-400 focus-visible:ring-2 focus-visible:ring-accent/40 focus-visible:ring-offset-1",
        "data-[state=checked]:border-accent data-[state=checked]:bg-accent data-[state=indeterminate]:border-accent data-[state=indeterminate]:bg-accent",
        "disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-red-400",
        !label ? className : null,
      )}
    >
      <RadixCheckbox.Indicator className="text-white">
        <Check className="size-3 group-data-[state=indeterminate]/cb:hidden" strokeWidth={3} />
        <Minus className="hidden size-3 group-data-[state=indeterminate]/cb:block" strokeWidth={3} />
      </RadixCheckbox.Indicator>
    </RadixCheckbox.Root>
  );
  if (!label) return box;
  return (
    <div className={cn("flex items-start gap-2.5", className)}>
      {box}
      <div className="grid gap-0.5 leading-5">
        <label htmlFor={id} className="text-sm font-medium text-zinc-800 select-none peer-disabled:opacity-60">
          {label}
        </label>
        {description ? <p className="text-[13px] text-muted-foreground">{description}</p> : null}
      </div>
    </div>
  );
}
