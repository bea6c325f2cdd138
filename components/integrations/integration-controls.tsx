"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toaster";
import { removeIntegration, setIntegrationEnabled } from "@/lib/actions/integrations";

export function IntegrationControls({ projectId, enabled }: { projectId: string; enabled: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <div className="space-y-4">
      <Switch
        label="Sync reviews"
        description={enabled ? "Reviews sync nightly at 05:30 UTC and on demand." : "Disabled: no syncs and no replies until enabled again."}
        checked={enabled}
        disabled={pending}
        onCheckedChange={(checked) =>
          start(async () => {
            const result = await setIntegrationEnabled({ projectId, enabled: checked });
            if (!result.ok) return void toast.error(result.error.message);
            toast.success(checked ? "Integration enabled" : "Integration disabled");
            router.refresh();
          })
        }
      />
      <ConfirmDialog
        trigger={
          <Button variant="secondary" size="sm">
            <Trash2 aria-hidden /> Remove integration
          </Button>
        }
        title="Remove App Store Connect integration?"
        description="The stored key is deleted. Synced reviews stay, but no new reviews arrive and replies cannot be sent until a key is added again."
        confirmText="remove"
        confirmLabel="Remove"
        onConfirm={async () => {
          const result = await removeIntegration({ projectId, confirm: "remove" });
          if (!result.ok) {
            toast.error(result.error.message);
            throw new Error(result.error.message);
          }
          toast.success("Integration removed");
          router.refresh();
        }}
      />
    </div>
  );
}
