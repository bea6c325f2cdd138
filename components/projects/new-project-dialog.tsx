"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createProject } from "@/lib/actions/projects";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function NewProjectDialog({ teamId }: { teamId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), setError(undefined))}>
      <DialogTrigger asChild>
        <Button>
          <Plus className="size-4" aria-hidden /> New project
        </Button>
      </DialogTrigger>
      <DialogContent title="New project" description="Group the apps you want to follow together, e.g. one per product." size="sm">
        <form
          className="space-y-4"
          action={(form) =>
            start(async () => {
              const result = await createProject({ teamId, name: String(form.get("name") ?? "") });
              if (!result.ok) return setError(result.error.fieldErrors?.name ?? result.error.message);
              setOpen(false);
              router.push(`/dashboard/projects/${result.data.id}`);
              router.refresh();
            })
          }
        >
          <Field label="Project name" error={error}>
            <Input name="name" autoFocus maxLength={100} placeholder="Weather apps" />
          </Field>
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              Create project
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
