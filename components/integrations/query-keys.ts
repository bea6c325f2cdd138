// The integrations feature's TanStack Query keys.
export const integrationKeys = {
  all: ["integrations"] as const,
  status: (projectId: string) => [...integrationKeys.all, "status", projectId] as const,
  reports: (projectId: string) => [...integrationKeys.all, "reports", projectId] as const,
};
