// The notifications feature's TanStack Query keys. Anything that may have notified (a finished sync) invalidates the inbox.
export const notificationKeys = {
  all: ["notifications"] as const,
  inbox: () => [...notificationKeys.all, "inbox"] as const,
};
