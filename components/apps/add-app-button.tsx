"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { AppFormDialog } from "./app-form-dialog";

export function AddAppButton({ projectId }: { projectId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden /> Add app
      </Button>
      <AppFormDialog projectId={projectId} open={open} onOpenChange={setOpen} />
    </>
  );
}
