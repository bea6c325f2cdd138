// One pacing budget for every iTunes call in the process: Apple allows ~20 calls/minute per IP.
import { sleep } from "../http";

export interface PacerOptions {
  /** Target calls per minute; 0 turns pacing off. */
  callsPerMinute: number;
  /** Lowest rate a run of throttles can push the pacer down to. */
  minCallsPerMinute?: number;
}

export class ItunesPacer {
  private readonly configured: number;
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

// Kept on globalThis so Next's dev reloads and duplicated module instances still share one budget.
const globalForPacer = globalThis as unknown as { __starboardItunesPacers?: Map<number, ItunesPacer> };

/** The process's budget at this rate (ITUNES_CALLS_PER_MINUTE): every client given the same rate shares one pacer. */
export function sharedItunesPacer(callsPerMinute: number): ItunesPacer {
  const pacers = (globalForPacer.__starboardItunesPacers ??= new Map<number, ItunesPacer>());
  let pacer = pacers.get(callsPerMinute);
  if (!pacer) {
    pacer = new ItunesPacer({ callsPerMinute });
    pacers.set(callsPerMinute, pacer);
  }
  return pacer;
}
