import { cn } from "./cn";

export type SpinnerProps = {
  size?: "xs" | "sm" | "md" | "lg";
  className?: string;
  /** Accessible label; pass `null` when the spinner is decorative (e.g. inside a button that already says "Saving…"). */
  label?: string | null;
};

const sizes = { xs: "size-3", sm: "size-3.5", md: "size-4", lg: "size-6" } as const;

export function Spinner({ size = "md", className, label = "Loading" }: SpinnerProps) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      className={cn("shrink-0 animate-spin", sizes[size], className)}
      role={label ? "status" : undefined}
      aria-label={label ?? undefined}
      aria-hidden={label ? undefined : true}
    >
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.2" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
