"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { changeMemberRole, removeMember } from "@/lib/actions/teams";
import { isRole } from "@/lib/auth/permissions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";

const ROLE_OPTIONS = [
  { value: "owner", label: "Owner" },
  { value: "admin", label: "Admin" },
  { value: "member", label: "Member" },
];

export function MemberRowActions({ teamId, userId, name, role, isSelf }: { teamId: string; userId: string; name: string; role: string; isSelf: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <div className="flex items-center justify-end gap-2">
      <Select
        aria-label={`Role of ${name}`}
        size="sm"
        value={role}
        disabled={pending}
        options={ROLE_OPTIONS}
        onChange={(e) => {
          const next = e.target.value;
          if (!isRole(next)) return;
          start(async () => {
            const result = await changeMemberRole({ teamId, userId, role: next });
            if (!result.ok) toast.error(result.error.message);
            else toast.success(`${name} is now ${result.data.role === "member" ? "a member" : `an ${result.data.role}`}`);
            router.refresh();
          });
        }}
      />
      {!isSelf ? (
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="sm">
              Remove
            </Button>
          }
          title={`Remove ${name}?`}
          description="They lose access to this team's projects right away. You can invite them again later."
          confirmLabel="Remove member"
          onConfirm={async () => {
            const result = await removeMember({ teamId, userId });
            if (!result.ok) {
              toast.error(result.error.message);
              throw new Error(result.error.message);
            }
            toast.success(`Removed ${name}`);
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}
