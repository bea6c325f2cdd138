"use client";

import { Hash, KeyRound, Send, Trash2, Webhook } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toaster";
import { deleteNotificationEndpoint, rotateNotificationEndpointSecret, testNotificationEndpoint, updateNotificationEndpoint } from "@/lib/actions/notifications";
import type { EndpointView } from "@/lib/data/notifications/endpoints";
import { TYPE_META } from "@/lib/notifications/types";
import { SecretDialog } from "./secret-dialog";

export function EndpointCard({ projectId, endpoint, canManage }: { projectId: string; endpoint: EndpointView; canManage: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [testing, setTesting] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const Icon = endpoint.kind === "slack" ? Hash : Webhook;
  const ids = { projectId, endpointId: endpoint.id };

  const setEnabled = (enabled: boolean) =>
    startTransition(async () => {
      const result = await updateNotificationEndpoint({ ...ids, enabled });
      if (!result.ok) toast.error(result.error.message);
      router.refresh();
    });

  async function sendTest() {
    setTesting(true);
    const result = await testNotificationEndpoint(ids);
    setTesting(false);
    if (!result.ok) toast.error(result.error.message);
    else if (result.data.ok) toast.success(`Test message delivered to ${endpoint.name}.`);
    else toast.error(`The test did not arrive: ${result.data.error}`);
  }

  return (
    <div className="flex flex-col gap-3 rounded-card border border-border bg-white p-4 shadow-card sm:flex-row sm:items-start">
      <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-zinc-100 text-zinc-700">
        <Icon className="size-4" aria-hidden />
      </span>
      <div className="min-w-0 flex-1 space-y-1.5">
        <div className="flex flex-wrap items-center gap-2">
          <p className="text-sm font-semibold">{endpoint.name}</p>
          {endpoint.enabled ? (
            endpoint.consecutiveFailures > 0 ? <Badge variant="warning" dot>Failing ({endpoint.consecutiveFailures})</Badge> : <Badge variant="success" dot>Active</Badge>
          ) : (
            <Badge variant="danger" dot>Off</Badge>
          )}
        </div>
        <p className="truncate font-mono text-xs text-muted-foreground">{endpoint.urlHint}</p>
        <div className="flex flex-wrap gap-1">
          {endpoint.eventTypes.map((t) => (
            <Badge key={t} variant="neutral">{TYPE_META[t]?.label ?? t}</Badge>
          ))}
        </div>
        {!endpoint.enabled && endpoint.disabledReason ? <p className="text-[13px] text-red-700">{endpoint.disabledReason}</p> : null}
        {endpoint.enabled && endpoint.lastError && endpoint.consecutiveFailures > 0 ? <p className="text-[13px] text-amber-700">Last error: {endpoint.lastError}</p> : null}
        <p className="text-xs text-muted-foreground">
          {endpoint.lastSuccessAt ? (
            <>
              Last delivered <RelativeTime iso={endpoint.lastSuccessAt} />
            </>
          ) : (
            "Nothing delivered yet"
          )}
        </p>
      </div>
      {canManage ? (
        <div className="flex shrink-0 flex-wrap items-center gap-1.5">
          <Switch checked={endpoint.enabled} disabled={pending} onCheckedChange={setEnabled} aria-label={`${endpoint.name} on`} />
          <Button variant="ghost" size="sm" onClick={() => void sendTest()} loading={testing}>
            <Send aria-hidden /> Test
          </Button>
          {endpoint.kind === "webhook" ? (
            <ConfirmDialog
              trigger={<Button variant="ghost" size="sm"><KeyRound aria-hidden /> Rotate secret</Button>}
              title="Rotate the signing secret?"
              description="Deliveries are signed with the new secret at once; the receiver must be updated."
              confirmLabel="Rotate"
              destructive={false}
              onConfirm={async () => {
                const result = await rotateNotificationEndpointSecret(ids);
                if (!result.ok) { toast.error(result.error.message); throw new Error(result.error.message); }
                setSecret(result.data.secret);
              }}
            />
          ) : null}
          <ConfirmDialog
            trigger={<Button variant="ghost" size="icon-sm" aria-label={`Remove ${endpoint.name}`}><Trash2 aria-hidden /></Button>}
            title={`Remove ${endpoint.name}?`}
            description="It stops receiving this project's notifications."
            confirmLabel="Remove"
            onConfirm={async () => {
              const result = await deleteNotificationEndpoint(ids);
              if (!result.ok) { toast.error(result.error.message); throw new Error(result.error.message); }
              router.refresh();
            }}
          />
        </div>
      ) : null}
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
    </div>
  );
}
