// `npm test`: the whole suite — type check and lint first (tsc takes seconds, the type-aware lint minutes on a
// busy machine; either way a mistake there shows before the slower parts), unit and integration tests (vitest,
// real embedded PostgreSQL, the Apple simulator over HTTP), a production build, then the end-to-end tests in
// Chromium (Playwright).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(title: string, command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n── ${title} ──`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`── ${title}: ${result.status === 0 ? "ok" : "FAILED"} in ${seconds}s ──`);
  return result.status === 0;
}

function ensureChromium() {
  if (existsSync(chromium)) return true;
  // These machines have no browser until the project installs Debian's; do it when we may.
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("Chromium is missing: installing Debian's chromium package for the end-to-end tests");
    return run("apt-get install chromium", "sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null"]);
  }
  console.error(`Chromium not found at ${chromium}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`);
  return false;
}

const bin = (name: string) => `node_modules/.bin/${name}`;
const results: Array<[string, boolean]> = [];
results.push(["typecheck (tsc)", run("typecheck (tsc)", "npm", ["run", "--silent", "typecheck"])]);
results.push(["lint (eslint)", run("lint (eslint)", "npm", ["run", "--silent", "lint"])]);
results.push(["unit + integration (vitest)", run("unit + integration (vitest)", bin("vitest"), ["run"])]);
const browser = ensureChromium();
results.push(["production build", run("production build (next build)", bin("next"), ["build"])]);
if (browser) results.push(["end-to-end (playwright)", run("end-to-end (playwright, Chromium)", bin("playwright"), ["test"])]);
else results.push(["end-to-end (playwright)", false]);

console.log("\nSummary:");
for (const [name, ok] of results) console.log(`  ${ok ? "✓" : "✗"} ${name}`);
const failed = results.filter(([, ok]) => !ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
