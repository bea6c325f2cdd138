import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
