// Every answered request, newest last (capped), and running counters by endpoint, storefront, status and key.
export interface LogEntry {
  at: string;
  method: string;
  path: string;
  /** Query string as sent (iTunes only; ASC queries are long). */
  query?: string;
  endpoint: string;
  status: number;
  storefront?: string;
  keyId?: string;
  /** The fault kind that shaped this answer. */
  fault?: string;
}

export interface SimCounters {
  total: number;
  byEndpoint: Record<string, number>;
  byStorefront: Record<string, number>;
  byStatus: Record<string, number>;
  byKey: Record<string, number>;
}

const LOG_CAP = 10_000;

export class RequestLog {
  entries: LogEntry[] = [];
  counters: SimCounters = emptyCounters();

  record(entry: Omit<LogEntry, "at">): void {
    this.entries.push({ at: new Date().toISOString(), ...entry });
    if (this.entries.length > LOG_CAP) this.entries.splice(0, this.entries.length - LOG_CAP);
    const c = this.counters;
    c.total++;
    c.byEndpoint[entry.endpoint] = (c.byEndpoint[entry.endpoint] ?? 0) + 1;
    c.byStatus[entry.status] = (c.byStatus[entry.status] ?? 0) + 1;
    if (entry.storefront) c.byStorefront[entry.storefront] = (c.byStorefront[entry.storefront] ?? 0) + 1;
    if (entry.keyId) c.byKey[entry.keyId] = (c.byKey[entry.keyId] ?? 0) + 1;
  }

  clear(): void {
    this.entries = [];
    this.counters = emptyCounters();
  }
}

function emptyCounters(): SimCounters {
  return { total: 0, byEndpoint: {}, byStorefront: {}, byStatus: {}, byKey: {} };
}
