"use client";

import * as React from "react";
import { cn } from "./cn";
import { useFieldControl } from "./field";
import { controlClasses } from "./input";

export type TextareaProps = React.TextareaHTMLAttributes<HTMLTextAreaElement> & {
  ref?: React.Ref<HTMLTextAreaElement>;
};

export function Textarea({ className, rows = 4, ...rest }: TextareaProps) {
  const props = useFieldControl(rest);
  return (
    <textarea
      rows={rows}
      className={cn(controlClasses, "block min-h-20 resize-y px-3 py-2 leading-6", className)}
      {...props}
    />
  );
}
