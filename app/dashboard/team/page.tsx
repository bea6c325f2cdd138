import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { InvitePanel } from "@/components/team/invite-panel";
import { MemberRowActions } from "@/components/team/member-row-actions";
import { LeaveTeamButton, TeamSettingsForm } from "@/components/team/team-settings-form";
import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { buttonVariants } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { currentTeamFor } from "@/lib/current-team";
import { pageOperation } from "@/lib/operations/adapters/page";
import { getTeamOverview } from "@/lib/operations/teams";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const user = await requirePageUser("/dashboard/team");
  const { current } = await currentTeamFor(user.id);
  if (!current) redirect("/dashboard");
  const { team, members, invites, isAdmin, role } = await pageOperation(getTeamOverview, { teamId: current.id }, "/dashboard/team");
  return (
    <div className="space-y-6">
      <PageHeader title={team.name} description="Members, roles and invitations." actions={<LeaveTeamButton teamId={team.id} teamName={team.name} />} />
      <Card>
        <CardHeader>
          <CardTitle>Members</CardTitle>
          <CardDescription>Owners and admins manage projects, integrations and members; members read ratings and reviews.</CardDescription>
        </CardHeader>
        <CardContent className="p-0">
          <ul className="divide-y divide-border">
            {members.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
                <div className="flex min-w-0 items-center gap-3">
                  <Avatar name={m.name} size="sm" />
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium">
                      {m.name} {m.userId === user.id ? <span className="text-muted-foreground">(you)</span> : null}
                    </p>
                    <p className="truncate text-xs text-muted-foreground">{m.email}</p>
                  </div>
                </div>
                {isAdmin ? (
                  <MemberRowActions teamId={team.id} userId={m.userId} name={m.name} role={m.role} isSelf={m.userId === user.id} />
                ) : (
                  <Badge variant={m.role === "member" ? "neutral" : "info"}>{m.role}</Badge>
                )}
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
      {isAdmin ? (
        <>
          <Card>
            <CardHeader>
              <CardTitle>Invite people</CardTitle>
              <CardDescription>Invite links work once and expire after 7 days.</CardDescription>
            </CardHeader>
            <CardContent>
              <InvitePanel teamId={team.id} invites={invites} canInviteOwners={role === "owner"} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Agent keys</CardTitle>
              <CardDescription>Keys for scripts, the starboard CLI and AI agents (MCP) to read reviews and ratings, and reply where you allow it.</CardDescription>
            </CardHeader>
            <CardContent>
              <Link href="/dashboard/team/agent-keys" className={buttonVariants({ variant: "secondary" })}>
                Manage agent keys
              </Link>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Settings</CardTitle>
            </CardHeader>
            <CardContent>
              <TeamSettingsForm teamId={team.id} name={team.name} membersMayPublishReplies={team.membersMayPublishReplies} />
            </CardContent>
          </Card>
        </>
      ) : null}
    </div>
  );
}
