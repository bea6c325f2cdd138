"use client";

import { Check, ChevronsUpDown, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createTeam, switchTeam } from "@/lib/actions/teams";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

interface TeamOption {
  id: string;
  name: string;
  role: string;
}

export function TeamSwitcher({ teams, currentId }: { teams: TeamOption[]; currentId: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const current = teams.find((t) => t.id === currentId) ?? teams[0];
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <button className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-zinc-900/[0.04] focus-ring">
            <span aria-hidden className="contents">
              <Avatar name={current?.name ?? "Team"} size="xs" shape="rounded" />
            </span>
            {/* Read as "Switch team: <name>": the spoken name contains the visible one. */}
            <span className="sr-only">Switch team: </span>
            <span className="min-w-0 flex-1 truncate font-medium">{current?.name}</span>
            <ChevronsUpDown className="size-3.5 text-muted-foreground" aria-hidden />
          </button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-60">
          <DropdownMenuLabel>Teams</DropdownMenuLabel>
          {teams.map((team) => (
            <DropdownMenuItem
              key={team.id}
              disabled={pending}
              onSelect={() =>
                start(async () => {
                  await switchTeam({ teamId: team.id });
                  router.push("/dashboard");
                  router.refresh();
                })
              }
            >
              <Avatar name={team.name} size="xs" shape="rounded" />
              <span className="flex-1 truncate">{team.name}</span>
              {team.id === current?.id ? <Check className="size-3.5" aria-hidden /> : null}
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setCreating(true)}>
            <Plus className="size-3.5" aria-hidden /> Create team
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={creating} onOpenChange={setCreating}>
        <DialogContent title="Create a team" description="A team has its own projects, members and integrations." size="sm">
          <form
            action={(form) =>
              start(async () => {
                const result = await createTeam({ name: String(form.get("name") ?? "") });
                if (!result.ok) return setError(result.error.fieldErrors?.name ?? result.error.message);
                setCreating(false);
                setError(undefined);
                router.push(`/dashboard/projects/${result.data.projectId}`);
                router.refresh();
              })
            }
            className="space-y-4"
          >
            <Field label="Team name" error={error}>
              <Input name="name" autoFocus maxLength={100} />
            </Field>
            <DialogFooter>
              <Button type="button" variant="secondary" onClick={() => setCreating(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={pending}>
                Create team
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
