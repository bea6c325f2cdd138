import * as React from "react";
import { cn } from "./cn";

export type BadgeVariant = "neutral" | "success" | "warning" | "danger" | "info" | "accent";

const variants: Record<BadgeVariant, string> = {
  neutral: "bg-zinc-100 text-zinc-700 ring-zinc-200",
  success: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  warning: "bg-amber-50 text-amber-800 ring-amber-200",
  danger: "bg-red-50 text-red-700 ring-red-200",
  info: "bg-sky-50 text-sky-700 ring-sky-200",
  accent: "bg-indigo-50 text-indigo-700 ring-indigo-200",
};

const dots: Record<BadgeVariant, string> = {
  neutral: "bg-zinc-400",
  success: "bg-emerald-500",
  warning: "bg-amber-500",
  danger: "bg-red-500",
  info: "bg-sky-500",
  accent: "bg-indigo-500",
};

export type BadgeProps = React.HTMLAttributes<HTMLSpanElement> & {
  variant?: BadgeVariant;
  /** Leading status dot. */
  dot?: boolean;
};

export function Badge({ variant = "neutral", dot, className, children, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex h-5 shrink-0 items-center gap-1.5 rounded-full px-2 text-xs leading-none font-medium whitespace-nowrap ring-1 ring-inset",
        "[&_svg]:size-3",
        variants[variant],
        className,
      )}
      {...props}
    >
      {dot ? <span aria-hidden className={cn("size-1.5 rounded-full", dots[variant])} /> : null}
      {children}
    </span>
  );
}
