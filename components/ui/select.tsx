"use client";

import * as React from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "./cn";
import { useFieldControl } from "./field";
import { controlClasses } from "./input";

export type SelectOption = { value: string; label: string; disabled?: boolean };

export type SelectProps = Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "size"> & {
  /** Convenience: render these instead of children. */
  options?: SelectOption[];
  /** Adds a first disabled, empty-valued option shown while nothing is selected. */
  placeholder?: string;
  size?: "sm" | "md";
  ref?: React.Ref<HTMLSelectElement>;
};

/** Styled native <select>. Works in forms, with FormData and server actions. */
export function Select({ className, options, placeholder, children, size = "md", ...rest }: SelectProps) {
  const props = useFieldControl(rest);
  const hasValue = props.value !== undefined || props.defaultValue !== undefined;
  return (
    <div className={cn("relative", className)}>
      <select
        className={cn(
          controlClasses,
          "appearance-none truncate pr-9",
          size === "sm" ? "h-8 pl-2.5 text-[13px]" : "h-9 pl-3",
          "invalid:text-zinc-400 [&>option]:text-foreground",
        )}
        defaultValue={!hasValue && placeholder ? "" : undefined}
        {...props}
      >
        {placeholder ? (
          <option value="" disabled>
            {placeholder}
          </option>
        ) : null}
        {options
          ? options.map((o) => (
              <option key={o.value} value={o.value} disabled={o.disabled}>
                {o.label}
              </option>
            ))
          : children}
      </select>
      <ChevronDown
        aria-hidden
        className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-zinc-400"
      />
    </div>
  );
}
