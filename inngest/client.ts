import { Inngest } from "inngest";
import { env, inngestVariables } from "@/lib/env";
import type { InngestVariables } from "@/lib/env-schema";

// Dev mode (a local `inngest-cli dev` server) when INNGEST_DEV is set; otherwise Inngest Cloud or a self-hosted
// server with INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY / INNGEST_BASE_URL.
export function createInngestClient(variables: InngestVariables): Inngest {
  return new Inngest({
    id: "starboard",
    isDev: variables.INNGEST_DEV ? !["0", "false"].includes(variables.INNGEST_DEV) : undefined,
    baseUrl: variables.INNGEST_BASE_URL,
    eventKey: variables.INNGEST_EVENT_KEY,
    signingKey: variables.INNGEST_SIGNING_KEY,
  });
}

/** The client the functions are registered with (app/api/inngest serves them). */
export const inngest = createInngestClient(inngestVariables());

/** Whether events can reach an Inngest server; without one, background work runs in-process. */
export function inngestConfigured(variables: InngestVariables = env()): boolean {
  return Boolean(variables.INNGEST_DEV || variables.INNGEST_EVENT_KEY || variables.INNGEST_BASE_URL);
}

const senders = new Map<string, Inngest>();

/** A client for sending events with the configuration in effect (tests point it elsewhere with withConfig). */
export function inngestSender(variables: InngestVariables = env()): Inngest {
  const key = JSON.stringify([variables.INNGEST_DEV, variables.INNGEST_BASE_URL, variables.INNGEST_EVENT_KEY, variables.INNGEST_SIGNING_KEY]);
  let client = senders.get(key);
  if (!client) {
    client = createInngestClient(variables);
    senders.set(key, client);
  }
  return client;
}
