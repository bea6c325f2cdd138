// Starts the embedded PostgreSQL in the given folder, prints READY, and waits to be killed; used by the
// lifecycle test to leave an orphaned server behind (SIGKILL) or to stop cleanly (SIGTERM).
import { startEmbeddedPostgres } from "../../lib/db/embedded";

const dir = process.argv[2];
const db = await startEmbeddedPostgres({ dataDir: dir, password: "lifecycle" });
process.on("SIGTERM", () => void db.stop().then(() => process.exit(0)));
console.log(`READY ${db.url}`);
setInterval(() => {}, 1 << 30);
