"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Keyboard, MessageSquareText } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { useShortcuts } from "@/components/ui/use-shortcuts";
import { readV1 } from "@/lib/api/client/dashboard";
import { listReviews } from "@/lib/api/v1/endpoints";
import { FILTER_KEYS, filtersFromSearchParams, filtersToSearchParams, type ReviewFilters } from "@/lib/data/reviews/filters";
import type { ReviewFilterOptions } from "@/lib/data/reviews/options";
import type { ReviewPage } from "@/lib/data/reviews/search";
import { ReviewCard } from "./review-card";
import { ReviewDialog } from "./review-dialog";
import { ReviewFiltersBar } from "./review-filters";
import { ShortcutsHelp } from "./shortcuts-help";
import { reviewKeys } from "./query-keys";

export interface ReviewsBrowserProps {
  teamId: string;
  filters: ReviewFilters;
  options: ReviewFilterOptions;
  initialPage: ReviewPage;
  /** Filters in the URL that were not applied, with the reason (too many words, NUL…). */
  notices?: string[];
  /** Why the search could not run (it took too long); the page then lists nothing. */
  error?: string | null;
}

export function ReviewsBrowser({ teamId, filters, options, initialPage, notices = [], error = null }: ReviewsBrowserProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [navigating, startNav] = useTransition();
  const openReviewId = searchParams.get("review");
  const filterKey = filtersToSearchParams(filters).toString();

  const reviews = useInfiniteQuery({
    queryKey: reviewKeys.search(teamId, filterKey),
    initialPageParam: null as string | null,
    initialData: { pages: [initialPage], pageParams: [null] },
    staleTime: Infinity,
    queryFn: ({ pageParam }) => readV1(listReviews, { teamId, ...filters, cursor: pageParam ?? undefined }),
    getNextPageParam: (last) => last.nextCursor,
  });

  const navigate = useCallback(
    (params: URLSearchParams) => startNav(() => router.replace(`${pathname}${params.size ? `?${params}` : ""}`, { scroll: false })),
    [pathname, router],
  );
  // The filters last asked for. The server's `filters` lag behind until it has answered, so a second quick change
  // builds on this (as the URL will read), or it would drop the first. The bar shows them at once, and is remounted
  // (its text fields reset) only when the URL changes from elsewhere, never under the cursor of someone typing.
  const [requested, setRequested] = useState(filters);
  const requestedRef = useRef(filters);
  const [barGeneration, setBarGeneration] = useState(0);
  useEffect(() => {
    if (navigating || filterKey === filtersToSearchParams(requestedRef.current).toString()) return;
    requestedRef.current = filters;
    setRequested(filters);
    setBarGeneration((g) => g + 1);
  }, [filterKey, filters, navigating]);
  const changeFilters = (patch: Partial<ReviewFilters>) => {
    const next = filtersToSearchParams({ ...requestedRef.current, ...patch });
    requestedRef.current = filtersFromSearchParams(next);
    setRequested(requestedRef.current);
    if (openReviewId) next.set("review", openReviewId);
    navigate(next);
  };
  // ?review= only picks the open dialog (the server page never reads it; the dialog loads the review itself), so it
  // changes the URL in place (Next syncs useSearchParams with history.replaceState): router.replace would refetch the
  // page and re-run the search and count on the server. One exception: with the "Has reply" filter, a reply published
  // or deleted in the dialog changes the server-rendered count, so closing it then still goes through the server.
  // The open review as last asked for: the URL (and so openReviewId) follows a render later, and a second quick
  // j or k must move on from where the first one went.
  const openRef = useRef(openReviewId);
  useEffect(() => {
    openRef.current = openReviewId;
  }, [openReviewId]);
  const setOpenReview = (id: string | null) => {
    openRef.current = id;
    const next = new URLSearchParams(searchParams.toString());
    if (id) next.set("review", id);
    else next.delete("review");
    if (!id && filters.response) navigate(next);
    else window.history.replaceState(null, "", `${pathname}${next.size ? `?${next}` : ""}`);
  };

  // Closing the dialog puts focus back on the review's card (when it is in the list), not on <body>.
  const lastOpenedId = useRef(openReviewId);
  useEffect(() => {
    if (openReviewId) lastOpenedId.current = openReviewId;
  }, [openReviewId]);
  const focusOpenedCard = (event: Event) => {
    const id = lastOpenedId.current;
    const card = id ? document.querySelector<HTMLElement>(`[data-review-id="${CSS.escape(id)}"]`) : null;
    if (!card) return;
    event.preventDefault();
    card.focus();
  };

  // Infinite scroll: fetch the next page when the sentinel comes into view.
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries[0]?.isIntersecting && reviews.hasNextPage && !reviews.isFetchingNextPage) void reviews.fetchNextPage();
    }, { rootMargin: "600px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [reviews]);

  const { count, capped } = initialPage.total;
  const items = reviews.data.pages.flatMap((p) => p.items);
  const filtered = FILTER_KEYS.some((k) => k !== "sort" && filters[k] !== undefined);

  // Working through a queue: the open review's neighbours in the list (the next page is loaded when it runs out).
  const openIndex = openReviewId ? items.findIndex((r) => r.id === openReviewId) : -1;
  const step = async (direction: 1 | -1) => {
    const at = items.findIndex((r) => r.id === openRef.current);
    if (at < 0) return;
    const target = items[at + direction];
    if (target) return setOpenReview(target.id);
    if (direction === 1 && reviews.hasNextPage) {
      const loaded = await reviews.fetchNextPage();
      const next = loaded.data?.pages.flatMap((p) => p.items)[at + 1];
      if (next) setOpenReview(next.id);
    }
  };
  const hasNext = openIndex >= 0 && (openIndex + 1 < items.length || reviews.hasNextPage);
  const navigation =
    openIndex >= 0
      ? {
          position: `${(openIndex + 1).toLocaleString("en-US")} of ${count.toLocaleString("en-US")}${capped ? "+" : ""}`,
          onPrevious: openIndex > 0 ? () => void step(-1) : undefined,
          onNext: hasNext ? () => void step(1) : undefined,
        }
      : undefined;
  // In the list, j/k move the focus from card to card (Enter opens it); with a review open they open its neighbour.
  const moveFocus = (direction: 1 | -1) => {
    const cards = [...document.querySelectorAll<HTMLElement>("[data-review-id]")];
    const at = cards.findIndex((c) => c === document.activeElement);
    const target = cards[at < 0 ? 0 : Math.min(cards.length - 1, Math.max(0, at + direction))];
    target?.focus();
    target?.scrollIntoView({ block: "nearest" });
  };
  const [helpOpen, setHelpOpen] = useState(false);
  useShortcuts({
    j: () => (openReviewId ? void step(1) : moveFocus(1)),
    k: () => (openReviewId ? void step(-1) : moveFocus(-1)),
    r: () => {
      const composer = document.querySelector<HTMLTextAreaElement>("[data-testid=review-dialog] textarea");
      if (!openReviewId || !composer) return false;
      composer.focus();
    },
    "?": () => setHelpOpen(true),
  });
  return (
    <div className="space-y-4">
      <ReviewFiltersBar key={barGeneration} filters={requested} options={options} onChange={changeFilters} />
      {notices.length > 0 ? (
        <Alert variant="warning" title="Some filters in the address were not applied">
          <ul className="list-disc pl-5">
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {error ? <Alert variant="error">{error}</Alert> : null}
      <div className="flex items-center justify-between text-sm text-muted-foreground" aria-live="polite">
        <span data-testid="review-count">
          <span className="font-semibold text-foreground tabular-nums">
            {count.toLocaleString("en-US")}
            {capped ? "+" : ""}
          </span>{" "}
          {count === 1 && !capped ? "review" : "reviews"}
          {filtered ? " match" : ""}
        </span>
        <span className="flex items-center gap-2">
          {navigating ? <Spinner size="sm" label="Updating" /> : null}
          <Button size="sm" variant="ghost" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
            <Keyboard aria-hidden /> Shortcuts
          </Button>
        </span>
      </div>
      {error ? null : items.length === 0 ? (
        <EmptyState
          icon={<MessageSquareText aria-hidden />}
          title={filtered ? "No reviews match these filters" : "No reviews yet"}
          description={filtered ? "Try fewer words, another rating or country, or clear the filters." : "Connect App Store Connect on a project's Integrations page and run Sync reviews."}
        />
      ) : (
        <div className="grid gap-3">
          {items.map((r) => (
            <ReviewCard key={r.id} review={r} onOpen={setOpenReview} />
          ))}
        </div>
      )}
      <div ref={sentinel} className="flex justify-center py-2">
        {reviews.isFetchingNextPage ? <Spinner label="Loading more reviews" /> : null}
        {reviews.hasNextPage && !reviews.isFetchingNextPage ? (
          <Button variant="secondary" size="sm" onClick={() => void reviews.fetchNextPage()}>
            Load more
          </Button>
        ) : null}
        {!reviews.hasNextPage && items.length > 0 ? <span className="text-[13px] text-muted-foreground">That is every matching review.</span> : null}
      </div>
      {reviews.isError ? <Alert variant="error">{reviews.error.message}</Alert> : null}
      <ReviewDialog reviewId={openReviewId} onClose={() => setOpenReview(null)} onCloseAutoFocus={focusOpenedCard} navigation={navigation} />
      <ShortcutsHelp open={helpOpen} onOpenChange={setHelpOpen} />
    </div>
  );
}
