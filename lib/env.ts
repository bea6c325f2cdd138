import "server-only";
// The one configuration module of the server. `config()` is what the code runs with: every environment variable,
// validated (lib/env-schema.ts), and the timings of the clients that talk to other systems. A process reads its
// environment once; `withConfig` runs a piece of code — and all it starts, background work included — under a
// changed configuration. That is how tests inject theirs, and how a script runs with the settings it needs.
import { AsyncLocalStorage } from "node:async_hooks";
import { ASC_TIMINGS, type AscTimings } from "./apple/asc/timings";
import { parseEnv, parseInngestVariables, type Env, type EnvSource, type InngestVariables } from "./env-schema";
import { DELIVERY_POLICY, type DeliveryPolicy } from "./notifications/policy";

export type { Env } from "./env-schema";

export interface Config {
  /** Every variable of the README's configuration table, validated. */
  readonly env: Env;
  /** How App Store Connect calls time out, retry and wait out rate limits. */
  readonly asc: AscTimings;
  /** How hard email, Slack and webhook deliveries try, and when a failing endpoint is turned off. */
  readonly deliveries: DeliveryPolicy;
}

export interface ConfigChange {
  /** Variables to set, as they would be in the environment (undefined unsets one); validated with the rest. */
  env?: EnvSource;
  asc?: Partial<AscTimings>;
  deliveries?: Partial<DeliveryPolicy>;
}

const sources = new WeakMap<Config, EnvSource>();
const scoped = new AsyncLocalStorage<Config>();
let processConfig: Config | undefined;

function build(source: EnvSource, asc: AscTimings, deliveries: DeliveryPolicy): Config {
  const config: Config = Object.freeze({
    env: Object.freeze(parseEnv(source)),
    asc: Object.freeze({ ...asc }),
    deliveries: Object.freeze({ ...deliveries, backoffMs: Object.freeze([...deliveries.backoffMs]) }),
  });
  sources.set(config, source);
  return config;
}

/** The configuration in effect: the one the caller runs under (withConfig), else the process's. Throws a ConfigError listing every bad value. */
export function config(): Config {
  return scoped.getStore() ?? (processConfig ??= build({ ...process.env }, ASC_TIMINGS, DELIVERY_POLICY));
}

/** The validated variables in effect. */
export function env(): Env {
  return config().env;
}

/** Runs fn under the configuration in effect with `change` applied; what fn starts in the background keeps it. */
export function withConfig<T>(change: ConfigChange, fn: () => T): T {
  const base = config();
  const next = build({ ...sources.get(base), ...change.env }, { ...base.asc, ...change.asc }, { ...base.deliveries, ...change.deliveries });
  return scoped.run(next, fn);
}

/**
 * Inngest's variables alone, from the process's environment: the Inngest client is created when its module loads,
 * which a production build does without the rest of the configuration (no database, no secrets).
 */
export function inngestVariables(): InngestVariables {
  return parseInngestVariables(process.env);
}
