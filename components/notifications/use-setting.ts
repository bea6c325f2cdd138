"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/operations/adapters/server-action";

/** A value saved on change: shown at once, put back (with a toast) if the server refuses. */
export function useSavedValue<T>(initial: T, save: (value: T) => Promise<ActionResult<unknown>>) {
  const [value, setValue] = useState(initial);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const update = (next: T) => {
    const previous = value;
    setValue(next);
    startTransition(async () => {
      const result = await save(next);
      if (!result.ok) {
        setValue(previous);
        toast.error(result.error.message);
      } else router.refresh();
    });
  };
  return [value, update, pending] as const;
}
