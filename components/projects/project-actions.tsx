"use client";

import { MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteProject, renameProject } from "@/lib/actions/projects";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";

export function ProjectActions({ projectId, name }: { projectId: string; name: string }) {
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="secondary" size="icon" aria-label="Project actions">
            <MoreHorizontal className="size-4" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuItem onSelect={() => setRenaming(true)}>
            <Pencil className="size-3.5" aria-hidden /> Rename project
          </DropdownMenuItem>
          <DropdownMenuItem destructive onSelect={() => setDeleting(true)}>
            <Trash2 className="size-3.5" aria-hidden /> Delete project
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={renaming} onOpenChange={(o) => (setRenaming(o), setError(undefined))}>
        <DialogContent title="Rename project" size="sm">
          <form
            className="space-y-4"
            action={(form) =>
              start(async () => {
                const result = await renameProject({ projectId, name: String(form.get("name") ?? "") });
                if (!result.ok) return setError(result.error.fieldErrors?.name ?? result.error.message);
                setRenaming(false);
                toast.success("Project renamed");
                router.refresh();
              })
            }
          >
            <Field label="Project name" error={error}>
              <Input name="name" defaultValue={name} autoFocus maxLength={100} />
            </Field>
            <DialogFooter>
              <Button type="button" variant="secondary" onClick={() => setRenaming(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={pending}>
                Save
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete ${name}?`}
        description="Its apps, rating history, reviews and integration are deleted for good. Replies already published on the App Store stay there."
        confirmText={name}
        confirmLabel="Delete project"
        onConfirm={async () => {
          const result = await deleteProject({ projectId });
          if (!result.ok) {
            toast.error(result.error.message);
            throw new Error(result.error.message);
          }
          toast.success(`Deleted ${name}`);
          router.push("/dashboard");
          router.refresh();
        }}
      />
    </>
  );
}
