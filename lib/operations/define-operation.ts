import "server-only";
// The one core of every entry point. An operation is defined once — zod input → caller → permission → scoped data
// call — and throws typed errors (lib/errors.ts). Thin adapters expose it: a server action
// (adapters/server-action.ts, returns ActionResult), an /api/v1 route (adapters/v1-route.ts, the endpoint's declared
// permission) and a page (adapters/page.ts, the 404 page on "not found"). See the README's Architecture section.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { resolveAccessWithRelated, type AccessFor, type Caller, type RelatedScopes, type Scope } from "@/lib/auth/access";
import { SELF, type Permission, type PermissionOrSelf } from "@/lib/auth/permissions";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";

export interface Operation<S extends z.ZodType = z.ZodType, T = unknown> {
  readonly input: S;
  readonly permission: PermissionOrSelf;
  /** Parses `raw`, resolves the caller's access and runs the handler; throws the typed errors of lib/errors.ts. */
  run(caller: Caller, raw: z.input<S>): Promise<T>;
}

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const first = Object.values(fieldErrors)[0];
    throw new ValidationError(first ?? "Check the highlighted fields.", fieldErrors);
  }
  return parsed.data;
}

/**
 * An operation on a team's objects. `scope` names the target; access to it is resolved on the server (another
 * team's id, or one outside an agent key's project, is "not found"; a missing permission is "forbidden") and the
 * handler gets access typed by the target's level: `{ projectId }` → ProjectAccess, `{ appId }`/`{ reviewId }` →
 * AppAccess, `{ teamId }` → TeamAccess.
 */
export function defineOperation<S extends z.ZodType, Sc extends Scope, T>(config: {
  input: S;
  permission: Permission;
  scope: (input: z.output<S>, caller: Caller) => Sc;
  /** Every other object the input names (a source project, a filter): checked against the caller like the target. */
  related?: (input: z.output<S>) => RelatedScopes;
  handler: (ctx: AccessFor<Sc>, input: z.output<S>) => Promise<T>;
  /** Dashboard paths whose server-rendered data the change makes stale. */
  revalidate?: (input: z.output<S>, result: T) => string[];
}): Operation<S, T> {
  return {
    input: config.input,
    permission: config.permission,
    run: async (caller, raw) => {
      const input = parseInput(config.input, raw);
      const ctx = await resolveAccessWithRelated(caller, config.scope(input, caller), config.related?.(input) ?? [], config.permission);
      const result = await config.handler(ctx, input);
      revalidate(config.revalidate?.(input, result));
      return result;
    },
  };
}

/** An operation on the signed-in person's own things: keyed by their user id; agent keys act for no person. */
export function defineUserOperation<S extends z.ZodType, T>(config: {
  input: S;
  handler: (user: { userId: string }, input: z.output<S>) => Promise<T>;
  revalidate?: (input: z.output<S>, result: T) => string[];
}): Operation<S, T> {
  return {
    input: config.input,
    permission: SELF,
    run: async (caller, raw) => {
      if (caller.kind !== "user") throw new ForbiddenError("Agent keys act for no person: this is only for a signed-in user (the browser session).");
      const input = parseInput(config.input, raw);
      const result = await config.handler({ userId: caller.userId }, input);
      revalidate(config.revalidate?.(input, result));
      return result;
    },
  };
}

function revalidate(paths: string[] | undefined) {
  for (const path of paths ?? []) {
    try {
      revalidatePath(path);
    } catch {
      // Outside a request (tests, jobs) there is no cache to revalidate.
    }
  }
}
