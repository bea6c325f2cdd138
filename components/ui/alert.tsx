import * as React from "react";
import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import { cn } from "./cn";

export type AlertVariant = "info" | "success" | "warning" | "error";

const styles: Record<AlertVariant, { box: string; icon: string; Icon: typeof Info }> = {
  info: { box: "border-sky-200 bg-sky-50/70 text-sky-900", icon: "text-sky-600", Icon: Info },
  success: { box: "border-emerald-200 bg-emerald-50/70 text-emerald-900", icon: "text-emerald-600", Icon: CircleCheck },
  warning: { box: "border-amber-200 bg-amber-50/70 text-amber-900", icon: "text-amber-600", Icon: TriangleAlert },
  error: { box: "border-red-200 bg-red-50/70 text-red-900", icon: "text-red-600", Icon: CircleAlert },
};

export type AlertProps = Omit<React.HTMLAttributes<HTMLDivElement>, "title"> & {
  variant?: AlertVariant;
  title?: React.ReactNode;
  /** Right-aligned action, e.g. a small Button ("Retry"). */
  action?: React.ReactNode;
};

/** Inline message box (form-level errors, sync failures…). Errors get role="alert", others role="status". */
export function Alert({ variant = "info", title, action, className, children, ...props }: AlertProps) {
  const s = styles[variant];
  return (
    <div
      role={variant === "error" ? "alert" : "status"}
      className={cn("flex items-start gap-2.5 rounded-control border px-3.5 py-3 text-sm", s.box, className)}
      {...props}
    >
      <s.Icon aria-hidden className={cn("mt-0.5 size-4 shrink-0", s.icon)} />
      <div className="grid min-w-0 flex-1 gap-0.5 leading-5">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className={cn(title && "opacity-90")}>{children}</div> : null}
      </div>
      {action ? <div className="-my-1 shrink-0 self-center">{action}</div> : null}
    </div>
  );
}
