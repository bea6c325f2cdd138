"use client";

import * as React from "react";
import { cn } from "./cn";
import { Label } from "./label";

type FieldContextValue = {
  id: string;
  hintId?: string;
  errorId?: string;
  invalid: boolean;
  required?: boolean;
};

const FieldContext = React.createContext<FieldContextValue | null>(null);

/** Used by Input / Textarea / Select / Checkbox to pick up id + aria wiring from an enclosing <Field>. */
export function useFieldControl<P extends { id?: string; "aria-describedby"?: string; "aria-invalid"?: unknown; required?: boolean }>(
  props: P,
): P {
  const ctx = React.useContext(FieldContext);
  if (!ctx) return props;
  const describedBy = [props["aria-describedby"], ctx.hintId, ctx.errorId].filter(Boolean).join(" ") || undefined;
  return {
    ...props,
    id: props.id ?? ctx.id,
    "aria-describedby": describedBy,
    "aria-invalid": props["aria-invalid"] ?? (ctx.invalid || undefined),
    required: props.required ?? ctx.required,
  };
}

export type FieldProps = {
  label?: React.ReactNode;
  /** Help text under the control. Hidden while an error is shown. */
  hint?: React.ReactNode;
  /** Error message(s). A string[] (e.g. zod `flatten().fieldErrors.x`) shows the first one. */
  error?: React.ReactNode | string[];
  required?: boolean;
  /** Shown right-aligned in the label row, e.g. a "Forgot password?" link. */
  labelAction?: React.ReactNode;
  /** Override the generated control id. */
  id?: string;
  className?: string;
  children: React.ReactNode;
};

/**
 * Label + control + hint + error. The control inside (Input, Textarea, Select, Checkbox…) automatically gets
 * id, aria-invalid and aria-describedby.
 */
export function Field({ label, hint, error, required, labelAction, id, className, children }: FieldProps) {
  const autoId = React.useId();
  const controlId = id ?? `field-${autoId}`;
  const message = Array.isArray(error) ? error[0] : error;
  const hasError = message !== undefined && message !== null && message !== false && message !== "";
  const hintId = hint && !hasError ? `${controlId}-hint` : undefined;
  const errorId = hasError ? `${controlId}-error` : undefined;

  return (
    <FieldContext.Provider value={{ id: controlId, hintId, errorId, invalid: hasError, required }}>
      <div className={cn("flex flex-col gap-1.5", className)}>
        {label || labelAction ? (
          <div className="flex items-center justify-between gap-2">
            {label ? (
              <Label htmlFor={controlId} required={required}>
                {label}
              </Label>
            ) : (
              <span />
            )}
            {labelAction ? <div className="text-[13px]">{labelAction}</div> : null}
          </div>
        ) : null}
        {children}
        {hintId ? (
          <p id={hintId} className="text-[13px] leading-5 text-muted-foreground">
            {hint}
          </p>
        ) : null}
        {errorId ? (
          <p id={errorId} role="alert" className="flex items-start gap-1.5 text-[13px] leading-5 font-medium text-danger">
            <svg viewBox="0 0 16 16" fill="currentColor" aria-hidden className="mt-[3px] size-3.5 shrink-0">
              <path
                fillRule="evenodd"
                d="M8 15A7 7 0 1 0 8 1a7 7 0 0 0 0 14Zm0-10.5a.75.75 0 0 1 .75.75v3a.75.75 0 0 1-1.5 0v-3A.75.75 0 0 1 8 4.5Zm0 7a.875.875 0 1 0 0-1.75.875.875 0 0 0 0 1.75Z"
                clipRule="evenodd"
              />
            </svg>
            <span>{message}</span>
          </p>
        ) : null}
      </div>
    </FieldContext.Provider>
  );
}
