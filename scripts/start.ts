// `npm start` (and `npm run dev`): the whole dashboard from one command. Brings up the database (embedded
// PostgreSQL unless DATABASE_URL is set), applies migrations, builds when the build is missing or older than
// the sources, and serves Next.js in this same process, so a killed process leaves at most the database
// behind — which the next start recovers.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { withClientAddress } from "../lib/auth/client-address";
import { ConfigError } from "../lib/env-schema";
import { onShutdownSignal, prepareLocalRuntime } from "../lib/runtime/local";
import { backfillReviewLanguages } from "../lib/runtime/backfill-review-languages";

const dev = process.argv.includes("--dev");
// From the validated configuration once the runtime is prepared (PORT, HOST).
let port = 3000;
const log = (line: string) => console.log(`starboard: ${line}`);

function newestSourceMtime(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      // Tests are not part of the production build: editing one must not trigger a rebuild.
      if (entry.name === "node_modules" || entry.name.startsWith(".") || /\.test\.tsx?$/.test(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  dirs.forEach(walk);
  for (const file of ["package-lock.json", "next.config.ts", "proxy.ts"]) {
    if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

function ensureBuild(distDir: string) {
  const buildId = path.join(distDir, "BUILD_ID");
  const sources = newestSourceMtime(["app", "components", "lib", "inngest"]);
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= sources) return;
  log(existsSync(buildId) ? "sources changed since the last build: building" : "building the dashboard (first start)");
  const result = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("next build failed (see above)");
}

async function main() {
  // One dashboard per data folder; jobs started beside it use its database (prepareLocalRuntime).
  const runtime = await prepareLocalRuntime({ log });
  port = runtime.env.PORT;
  const hostname = runtime.env.HOST;
  process.env.APP_URL ||= `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`;
  process.env.AUTH_URL ||= process.env.APP_URL;

  let server: http.Server | undefined;
  onShutdownSignal(
    async (signal) => {
      log(`${signal}: stopping`);
      server?.closeAllConnections?.();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await runtime.stop();
      log("stopped");
    },
    async () => {
      log("stopping now");
      await runtime.stop({ force: true });
    },
  );

  try {
    if (!dev) ensureBuild(runtime.env.NEXT_DIST_DIR);
    const app = next({ dev, hostname, port, dir: process.cwd() });
    const handle = app.getRequestHandler();
    await app.prepare();
    // The socket address travels to route handlers and server actions in a header of our own (any copy sent by
    // the client is replaced): the sign-in limit counts clients by it, not by what X-Forwarded-For claims.
    server = http.createServer(withClientAddress((req, res) => void handle(req, res)));
    await new Promise<void>((resolve, reject) => {
      server!.once("error", reject);
      server!.listen(port, hostname, () => resolve());
    });
  } catch (error) {
    await runtime.stop({ force: true });
    throw error;
  }
  log(`dashboard ready at ${process.env.APP_URL}  (Ctrl-C to stop)`);
  backfillReviewLanguages(runtime.env.DATABASE_URL, { log }).catch((error) => log(`could not detect the language of older reviews: ${(error as Error).message}`));
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === "EADDRINUSE")
    console.error(`starboard: port ${port} is in use; start with PORT=<another port> npm start`);
  else console.error(`starboard: ${(error as Error).message ?? error}`);
  process.exit(1);
});
