// `npm run db:migrate`: apply pending migrations to DATABASE_URL (or the embedded database) and stop.
import { prepareLocalRuntime } from "../lib/runtime/local";

const runtime = await prepareLocalRuntime();
await runtime.stop();
