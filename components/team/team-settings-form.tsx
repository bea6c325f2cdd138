"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { leaveTeam, updateTeamSettings } from "@/lib/actions/teams";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toaster";

export function TeamSettingsForm({ teamId, name, membersMayPublishReplies }: { teamId: string; name: string; membersMayPublishReplies: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <div className="space-y-5">
      <form
        className="flex items-end gap-2"
        action={(form) =>
          start(async () => {
            const result = await updateTeamSettings({ teamId, name: String(form.get("name") ?? "") });
            if (!result.ok) return setError(result.error.fieldErrors?.name ?? result.error.message);
            setError(undefined);
            toast.success("Team renamed");
            router.refresh();
          })
        }
      >
        <Field label="Team name" error={error} className="flex-1">
          <Input name="name" defaultValue={name} maxLength={100} />
        </Field>
        <Button type="submit" variant="secondary" loading={pending}>
          Save
        </Button>
      </form>
      <Switch
        label="Members may publish replies to reviews"
        description="Replies are public on the App Store. Owners and admins can always reply."
        defaultChecked={membersMayPublishReplies}
        onCheckedChange={(checked) =>
          start(async () => {
            const result = await updateTeamSettings({ teamId, membersMayPublishReplies: checked });
            if (!result.ok) toast.error(result.error.message);
            else toast.success(checked ? "Members may now publish replies" : "Only owners and admins may publish replies");
            router.refresh();
          })
        }
      />
    </div>
  );
}

export function LeaveTeamButton({ teamId, teamName }: { teamId: string; teamName: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">Leave team</Button>}
      title={`Leave ${teamName}?`}
      description="You lose access to its projects until someone invites you again."
      confirmLabel="Leave team"
      onConfirm={async () => {
        const result = await leaveTeam({ teamId });
        if (!result.ok) {
          toast.error(result.error.message);
          throw new Error(result.error.message);
        }
        router.push("/dashboard");
        router.refresh();
      }}
    />
  );
}
