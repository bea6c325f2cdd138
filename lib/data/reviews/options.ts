import "server-only";
// Choices for the reviews page's filters: the team's projects and Apple apps.
import { db } from "@/lib/db";

export interface ReviewFilterOptions {
  projects: { id: string; name: string }[];
  apps: { id: string; name: string; projectId: string }[];
}

export async function reviewFilterOptions(teamId: string, onlyProjectId: string | null = null): Promise<ReviewFilterOptions> {
  const [projects, apps] = await Promise.all([
    db.project.findMany({ where: { teamId, ...(onlyProjectId ? { id: onlyProjectId } : {}) }, select: { id: true, name: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.app.findMany({
      where: { teamId, platform: "apple", ...(onlyProjectId ? { projectId: onlyProjectId } : {}) },
      select: { id: true, name: true, projectId: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
  ]);
  return { projects, apps };
}
