import "server-only";
import { db, Prisma } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { acceptInviteInTx } from "./invites";

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
  teamName?: string;
  inviteToken?: string;
}

/**
 * Creates the account. Without an invite it also creates the user's team (as owner) and a first project;
 * with an invite it joins the inviting team instead.
 */
export async function signUpUser(input: SignUpInput) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name: input.name, email: input.email, passwordHash }, select: { id: true } });
      if (input.inviteToken) {
        const { teamId } = await acceptInviteInTx(tx, user.id, input.inviteToken);
        const project = await tx.project.findFirst({ where: { teamId }, orderBy: { createdAt: "asc" }, select: { id: true } });
        return { userId: user.id, teamId, projectId: project?.id ?? null };
      }
      return { userId: user.id, ...(await createTeamWithFirstProject(tx, user.id, input.teamName ?? `${input.name}'s team`)) };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("An account with this email already exists. Sign in instead.", {
        email: "An account with this email already exists.",
      });
    }
    throw error;
  }
}

type Tx = Prisma.TransactionClient;

export async function createTeamWithFirstProject(tx: Tx, userId: string, teamName: string) {
  const team = await tx.team.create({ data: { name: teamName }, select: { id: true } });
  await tx.teamMember.create({ data: { teamId: team.id, userId, role: "owner" } });
  const project = await tx.project.create({ data: { teamId: team.id, name: "My apps" }, select: { id: true } });
  return { teamId: team.id, projectId: project.id };
}

/** GitHub sign-in: the linked account, else the account with that email (linked now), else a new one. */
export async function findOrCreateGithubUser(input: { providerAccountId: string; email: string; name: string }) {
  const linked = await db.oAuthAccount.findUnique({
    where: { provider_providerAccountId: { provider: "github", providerAccountId: input.providerAccountId } },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  if (linked) return linked.user;
  if (!input.email) throw new Error("GitHub did not share an email address for this account.");
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, name: true } });
    const user =
      existing ?? (await tx.user.create({ data: { email: input.email, name: input.name || input.email }, select: { id: true, email: true, name: true } }));
    await tx.oAuthAccount.create({ data: { userId: user.id, provider: "github", providerAccountId: input.providerAccountId } });
    if (!existing) await createTeamWithFirstProject(tx, user.id, `${user.name}'s team`);
    return user;
  });
}
