import "server-only";
// The page adapter: the signed-in user (else the sign-in page) runs the operation; an address that names no valid
// object, or one outside the user's teams, is the 404 page — never another team's data.
import { notFound } from "next/navigation";
import type { z } from "zod";
import { requirePageUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import type { Operation } from "../define-operation";

export async function pageOperation<S extends z.ZodType, T>(operation: Operation<S, T>, raw: z.input<S>, path: string): Promise<T> {
  const user = await requirePageUser(path);
  if (!operation.input.safeParse(raw).success) notFound();
  try {
    return await operation.run({ kind: "user", userId: user.id }, raw);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
