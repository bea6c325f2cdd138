import * as React from "react";
import { Slot } from "radix-ui";
import { cn } from "./cn";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger" | "link";
export type ButtonSize = "sm" | "md" | "icon" | "icon-sm";

const base =
  "relative inline-flex shrink-0 items-center justify-center gap-1.5 whitespace-nowrap rounded-control font-medium " +
  "transition-[color,background-color,border-color,box-shadow] duration-150 select-none " +
  "outline-none focus-visible:ring-2 focus-visible:ring-offset-1 focus-visible:ring-offset-white " +
  "disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50 " +
  "[&_svg:not([class*='size-'])]:size-4 [&_svg]:shrink-0";

const variants: Record<ButtonVariant, string> = {
  primary:
    "bg-accent text-accent-foreground shadow-xs shadow-indigo-950/10 hover:bg-accent-hover focus-visible:ring-accent/40 " +
    "inset-ring inset-ring-white/10",
  secondary:
    "bg-white text-foreground border border-border shadow-xs shadow-zinc-950/[0.04] hover:bg-subtle hover:border-border-strong focus-visible:ring-accent/40",
  ghost: "text-zinc-700 hover:bg-muted hover:text-foreground focus-visible:ring-accent/40",
  danger: "bg-danger text-white shadow-xs shadow-red-950/10 hover:bg-danger-hover focus-visible:ring-red-500/40",
  link: "text-accent underline-offset-4 hover:underline focus-visible:ring-accent/40 rounded-sm",
};

const sizes: Record<ButtonSize, string> = {
  sm: "h-8 px-2.5 text-[13px]",
  md: "h-9 px-3.5 text-sm",
  icon: "size-9",
  "icon-sm": "size-8",
};

/** Class string for button-looking things you can't render through <Button> (e.g. a plain <a>). */
export function buttonVariants({
  variant = "primary",
  size = "md",
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cn(base, variants[variant], variant === "link" ? "h-auto px-0" : sizes[size], className);
}

export type ButtonProps = React.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner, disables the button and sets aria-busy. Children stay visible so width doesn't jump. */
  loading?: boolean;
  /** Render the single child element (e.g. next/link <Link>) with button styles. */
  asChild?: boolean;
  ref?: React.Ref<HTMLButtonElement>;
};

export function Button({
  variant = "primary",
  size = "md",
  loading = false,
  asChild = false,
  disabled,
  className,
  children,
  type,
  ...props
}: ButtonProps) {
  const classes = buttonVariants({ variant, size, className });
  if (asChild) {
    return (
      <Slot.Root className={classes} aria-disabled={disabled || loading || undefined} {...props}>
        {children}
      </Slot.Root>
    );
  }
  return (
    <button
      type={type ?? "button"}
      className={classes}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...props}
    >
      {loading ? <Spinner size={size === "sm" || size === "icon-sm" ? "xs" : "sm"} label={null} /> : null}
      {loading && (size === "icon" || size === "icon-sm") ? null : children}
    </button>
  );
}
