"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toaster";
import { removePlayConnection, setPlayConnectionEnabled } from "@/lib/actions/google-play";

/** Turn the project's Google Play connection off and on again, or remove its key. */
export function PlayConnectionControls({ projectId, enabled }: { projectId: string; enabled: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <div className="space-y-4" data-testid="play-connection-controls">
      <Switch
        label="Sync Google Play"
        description={enabled ? "Reviews every 6 hours, ratings daily at 07:00 UTC, and replies from the dashboard." : "Disabled: no syncs and no replies to Play reviews until enabled again."}
        checked={enabled}
        disabled={pending}
        onCheckedChange={(checked) =>
          start(async () => {
            const result = await setPlayConnectionEnabled({ projectId, enabled: checked });
            if (!result.ok) return void toast.error(result.error.message);
            toast.success(checked ? "Google Play connection enabled" : "Google Play connection disabled");
            router.refresh();
          })
        }
      />
      <ConfirmDialog
        trigger={
          <Button variant="secondary" size="sm">
            <Trash2 aria-hidden /> Remove Google Play connection
          </Button>
        }
        title="Remove the Google Play connection?"
        description="The stored service-account key and the reports bucket are deleted. Synced Play reviews and ratings stay, but nothing new arrives and replies cannot be sent until a key is added again."
        confirmText="remove"
        confirmLabel="Remove"
        onConfirm={async () => {
          const result = await removePlayConnection({ projectId, confirm: "remove" });
          if (!result.ok) {
            toast.error(result.error.message);
            throw new Error(result.error.message);
          }
          toast.success("Google Play connection removed");
          router.refresh();
        }}
      />
    </div>
  );
}
