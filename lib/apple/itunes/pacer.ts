// One pacing budget for every iTunes call in the process: Apple allows ~20 calls/minute per IP.
import { sleep } from "../http";

export interface PacerOptions {
  /** Target calls per minute; 0 turns pacing off. */
  callsPerMinute: number;
  /** Lowest rate a run of throttles can push the pacer down to. */
  minCallsPerMinute?: number;
}

export class ItunesPacer {
  private configured: number;
  private current: number;
  private readonly minRate: number;
  private nextSlotAt = 0;

  constructor(options: PacerOptions) {
    this.configured = Math.max(0, options.callsPerMinute);
    this.current = this.configured;
    this.minRate = options.minCallsPerMinute ?? 1;
  }

  get enabled(): boolean {
    return this.configured > 0;
  }

  /** Current (possibly slowed-down) rate in calls/minute; 0 when pacing is off. */
  get rate(): number {
    return this.current;
  }

  setCallsPerMinute(callsPerMinute: number): void {
    this.configured = Math.max(0, callsPerMinute);
    this.current = this.configured;
    this.nextSlotAt = 0;
  }

  /** Resolves when the caller may start its call; slots are handed out in order. */
  async acquire(): Promise<void> {
    if (!this.enabled) return;
    const now = Date.now();
    const start = Math.max(now, this.nextSlotAt);
    this.nextSlotAt = start + 60_000 / this.current;
    if (start > now) await sleep(start - now);
  }

  /** The call just given a slot never reached Apple (no HTTP answer): its slot goes back, the next call need not wait for it. */
  refund(): void {
    if (!this.enabled) return;
    this.nextSlotAt = Math.max(Date.now(), this.nextSlotAt - 60_000 / this.current);
  }

  /** Apple throttled us (403/429): halve the rate. */
  onThrottle(): void {
    if (!this.enabled) return;
    this.current = Math.max(Math.min(this.minRate, this.configured), this.current / 2);
  }

  /** A success eases the rate back towards the configured one. */
  onSuccess(): void {
    if (!this.enabled || this.current >= this.configured) return;
    this.current = Math.min(this.configured, this.current * 1.25);
  }
}

const DEFAULT_CALLS_PER_MINUTE = 20;

function rateFromEnv(): number {
  const raw = process.env.ITUNES_CALLS_PER_MINUTE;
  if (raw === undefined || raw.trim() === "") return DEFAULT_CALLS_PER_MINUTE;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : DEFAULT_CALLS_PER_MINUTE;
}

// Kept on globalThis so Next's dev reloads and duplicated module instances still share one budget.
const globalForPacer = globalThis as unknown as { __starboardItunesPacer?: ItunesPacer };

export function getItunesPacer(): ItunesPacer {
  globalForPacer.__starboardItunesPacer ??= new ItunesPacer({ callsPerMinute: rateFromEnv() });
  return globalForPacer.__starboardItunesPacer;
}

/** For tests and benchmarks: change the process-wide rate (0 = off). */
export function setItunesCallsPerMinute(callsPerMinute: number): void {
  getItunesPacer().setCallsPerMinute(callsPerMinute);
}
