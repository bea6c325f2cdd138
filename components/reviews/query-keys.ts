// The reviews feature's TanStack Query keys, in one place: searches and single reviews are invalidated apart.
export const reviewKeys = {
  all: ["reviews"] as const,
  searches: () => [...reviewKeys.all, "search"] as const,
  search: (teamId: string, filterKey: string) => [...reviewKeys.searches(), teamId, filterKey] as const,
  detail: (reviewId: string | null) => [...reviewKeys.all, "detail", reviewId] as const,
};
