import * as React from "react";
import { cn } from "./cn";

type DivProps = React.HTMLAttributes<HTMLDivElement>;

export function Card({ className, ...props }: DivProps) {
  return (
    <div
      className={cn("flex flex-col rounded-card border border-border bg-surface text-foreground shadow-card", className)}
      {...props}
    />
  );
}

/** Header row. Put CardTitle/CardDescription inside; an `actions` node is right-aligned. */
export function CardHeader({ className, actions, children, ...props }: DivProps & { actions?: React.ReactNode }) {
  return (
    <div className={cn("flex items-start justify-between gap-4 px-5 pt-5 pb-0", className)} {...props}>
      <div className="grid min-w-0 gap-1">{children}</div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}

/** A card sits under the page's <h1>, so its title is an <h2>; `as="h1"` where the card is the page (sign-in). */
export function CardTitle({ className, as: Heading = "h2", ...props }: React.HTMLAttributes<HTMLHeadingElement> & { as?: "h1" | "h2" | "h3" }) {
  return <Heading className={cn("text-[15px] leading-6 font-semibold tracking-[-0.01em] text-foreground", className)} {...props} />;
}

export function CardDescription({ className, ...props }: React.HTMLAttributes<HTMLParagraphElement>) {
  return <p className={cn("text-sm leading-5 text-muted-foreground", className)} {...props} />;
}

export function CardContent({ className, ...props }: DivProps) {
  return <div className={cn("flex-1 px-5 py-5", className)} {...props} />;
}

const footerAlign = { end: "justify-end", between: "justify-between", start: "justify-start" } as const;

/** Footer with a subtle top border and tinted background. `align` defaults to "end" (buttons right-aligned). */
export function CardFooter({ className, align = "end", ...props }: DivProps & { align?: keyof typeof footerAlign }) {
  return (
    <div
      className={cn(
        "flex items-center gap-2 rounded-b-card border-t border-border bg-subtle/70 px-5 py-3",
        footerAlign[align],
        className,
      )}
      {...props}
    />
  );
}
