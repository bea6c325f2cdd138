import { Users } from "lucide-react";
import type { Metadata } from "next";
import { ProjectCountryPanel } from "@/components/ratings/project-country-panel";
import { SyncReviewsButton } from "@/components/integrations/sync-reviews-button";
import { ReviewsBrowser } from "@/components/reviews/reviews-browser";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can, resolveAccess, type AccessContext, type Caller } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/session";
import { currentTeamFor } from "@/lib/current-team";
import { getIntegration } from "@/lib/data/integrations";
import { filtersFromSearchParams, FILTER_LABELS, invalidFilterMessages, searchReviews, SearchTooSlowError, type ReviewFilters, type ReviewPage } from "@/lib/data/reviews";
import { reviewFilterOptions } from "@/lib/data/reviews/options";
import { NotFoundError } from "@/lib/errors";
import { latestRun } from "@/lib/sync/runs";

export const metadata: Metadata = { title: "Reviews" };

/** Access for the narrowest scope the URL names; a project or app of another team is dropped, never shown. */
async function accessFor(caller: Caller, teamId: string, filters: ReviewFilters): Promise<{ ctx: AccessContext; filters: ReviewFilters }> {
  try {
    const scope = filters.app ? { appId: filters.app } : filters.project ? { projectId: filters.project } : { teamId };
    const ctx = await resolveAccess(caller, scope, "reviews:read");
    if (ctx.teamId === teamId) return { ctx, filters };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  const { project: _p, app: _a, ...rest } = filters;
  return { ctx: await resolveAccess(caller, { teamId }, "reviews:read"), filters: rest };
}

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/dashboard/reviews");
  const { current } = await currentTeamFor(user.id);
  if (!current) {
    return <EmptyState icon={<Users aria-hidden />} title="You are not in a team yet" description="Create a team or accept an invite to see reviews." />;
  }
  const caller: Caller = { kind: "user", userId: user.id };
  const params = await searchParams;
  const { ctx, filters } = await accessFor(caller, current.id, filtersFromSearchParams(params));
  const notices = Object.entries(invalidFilterMessages(params)).map(([key, message]) => `${FILTER_LABELS[key as keyof typeof FILTER_LABELS]}: ${message}`);
  // A search that runs out of time is told on the page (with what to change), not turned into an error page.
  const [options, found] = await Promise.all([
    reviewFilterOptions(ctx.teamId),
    searchReviews(ctx, filters).catch((error: unknown) => {
      if (error instanceof SearchTooSlowError) return error;
      throw error;
    }),
  ]);
  const initialPage: ReviewPage = found instanceof SearchTooSlowError ? { items: [], nextCursor: null, total: { count: 0, capped: false } } : found;

  // The project in view (or the team's only project): its ratings by country, and "Sync reviews" for those who may run it.
  const focusProjectId = filters.project ?? (options.projects.length === 1 ? options.projects[0].id : null);
  let sync: { projectId: string; run: Awaited<ReturnType<typeof latestRun>> } | null = null;
  if (focusProjectId) {
    const projectCtx = ctx.level !== "team" && ctx.projectId === focusProjectId ? ctx : await resolveAccess(caller, { projectId: focusProjectId }, null);
    if (can(projectCtx, "integrations:write")) {
      const [integration, run] = await Promise.all([getIntegration(projectCtx), latestRun("app_store_connect_reviews_sync", focusProjectId)]);
      if (integration?.enabled) sync = { projectId: focusProjectId, run };
    }
  }

  return (
    <div className="space-y-2">
      <PageHeader
        eyebrow={current.name}
        title="Reviews"
        description="Every written App Store review of your apps, kept in step with App Store Connect."
        actions={sync ? <SyncReviewsButton projectId={sync.projectId} initialRun={sync.run} variant="secondary" /> : null}
      />
      <div className={focusProjectId ? "grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_380px]" : undefined}>
        <ReviewsBrowser teamId={ctx.teamId} filters={filters} options={options} initialPage={initialPage} notices={notices} error={found instanceof SearchTooSlowError ? found.message : null} />
        {focusProjectId ? (
          <aside className="xl:sticky xl:top-6" aria-label="Ratings by country">
            <ProjectCountryPanel projectId={focusProjectId} projectName={options.projects.find((p) => p.id === focusProjectId)?.name} compact />
          </aside>
        ) : null}
      </div>
    </div>
  );
}
