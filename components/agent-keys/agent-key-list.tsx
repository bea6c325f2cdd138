"use client";

import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { toast } from "@/components/ui/toaster";
import { revokeAgentKey } from "@/lib/actions/agent-keys";

export interface AgentKeyRow {
  id: string;
  name: string;
  prefix: string;
  projectName: string | null;
  projectId: string | null;
  permissions: string[];
  createdAt: string;
  createdByName: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function AgentKeyList({ teamId, keys }: { teamId: string; keys: AgentKeyRow[] }) {
  const router = useRouter();
  if (keys.length === 0) return <p className="px-5 py-4 text-sm text-muted-foreground">No agent keys yet.</p>;
  return (
    <ul className="divide-y divide-border">
      {keys.map((k) => (
        <li key={k.id} className={`flex flex-wrap items-center justify-between gap-3 px-5 py-3 ${k.revokedAt ? "opacity-60" : ""}`}>
          <div className="min-w-0 space-y-1">
            <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
              {k.name}
              <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-normal text-zinc-600">{k.prefix}_…</code>
              {k.revokedAt ? <Badge variant="danger">revoked</Badge> : null}
            </p>
            <p className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
              <span>{k.projectId ? `Project ${k.projectName ?? "(deleted)"}` : "All projects"}</span>
              <span aria-hidden>·</span>
              {k.permissions.map((p) => (
                <Badge key={p} variant={p.endsWith(":write") ? "warning" : "neutral"}>
                  {p}
                </Badge>
              ))}
              <span aria-hidden>·</span>
              <span>
                {k.revokedAt ? (
                  `revoked ${new Date(k.revokedAt).toLocaleDateString("en-US")}`
                ) : k.lastUsedAt ? (
                  <>
                    used <RelativeTime iso={k.lastUsedAt} />
                  </>
                ) : (
                  "never used"
                )}
              </span>
              <span aria-hidden>·</span>
              <span>
                created {new Date(k.createdAt).toLocaleDateString("en-US")}
                {k.createdByName ? ` by ${k.createdByName}` : ""}
              </span>
            </p>
          </div>
          {k.revokedAt ? null : (
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="sm">
                  Revoke
                </Button>
              }
              title={`Revoke “${k.name}”?`}
              description="Scripts, the CLI and MCP clients using this key stop working at once. This cannot be undone."
              confirmLabel="Revoke key"
              onConfirm={async () => {
                const result = await revokeAgentKey({ teamId, keyId: k.id });
                if (!result.ok) {
                  toast.error(result.error.message);
                  throw new Error(result.error.message);
                }
                toast.success("Key revoked");
                router.refresh();
              }}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
