import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { InvalidCredentialsError, verifyCredentials } from "./credentials";
import { SESSION_MAX_AGE_SECONDS, isSessionRevoked, newSessionId, revokeSession } from "./revoked-sessions";
import { SignInThrottledError, clientFromHeaders } from "./sign-in-throttle";
import { findOrCreateGithubUser } from "@/lib/data/users";
import { env } from "@/lib/env";

class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}
class InvalidSignIn extends CredentialsSignin {
  code = "invalid_credentials";
}

export const isGithubSignInEnabled = () => Boolean(env().AUTH_GITHUB_ID && env().AUTH_GITHUB_SECRET);

// Configured when a request needs it, from the validated configuration: a build loads this module without one.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  trustHost: true,
  secret: env().AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  useSecureCookies: env().SECURE_COOKIES,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        try {
          return await verifyCredentials(
            { email: String(credentials?.email ?? ""), password: String(credentials?.password ?? "") },
            clientFromHeaders(request.headers),
          );
        } catch (error) {
          if (error instanceof SignInThrottledError) {
            const e = new ThrottledSignIn();
            e.message = error.message;
            throw e;
          }
          if (error instanceof InvalidCredentialsError) throw new InvalidSignIn();
          throw new InvalidSignIn();
        }
      },
    }),
    ...(isGithubSignInEnabled() ? [GitHub({ clientId: env().AUTH_GITHUB_ID, clientSecret: env().AUTH_GITHUB_SECRET })] : []),
  ],
  callbacks: {
    async jwt({ token, user, account, profile }) {
      if (!user && !account) {
        // Every later read of the cookie: a signed-out session (or one issued before sessions had ids) is over.
        if (typeof token.sid !== "string" || (await isSessionRevoked(token.sid))) return null;
        return token;
      }
      token.sid = newSessionId();
      if (account?.provider === "github") {
        const email = (profile?.email ?? user?.email ?? "").toLowerCase();
        const dbUser = await findOrCreateGithubUser({
          providerAccountId: String(account.providerAccountId),
          email,
          name: (profile?.name as string | undefined) ?? (profile?.login as string | undefined) ?? email,
        });
        token.sub = dbUser.id;
        token.email = dbUser.email;
        token.name = dbUser.name;
      } else if (user?.id) {
        token.sub = user.id;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(sid);
    },
  },
}));
