// The sales feature's TanStack Query keys: every read is keyed by its project and range.
export const salesKeys = {
  all: ["sales"] as const,
  summary: (projectId: string) => [...salesKeys.all, "summary", projectId] as const,
  days: (projectId: string, from: string, to: string) => [...salesKeys.all, "days", projectId, from, to] as const,
  countries: (projectId: string, from: string, to: string) => [...salesKeys.all, "countries", projectId, from, to] as const,
  apps: (projectId: string, from: string, to: string) => [...salesKeys.all, "apps", projectId, from, to] as const,
};
