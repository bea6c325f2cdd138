// Benchmark: look N apps up in all 175 storefronts through the real iTunes client against the simulator.
// Last line of output is one JSON object; exits non-zero when the request count is not 175 × ceil(N/chunk).
import { parseArgs } from "node:util";

const { startAppleSim } = await import("../tools/apple-sim/index");
const { createItunesClient, createItunesStats } = await import("../lib/apple/itunes/client");
const { ItunesPacer } = await import("../lib/apple/itunes/pacer");
const { STOREFRONT_CODES } = await import("../lib/apple/storefronts");

const { values } = parseArgs({ options: { apps: { type: "string", default: "60" }, chunk: { type: "string", default: "100" } } });
const appCount = Number(values.apps);
const chunk = Number(values.chunk);
if (!Number.isInteger(appCount) || appCount < 1 || !Number.isInteger(chunk) || chunk < 1) {
  console.error("usage: npm run bench:apple -- [--apps N] [--chunk C]");
  process.exit(2);
}

const apps = Array.from({ length: appCount }, (_, i) => ({
  trackId: 1_500_000_000 + i,
  bundleId: `com.example.bench${i}`,
  name: `Bench App ${i}`,
  storefronts: { all: { averageRating: 3 + ((i * 37) % 200) / 100, ratingCount: 10 + i * 13 } },
}));
const apple = await startAppleSim({ scenario: { apps }, options: { maxLookupKeys: Math.max(200, chunk) } });
const stats = createItunesStats();
// Pacing off: the benchmark counts calls, it does not wait for them.
const client = createItunesClient({ baseUrl: apple.itunesBaseUrl, chunkSize: chunk, stats, pacer: new ItunesPacer({ callsPerMinute: 0 }) });

const started = performance.now();
let found = 0;
try {
  for (const storefront of STOREFRONT_CODES) {
    found += (await client.lookup({ storefront, ids: apps.map((a) => a.trackId) })).length;
  }
} finally {
  await apple.stop();
}
const ms = performance.now() - started;
const requests = apple.sim.counters.byEndpoint["itunes.lookup"] ?? 0;
const expected = STOREFRONT_CODES.length * Math.ceil(appCount / chunk);

console.log(`Looked up ${appCount} apps in ${STOREFRONT_CODES.length} storefronts (chunk ${chunk}) in ${ms.toFixed(0)} ms`);
console.log(`  ${requests} lookup requests counted by the simulator (expected ${expected}), ${found} app rows, ${(ms / Math.max(1, requests)).toFixed(2)} ms/request`);
console.log(`  client stats: ${JSON.stringify(stats)}`);
const ok = requests === expected && found === appCount * STOREFRONT_CODES.length;
if (!ok) console.error("MISMATCH: request or row count differs from the expected value");
console.log(JSON.stringify({ apps: appCount, chunk, storefronts: STOREFRONT_CODES.length, requests }));
process.exit(ok ? 0 : 1);
