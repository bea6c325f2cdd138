import { inject } from "vitest";
import { setHostResolver } from "@/lib/notifications/channels/address-policy";
import { testHosts } from "./host-table";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
// Tests never reach the real Apple: a test that needs Apple starts the simulator and passes its URL.
// Background lookups started by other tests (e.g. the version sync after adding an app) fail fast here.
process.env.ITUNES_BASE_URL ??= "http://127.0.0.1:9";
process.env.ASC_BASE_URL ??= "http://127.0.0.1:9";
// The simulator needs no pacing; pacing itself is tested with pacers of its own.
process.env.ITUNES_CALLS_PER_MINUTE ??= "0";
process.env.GOOGLE_OAUTH_TOKEN_URL ??= "http://127.0.0.1:9/token";
process.env.GOOGLE_PLAY_BASE_URL ??= "http://127.0.0.1:9";
process.env.GOOGLE_STORAGE_BASE_URL ??= "http://127.0.0.1:9";
// Notification URLs are resolved from a table (test/host-table.ts), never through DNS.
setHostResolver((name) => testHosts.resolve(name));
