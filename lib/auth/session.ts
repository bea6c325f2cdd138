import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { UnauthenticatedError } from "@/lib/errors";
import type { Caller } from "./access";
import { auth } from "./auth";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** The signed-in user, checked against the database (a deleted user's cookie is not enough). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
});

/** For pages: send signed-out visitors to the sign-in page. */
export async function requirePageUser(callbackPath = "/dashboard"): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}

/** The signed-in user as a caller (server actions, API requests without an agent key), else "sign in". */
export async function sessionCaller(): Promise<Extract<Caller, { kind: "user" }>> {
  const user = await getSessionUser();
  if (!user) throw new UnauthenticatedError();
  return { kind: "user", userId: user.id };
}
