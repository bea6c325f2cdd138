// App Store Connect API keys: the public keys tokens are checked against, what each key sees, its hourly budget.
import { createPublicKey, type KeyObject } from "node:crypto";
import { generateTestKeyPair, type TestKeyPair } from "../keys";
import { keySchema, type SimKeyInput } from "../scenario";

export interface SimKey {
  keyId: string;
  issuerId?: string;
  type: "team" | "individual";
  publicKey: KeyObject;
  publicKeyPem: string;
  /** Only when the simulator generated the pair. */
  privateKeyPem?: string;
  apps?: string[];
  hourlyLimit?: number;
}

export interface KeyBudget {
  limit: number;
  remaining: number;
  exceeded: boolean;
}

const HOUR_MS = 3_600_000;

export class ApiKeys {
  private byId = new Map<string, SimKey>();
  // Survives load() so a .p8 written from a generated key stays valid across reset().
  private generated = new Map<string, TestKeyPair>();
  private budgets = new Map<string, { windowStart: number; used: number }>();

  constructor(private readonly defaultHourlyLimit: () => number) {}

  load(keys: SimKeyInput[]): void {
    this.byId.clear();
    this.budgets.clear();
    for (const key of keys) this.add(key);
  }

  add(input: SimKeyInput): SimKey {
    const parsed = keySchema.parse(input);
    let publicKeyPem = parsed.publicKeyPem;
    let privateKeyPem: string | undefined;
    if (!publicKeyPem) {
      const pair = this.generated.get(parsed.keyId) ?? generateTestKeyPair();
      this.generated.set(parsed.keyId, pair);
      publicKeyPem = pair.publicKeyPem;
      privateKeyPem = pair.privateKeyPem;
    }
    const key: SimKey = { ...parsed, publicKeyPem, privateKeyPem, publicKey: createPublicKey(publicKeyPem) };
    this.byId.set(key.keyId, key);
    return key;
  }

  get(keyId: string): SimKey | undefined {
    return this.byId.get(keyId);
  }

  list(): SimKey[] {
    return [...this.byId.values()];
  }

  seesApp(key: SimKey, appId: string): boolean {
    return !key.apps || key.apps.includes(appId);
  }

  /** Counts one request against the key's hourly budget; returns the X-Rate-Limit numbers. */
  spend(key: SimKey): KeyBudget {
    const limit = key.hourlyLimit ?? this.defaultHourlyLimit();
    const now = Date.now();
    let budget = this.budgets.get(key.keyId);
    if (!budget || now - budget.windowStart >= HOUR_MS) {
      budget = { windowStart: now, used: 0 };
      this.budgets.set(key.keyId, budget);
    }
    if (budget.used >= limit) return { limit, remaining: 0, exceeded: true };
    budget.used++;
    return { limit, remaining: limit - budget.used, exceeded: false };
  }
}
