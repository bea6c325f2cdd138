import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";
import { idSchema } from "@/lib/validation";
import { resolveAccess, type AccessFor, type Scope } from "./access";
import { requirePageUser, type SessionUser } from "./session";

/** For pages: the signed-in user's access to the target, or the 404 page (never another team's data). */
export async function pageAccess<S extends Scope>(scope: S, path: string): Promise<{ user: SessionUser; ctx: AccessFor<S> }> {
  const user = await requirePageUser(path);
  const id = Object.values(scope)[0] as string;
  if (!idSchema.safeParse(id).success) notFound();
  try {
    return { user, ctx: await resolveAccess({ kind: "user", userId: user.id }, scope, null) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
