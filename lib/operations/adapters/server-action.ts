import "server-only";
// The server-action adapter: the session user runs the operation; the outcome comes back as an ActionResult, the
// shape forms and components read (field errors included). Mutations only — reads go over GET (/api/v1).
import type { z } from "zod";
import type { Caller } from "@/lib/auth/access";
import { sessionCaller } from "@/lib/auth/session";
import { toErrorPayload, type ErrorPayload } from "@/lib/errors";
import type { Operation } from "../define-operation";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

/** A server action, typed from its operation's zod input; `operation` lets tests check every action is covered. */
export type ServerAction<S extends z.ZodType, T> = ((input: z.input<S>) => Promise<ActionResult<T>>) & { readonly operation: Operation<S, T> };

/** Runs the operation for an already resolved caller and reports the outcome as an ActionResult. */
export async function actionResult<S extends z.ZodType, T>(operation: Operation<S, T>, caller: Caller, raw: z.input<S>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await operation.run(caller, raw) };
  } catch (error) {
    return { ok: false, error: toErrorPayload(error).payload };
  }
}

export function serverAction<S extends z.ZodType, T>(operation: Operation<S, T>): ServerAction<S, T> {
  const action = async (input: z.input<S>): Promise<ActionResult<T>> => {
    let caller: Caller;
    try {
      caller = await sessionCaller();
    } catch (error) {
      return { ok: false, error: toErrorPayload(error).payload };
    }
    return actionResult(operation, caller, input);
  };
  return Object.assign(action, { operation });
}
