// The ratings feature's TanStack Query keys. A finished sync refreshes every figure (`figures`), not the sync status.
export const ratingKeys = {
  all: ["ratings"] as const,
  figures: () => [...ratingKeys.all, "figures"] as const,
  appCountries: (appId: string) => [...ratingKeys.figures(), "app-countries", appId] as const,
  projectCountries: (projectId: string) => [...ratingKeys.figures(), "project-countries", projectId] as const,
  history: (appId: string, days: number, country: string | null) => [...ratingKeys.figures(), "history", appId, days, country] as const,
  sync: (projectId: string) => [...ratingKeys.all, "sync", projectId] as const,
};
