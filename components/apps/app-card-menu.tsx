"use client";

import { MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteApp } from "@/lib/actions/apps";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toaster";
import { AppFormDialog, type AppFormValues } from "./app-form-dialog";

export function AppCardMenu({ projectId, app }: { projectId: string; app: AppFormValues & { id: string } }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${app.name}`}>
            <MoreHorizontal className="size-4" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuItem onSelect={() => setEditing(true)}>
            <Pencil className="size-3.5" aria-hidden /> Edit app
          </DropdownMenuItem>
          <DropdownMenuItem destructive onSelect={() => setDeleting(true)}>
            <Trash2 className="size-3.5" aria-hidden /> Delete app
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <AppFormDialog projectId={projectId} app={app} open={editing} onOpenChange={setEditing} />
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete ${app.name}?`}
        description="Its rating history and stored reviews are removed from Starboard. Nothing changes on the App Store."
        confirmLabel="Delete app"
        onConfirm={async () => {
          const result = await deleteApp({ appId: app.id });
          if (!result.ok) {
            toast.error(result.error.message);
            throw new Error(result.error.message);
          }
          toast.success(`Deleted ${app.name}`);
          router.refresh();
        }}
      />
    </>
  );
}
