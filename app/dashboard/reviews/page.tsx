import { Users } from "lucide-react";
import type { Metadata } from "next";
import { ProjectCountryPanel } from "@/components/ratings/project-country-panel";
import { SyncReviewsButton } from "@/components/integrations/sync-reviews-button";
import { ReviewsBrowser } from "@/components/reviews/reviews-browser";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { Caller } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/session";
import { currentTeamFor } from "@/lib/current-team";
import { filtersFromSearchParams, FILTER_LABELS, invalidFilterMessages, SearchTooSlowError, type ReviewFilters, type ReviewPage } from "@/lib/data/reviews";
import { reviewFilterOptions } from "@/lib/data/reviews/options";
import { NotFoundError } from "@/lib/errors";
import { getIntegrationStatus } from "@/lib/operations/integrations";
import { searchReviews } from "@/lib/operations/reviews";

export const metadata: Metadata = { title: "Reviews" };

/** The search, or why it has nothing to show: a project or app the caller cannot reach, a search that ran out of time. */
async function searchOrReason(caller: Caller, teamId: string, filters: ReviewFilters): Promise<ReviewPage | NotFoundError | SearchTooSlowError> {
  try {
    return await searchReviews.run(caller, { teamId, ...filters });
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof SearchTooSlowError) return error;
    throw error;
  }
}

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/dashboard/reviews");
  const { current } = await currentTeamFor(user.id);
  if (!current) {
    return <EmptyState icon={<Users aria-hidden />} title="You are not in a team yet" description="Create a team or accept an invite to see reviews." />;
  }
  const caller: Caller = { kind: "user", userId: user.id };
  const params = await searchParams;
  const notices = Object.entries(invalidFilterMessages(params)).map(([key, message]) => `${FILTER_LABELS[key as keyof typeof FILTER_LABELS]}: ${message}`);
  let filters = filtersFromSearchParams(params);
  const [options, first] = await Promise.all([reviewFilterOptions(current.id), searchOrReason(caller, current.id, filters)]);
  let found = first;
  // A project or app of another team in the address is dropped, never shown (the search's own scope rule decides).
  if (found instanceof NotFoundError) {
    const { project: _p, app: _a, ...rest } = filters;
    filters = rest;
    found = await searchOrReason(caller, current.id, filters);
    if (found instanceof NotFoundError) throw found;
  }
  // A search that runs out of time is told on the page (with what to change), not turned into an error page.
  const initialPage: ReviewPage = found instanceof SearchTooSlowError ? { items: [], nextCursor: null, total: { count: 0, capped: false } } : found;

  // The project in view (or the team's only project): its ratings by country, and "Sync reviews" for those who may run it.
  const focusProjectId = filters.project ?? (options.projects.length === 1 ? options.projects[0].id : null);
  const status = focusProjectId ? await getIntegrationStatus.run(caller, { projectId: focusProjectId }) : null;
  const sync = status?.canSync && status.integration?.enabled ? { projectId: status.integration.projectId, run: status.latestRun } : null;

  return (
    <div className="space-y-2">
      <PageHeader
        eyebrow={current.name}
        title="Reviews"
        description="Every written review of your apps on the App Store and Google Play, kept in step with App Store Connect and Google Play."
        actions={sync ? <SyncReviewsButton projectId={sync.projectId} initialRun={sync.run} variant="secondary" /> : null}
      />
      <div className={focusProjectId ? "grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_380px]" : undefined}>
        <ReviewsBrowser teamId={current.id} filters={filters} options={options} initialPage={initialPage} notices={notices} error={found instanceof SearchTooSlowError ? found.message : null} />
        {focusProjectId ? (
          <aside className="xl:sticky xl:top-6" aria-label="Ratings by country">
            <ProjectCountryPanel projectId={focusProjectId} projectName={options.projects.find((p) => p.id === focusProjectId)?.name} compact />
          </aside>
        ) : null}
      </div>
    </div>
  );
}
