"use client";

import { BellOff } from "lucide-react";
import { Switch } from "@/components/ui/switch";
import { setProjectMute } from "@/lib/actions/notifications";
import type { NotificationSettingsView } from "@/lib/data/notifications/settings";
import { useSavedValue } from "./use-setting";

function ProjectRow({ project }: { project: NotificationSettingsView["projects"][number] }) {
  const [muted, setMuted] = useSavedValue(project.muted, (next) => setProjectMute({ projectId: project.id, muted: next }));
  return (
    <div className="flex items-center justify-between gap-4 py-3">
      <div className="min-w-0">
        <p className="flex items-center gap-1.5 truncate text-sm font-medium">
          {muted ? <BellOff className="size-3.5 text-zinc-400" aria-hidden /> : null}
          {project.name}
        </p>
        <p className="text-[13px] text-muted-foreground">{project.teamName}</p>
      </div>
      <Switch checked={!muted} onCheckedChange={(on) => setMuted(!on)} aria-label={`Notifications from ${project.name}`} />
    </div>
  );
}

export function ProjectMutes({ projects }: { projects: NotificationSettingsView["projects"] }) {
  if (projects.length === 0) return <p className="text-sm text-muted-foreground">You are not in any project yet.</p>;
  return (
    <div className="divide-y divide-border">
      {projects.map((p) => (
        <ProjectRow key={p.id} project={p} />
      ))}
    </div>
  );
}
