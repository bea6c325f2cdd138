// `npm run db:migrate`: apply pending migrations to DATABASE_URL (or the embedded database, or the database of
// the dashboard running from the same data folder) and stop.
import { prepareLocalRuntime } from "../lib/runtime/local";

const runtime = await prepareLocalRuntime({ share: true });
await runtime.stop();
