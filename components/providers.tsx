"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";

// zod probes for eval (`new Function`) the first time it parses an object in the browser; under the app's
// Content-Security-Policy (no 'unsafe-eval') that probe is reported as a violation. Its interpreted parse is the same.
if (typeof window !== "undefined") z.config({ jitless: true });

/** One QueryClient per browser tab. */
export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
