import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AgentKeyList } from "@/components/agent-keys/agent-key-list";
import { CreateAgentKeyForm } from "@/components/agent-keys/create-agent-key-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PERMISSION_LABELS } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { currentTeamFor } from "@/lib/current-team";
import { AGENT_KEY_PERMISSIONS } from "@/lib/data/agent-keys";
import { pageOperation } from "@/lib/operations/adapters/page";
import { getAgentKeySetup } from "@/lib/operations/agent-keys";

export const metadata: Metadata = { title: "Agent keys" };

export default async function AgentKeysPage() {
  const user = await requirePageUser("/dashboard/team/agent-keys");
  const { current } = await currentTeamFor(user.id);
  if (!current) redirect("/dashboard");
  const setup = await pageOperation(getAgentKeySetup, { teamId: current.id }, "/dashboard/team/agent-keys");
  const back = (
    <Link href="/dashboard/team" className="text-sm text-muted-foreground hover:text-foreground">
      ← Team
    </Link>
  );
  if (!setup.canManage) {
    return (
      <div className="space-y-6">
        <PageHeader title="Agent keys" eyebrow={back} />
        <Alert variant="info" title="Only owners and admins manage agent keys">Ask an owner or admin of {current.name} for a key.</Alert>
      </div>
    );
  }
  const { keys, projects } = setup;
  const h = await headers();
  const serverUrl = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost:3000"}`;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={back}
        title="Agent keys"
        description="Keys for scripts, the starboard CLI and AI agents (MCP) to use the REST API at /api/v1. Each key makes at most 120 requests a minute."
      />
      <Card>
        <CardHeader>
          <CardTitle>New key</CardTitle>
          <CardDescription>Keys read reviews and ratings by default. Downloads and proceeds need sales:read, replying needs reviews:write: both granted explicitly.</CardDescription>
        </CardHeader>
        <CardContent>
          <CreateAgentKeyForm
            teamId={current.id}
            projects={projects}
            permissions={AGENT_KEY_PERMISSIONS.map((p) => ({ value: p, label: PERMISSION_LABELS[p] }))}
            serverUrl={serverUrl}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Keys of {current.name}</CardTitle>
          <CardDescription>
            Revoked keys stop working at once. API reference: <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a>
          </CardDescription>
        </CardHeader>
        <CardContent className="p-0">
          <AgentKeyList teamId={current.id} keys={keys} />
        </CardContent>
      </Card>
    </div>
  );
}
