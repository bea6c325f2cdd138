import "server-only";
// The Google endpoints and budgets from the validated configuration; clients never read the environment themselves.
import type { Env } from "@/lib/env-schema";
import { env } from "@/lib/env";
import type { GoogleClientsConfig } from "./clients";

export function googleConfigFrom(e: Pick<Env, "GOOGLE_OAUTH_TOKEN_URL" | "GOOGLE_PLAY_BASE_URL" | "GOOGLE_STORAGE_BASE_URL" | "GOOGLE_PLAY_READS_PER_HOUR">): GoogleClientsConfig {
  return {
    tokenUrl: e.GOOGLE_OAUTH_TOKEN_URL,
    playBaseUrl: e.GOOGLE_PLAY_BASE_URL,
    storageBaseUrl: e.GOOGLE_STORAGE_BASE_URL,
    readsPerHour: e.GOOGLE_PLAY_READS_PER_HOUR,
  };
}

/** The configuration of this process (GOOGLE_* variables, see the README). */
export function googleConfig(): GoogleClientsConfig {
  return googleConfigFrom(env());
}
