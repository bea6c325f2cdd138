// Injected faults. Every endpoint knows the failures (an error status in its API's own format, no answer, a
// hang, a truncated body); each endpoint family adds its own data faults (a normal answer that says something
// odd) and target fields (a fault only for one storefront, one app…) by declaring its rules with defineFaults.
import { z } from "zod";
import { mulberry32 } from "../random";

export const statusFaultKinds = ["500", "503", "429", "403", "401", "agreement"] as const;
export type StatusFaultKind = (typeof statusFaultKinds)[number];
export const failureKinds = [...statusFaultKinds, "timeout", "malformed", "unreachable"] as const;
export type FailureKind = (typeof failureKinds)[number];

/** Which calls a fault hits, and what every fault may carry. */
const commonFields = {
  /** Fail only the Nth matching call (1-based) counted from when the fault was added. */
  nth: z.number().int().positive().optional(),
  /** Fail the next K matching calls. */
  count: z.number().int().positive().optional(),
  /** Fail this share of matching calls (seeded, deterministic). */
  share: z.number().min(0).max(1).optional(),
  /** Seconds, sent as Retry-After with 429. */
  retryAfter: z.number().int().min(0).optional(),
};

export interface FaultSpec {
  endpoint: string;
  kind: string;
  nth?: number;
  count?: number;
  share?: number;
  retryAfter?: number;
}

export interface FaultRules<S extends FaultSpec = FaultSpec> {
  readonly endpoints: readonly string[];
  /** Kinds that answer normally but say something odd; every other kind fails the call. */
  readonly dataKinds: readonly string[];
  /** Fields that limit a fault to some calls; compared with the target the endpoint reports for a call. */
  readonly targets: readonly string[];
  parse(input: unknown): S;
}

/**
 * A family's faults. `data`: its data kinds, each with the endpoints it applies to. `fields`: the fields its
 * faults may carry beyond the common ones; `targets`: which of them limit a fault to some calls, each with the
 * endpoints that report it. A fault with an unknown field, or a kind or target its endpoint lacks, is refused
 * (an error rather than a fault that silently never fires).
 */
export function defineFaults<const E extends string, const D extends string = never, F extends z.ZodRawShape = Record<never, never>>(def: {
  endpoints: readonly [E, ...E[]];
  data?: Record<D, readonly E[]>;
  fields?: F;
  targets?: Partial<Record<keyof F & string, readonly E[]>>;
}) {
  const data = (def.data ?? {}) as Record<string, readonly string[]>;
  const targets = (def.targets ?? {}) as Record<string, readonly string[]>;
  const kinds = [...failureKinds, ...Object.keys(data)] as [FailureKind | D, ...(FailureKind | D)[]];
  const kind = z.enum(kinds);
  const schema = z
    .strictObject({
      endpoint: z.enum(def.endpoints),
      kind: z.union([kind, z.number().int().transform(String).pipe(kind)], { error: `kind must be one of ${kinds.join(", ")}` }),
      ...commonFields,
      ...(def.fields ?? ({} as F)),
    })
    .superRefine((parsed, ctx) => {
      const spec = parsed as unknown as FaultSpec & Record<string, unknown>;
      const only = data[spec.kind];
      if (only && !only.includes(spec.endpoint)) ctx.addIssue({ code: "custom", path: ["kind"], message: `${spec.kind} applies to ${only.join(", ")} only` });
      for (const [field, endpoints] of Object.entries(targets)) {
        if (spec[field] !== undefined && !endpoints.includes(spec.endpoint)) {
          ctx.addIssue({ code: "custom", path: [field], message: `${field} limits faults on ${endpoints.join(", ")} only` });
        }
      }
    });
  const rules: FaultRules<z.output<typeof schema> & FaultSpec> & { schema: typeof schema } = {
    schema,
    endpoints: def.endpoints,
    dataKinds: Object.keys(data),
    targets: Object.keys(targets),
    parse: (input) => schema.parse(input) as z.output<typeof schema> & FaultSpec,
  };
  return rules;
}

/**
 * Every endpoint family adds its fault input type here (declaration merging, as with vitest's ProvidedContext),
 * so `addFault` accepts exactly the faults that exist without a central list.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging, one fault family at a time
export interface SimFaultInputs {}
export type SimFaultInput = SimFaultInputs[keyof SimFaultInputs];

export interface ActiveFault {
  id: string;
  spec: FaultSpec;
  seen: number;
  failed: number;
}

export class Faults {
  private active: ActiveFault[] = [];
  private rng: () => number;
  private rulesByEndpoint = new Map<string, FaultRules>();

  constructor(rules: readonly FaultRules[], seed: number, private readonly nextId: () => number) {
    this.rng = mulberry32(seed);
    for (const r of rules) {
      for (const endpoint of r.endpoints) {
        if (this.rulesByEndpoint.has(endpoint)) throw new Error(`two fault rules for endpoint ${endpoint}`);
        this.rulesByEndpoint.set(endpoint, r);
      }
    }
  }

  add(input: unknown): string {
    const endpoint = (input as { endpoint?: unknown } | null)?.endpoint;
    const rules = typeof endpoint === "string" ? this.rulesByEndpoint.get(endpoint) : undefined;
    if (!rules) throw new Error(`unknown fault endpoint ${JSON.stringify(endpoint)}; known: ${[...this.rulesByEndpoint.keys()].join(", ")}`);
    const spec = rules.parse(input);
    const id = `fault-${this.nextId()}`;
    this.active.push({ id, spec, seen: 0, failed: 0 });
    return id;
  }

  clear(): void {
    this.active = [];
  }

  list(): ActiveFault[] {
    return this.active.map((f) => ({ ...f }));
  }

  /** The fault to inject for this call, if any. Each matching fault counts the call. */
  take(endpoint: string, target: Record<string, string | undefined> = {}): FaultSpec | null {
    const targetFields = this.rulesByEndpoint.get(endpoint)?.targets ?? [];
    let hit: FaultSpec | null = null;
    for (const f of this.active) {
      if (f.spec.endpoint !== endpoint) continue;
      const spec = f.spec as unknown as Record<string, unknown>;
      if (targetFields.some((field) => spec[field] !== undefined && spec[field] !== target[field])) continue;
      f.seen++;
      let fire: boolean;
      if (f.spec.nth !== undefined) fire = f.seen === f.spec.nth;
      else if (f.spec.count !== undefined) fire = f.failed < f.spec.count;
      else if (f.spec.share !== undefined) fire = this.rng() < f.spec.share;
      else fire = true;
      if (fire && !hit) {
        f.failed++;
        hit = f.spec;
      }
    }
    return hit;
  }
}
