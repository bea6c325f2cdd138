// One pace per App Store Connect API key and configured rate across the process: Apple's hourly budget is per key
// (apple-reports.md §1.3), so the Sales and Finance reports, the Analytics Reports API, a backfill and a Test
// connection of the same key share it (a configuration with another rate, as a test injects, gets a pacer of its own).
import { ItunesPacer } from "../itunes/pacer";

const globalForPacers = globalThis as unknown as { __starboardReportPacers?: Map<string, ItunesPacer> };

export function ascKeyPacer(keyId: string, callsPerMinute: number): ItunesPacer | null {
  if (callsPerMinute <= 0) return null;
  const pacers = (globalForPacers.__starboardReportPacers ??= new Map<string, ItunesPacer>());
  const key = `${keyId}:${callsPerMinute}`;
  let pacer = pacers.get(key);
  if (!pacer) pacers.set(key, (pacer = new ItunesPacer({ callsPerMinute })));
  return pacer;
}
