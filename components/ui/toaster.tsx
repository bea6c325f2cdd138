"use client";

import { Toaster as Sonner, toast } from "sonner";
import { CircleCheck, CircleAlert, Info, TriangleAlert } from "lucide-react";
import { Spinner } from "./spinner";

export { toast };

/** Mounted once in app/layout.tsx. Use `toast.success("Saved")`, `toast.error("…", { description })`, `toast.promise(…)`. */
export function Toaster() {
  return (
    <Sonner
      position="bottom-right"
      theme="light"
      gap={8}
      visibleToasts={4}
      closeButton
      icons={{
        success: <CircleCheck className="size-4 text-emerald-600" />,
        error: <CircleAlert className="size-4 text-red-600" />,
        warning: <TriangleAlert className="size-4 text-amber-500" />,
        info: <Info className="size-4 text-indigo-600" />,
        loading: <Spinner size="sm" label={null} className="text-zinc-500" />,
      }}
      toastOptions={{
        unstyled: true,
        classNames: {
          toast:
            "group relative flex w-[356px] items-start gap-2.5 rounded-card border border-border bg-white p-3.5 pr-8 text-sm text-foreground shadow-overlay",
          icon: "mt-0.5 flex size-4 shrink-0 items-center justify-center",
          content: "grid min-w-0 flex-1 gap-0.5",
          title: "font-medium leading-5",
          description: "text-[13px] leading-5 text-muted-foreground",
          actionButton:
            "ml-auto shrink-0 self-center rounded-md bg-accent px-2.5 py-1 text-[13px] font-medium text-white hover:bg-accent-hover",
          cancelButton:
            "shrink-0 self-center rounded-md border border-border bg-white px-2.5 py-1 text-[13px] font-medium text-foreground hover:bg-subtle",
          closeButton:
            "!absolute !top-2.5 !right-2 !left-auto !size-6 !transform-none !rounded-md !border-0 !bg-transparent text-zinc-400 hover:!bg-muted hover:text-zinc-700 [&_svg]:!size-3.5",
        },
      }}
    />
  );
}
