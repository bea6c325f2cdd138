import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { resolveAccessWithRelated, type AccessFor, type Caller, type RelatedScopes, type Scope } from "@/lib/auth/access";
import type { Permission } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { UnauthenticatedError, ValidationError, toErrorPayload, type ErrorPayload } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

type Input<S extends z.ZodType> = z.input<S> | FormData;

function formDataToObject(form: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    object[key] = value;
  }
  return object;
}

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const first = Object.values(fieldErrors)[0];
    throw new ValidationError(first ?? "Check the highlighted fields.", fieldErrors);
  }
  return parsed.data;
}

export async function sessionCaller(): Promise<Extract<Caller, { kind: "user" }>> {
  const user = await getSessionUser();
  if (!user) throw new UnauthenticatedError();
  return { kind: "user", userId: user.id };
}

/**
 * The one path of every server action: parse (zod) → resolve the caller → check the permission against the
 * caller's role in the team that owns the target → tenant-scoped data call → revalidate → small result.
 */
export interface ScopedAction<S extends z.ZodType, T> {
  permission: Permission;
  /** Runs the action for an already resolved caller (server actions pass the session, routes an agent key). */
  run(caller: Caller, raw: Input<S>): Promise<ActionResult<T>>;
  /** The server-action entry point: the caller is the session user. */
  invoke(raw: Input<S>): Promise<ActionResult<T>>;
}

export function defineAction<S extends z.ZodType, Sc extends Scope, T>(config: {
  input: S;
  permission: Permission;
  scope: (input: z.output<S>) => Sc;
  /** Every other object the input names (a source project, a filter): checked against the caller like the target. */
  related?: (input: z.output<S>) => RelatedScopes;
  handler: (ctx: AccessFor<Sc>, input: z.output<S>) => Promise<T>;
  revalidate?: (input: z.output<S>, result: T) => string[];
}): ScopedAction<S, T> {
  const run = async (caller: Caller, raw: Input<S>): Promise<ActionResult<T>> => {
    try {
      const input = parseInput(config.input, raw);
      const ctx = await resolveAccessWithRelated(caller, config.scope(input), config.related?.(input) ?? [], config.permission);
      const data = await config.handler(ctx, input);
      for (const path of config.revalidate?.(input, data) ?? []) safeRevalidate(path);
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: toErrorPayload(error).payload };
    }
  };
  return {
    permission: config.permission,
    run,
    invoke: async (raw) => {
      try {
        return await run(await sessionCaller(), raw);
      } catch (error) {
        return { ok: false, error: toErrorPayload(error).payload };
      }
    },
  };
}

/** Actions that need only a signed-in user (creating a team, accepting an invite, leaving). */
export interface UserAction<S extends z.ZodType, T> {
  run(userId: string, raw: Input<S>): Promise<ActionResult<T>>;
  invoke(raw: Input<S>): Promise<ActionResult<T>>;
}

export function defineUserAction<S extends z.ZodType, T>(config: {
  input: S;
  handler: (user: { userId: string }, input: z.output<S>) => Promise<T>;
  revalidate?: (input: z.output<S>, result: T) => string[];
}): UserAction<S, T> {
  const run = async (userId: string, raw: Input<S>): Promise<ActionResult<T>> => {
    try {
      const input = parseInput(config.input, raw);
      const data = await config.handler({ userId }, input);
      for (const path of config.revalidate?.(input, data) ?? []) safeRevalidate(path);
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: toErrorPayload(error).payload };
    }
  };
  return {
    run,
    invoke: async (raw) => {
      try {
        const caller = await sessionCaller();
        return await run(caller.userId, raw);
      } catch (error) {
        return { ok: false, error: toErrorPayload(error).payload };
      }
    },
  };
}

function safeRevalidate(path: string) {
  try {
    revalidatePath(path);
  } catch {
    // Outside a request (tests, jobs) there is no cache to revalidate.
  }
}
