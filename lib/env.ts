import "server-only";
import { parseEnv, type Env } from "./env-schema";

let cached: Env | undefined;

/** The validated configuration; throws a ConfigError listing every bad value. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}
