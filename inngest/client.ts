import { Inngest } from "inngest";

// Dev mode (a local `inngest-cli dev` server) when INNGEST_DEV is set; otherwise Inngest Cloud or a
// self-hosted server with INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY / INNGEST_BASE_URL.
export const inngest = new Inngest({
  id: "starboard",
  isDev: process.env.INNGEST_DEV ? !["0", "false"].includes(process.env.INNGEST_DEV) : undefined,
  baseUrl: process.env.INNGEST_BASE_URL || undefined,
});

/** Whether events can reach an Inngest server; without one, manual runs execute in-process. */
export function inngestConfigured(): boolean {
  return Boolean(process.env.INNGEST_DEV || process.env.INNGEST_EVENT_KEY || process.env.INNGEST_BASE_URL);
}
