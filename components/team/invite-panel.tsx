"use client";

import { Copy, Link2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createInvite, revokeInvite } from "@/lib/actions/teams";
import { isRole, type Role } from "@/lib/auth/permissions";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";

interface PendingInvite {
  id: string;
  role: string;
  expiresAt: string;
}

export function InvitePanel({ teamId, invites, canInviteOwners }: { teamId: string; invites: PendingInvite[]; canInviteOwners: boolean }) {
  const router = useRouter();
  const [role, setRole] = useState<Role>("member");
  const [link, setLink] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-2">
        <Select
          aria-label="Role for the invite"
          value={role}
          onChange={(e) => isRole(e.target.value) && setRole(e.target.value)}
          options={[
            { value: "member", label: "Member" },
            { value: "admin", label: "Admin" },
            ...(canInviteOwners ? [{ value: "owner", label: "Owner" }] : []),
          ]}
          className="w-36"
        />
        <Button
          loading={pending}
          onClick={() =>
            start(async () => {
              const result = await createInvite({ teamId, role });
              if (!result.ok) return void toast.error(result.error.message);
              setLink(`${window.location.origin}${result.data.path}`);
              router.refresh();
            })
          }
        >
          <Link2 className="size-4" aria-hidden /> Create invite link
        </Button>
      </div>
      {link ? (
        <Alert variant="success" title="Invite link created">
          <p className="mb-2">Send this link to the person you invite. It works once and expires in 7 days; it is not shown again.</p>
          <div className="flex gap-2">
            <Input readOnly value={link} aria-label="Invite link" onFocus={(e) => e.currentTarget.select()} />
            <Button variant="secondary" onClick={() => void navigator.clipboard.writeText(link).then(() => toast.success("Copied"))}>
              <Copy className="size-4" aria-hidden /> Copy
            </Button>
          </div>
        </Alert>
      ) : null}
      {invites.length > 0 ? (
        <ul className="divide-y divide-border rounded-control border border-border">
          {invites.map((invite) => (
            <li key={invite.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span className="flex items-center gap-2">
                <Badge variant="info">{invite.role}</Badge>
                <span className="text-muted-foreground">expires {new Date(invite.expiresAt).toLocaleDateString("en-US")}</span>
              </span>
              <Button
                variant="ghost"
                size="sm"
                onClick={() =>
                  start(async () => {
                    const result = await revokeInvite({ teamId, inviteId: invite.id });
                    if (!result.ok) toast.error(result.error.message);
                    router.refresh();
                  })
                }
              >
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">No pending invites.</p>
      )}
    </div>
  );
}
