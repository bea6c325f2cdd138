import "server-only";
// Choices for the reviews page's filters: the team's projects, Apple apps and the languages its reviews are in.
import { db } from "@/lib/db";

export interface ReviewFilterOptions {
  projects: { id: string; name: string }[];
  apps: { id: string; name: string; projectId: string }[];
  /** Detected review languages present in the team, by name. */
  languages: { code: string; name: string }[];
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

/** The distinct languages of a team's reviews: one index probe per language (a loose index scan), not a scan of every review. */
async function teamLanguages(teamId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ language: string }[]>`
    WITH RECURSIVE l AS (
      (SELECT language FROM app_store_reviews WHERE team_id = ${teamId}::uuid AND language IS NOT NULL ORDER BY language LIMIT 1)
      UNION ALL
      SELECT (SELECT r.language FROM app_store_reviews r WHERE r.team_id = ${teamId}::uuid AND r.language > l.language ORDER BY r.language LIMIT 1)
      FROM l WHERE l.language IS NOT NULL
    )
    SELECT language FROM l WHERE language IS NOT NULL`;
  return rows.map((r) => r.language);
}

export async function reviewFilterOptions(teamId: string, onlyProjectId: string | null = null): Promise<ReviewFilterOptions> {
  const [projects, apps, languages] = await Promise.all([
    db.project.findMany({ where: { teamId, ...(onlyProjectId ? { id: onlyProjectId } : {}) }, select: { id: true, name: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.app.findMany({
      where: { teamId, platform: "apple", ...(onlyProjectId ? { projectId: onlyProjectId } : {}) },
      select: { id: true, name: true, projectId: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    teamLanguages(teamId),
  ]);
  return {
    projects,
    apps,
    languages: languages.map((code) => ({ code, name: languageNames.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, "en")),
  };
}
