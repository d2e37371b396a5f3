import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate, SecondFactorRequired } from "./authenticate";
import { endSessionOnSignOut, SESSION_ABSOLUTE_MS } from "./sessions";

/**
 * next-auth v4 with email and password. The JWT holds nothing but the id of a
 * UserSession row; who the user is and what they may do is read from the database
 * on every request (lib/auth/require-role.ts), so ending the row ends the session.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_MS / 1000 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Two-factor code", type: "text" },
      },
      async authorize(credentials, request) {
        const headers = (request?.headers ?? {}) as Record<string, string | string[] | undefined>;
        let result: Awaited<ReturnType<typeof authenticate>>;
        try {
          result = await authenticate({ email: credentials?.email ?? "", password: credentials?.password ?? "", code: credentials?.code ?? "", headers });
        } catch (error) {
          // The sign-in form then asks for the code (components/auth/login-form.tsx).
          if (error instanceof SecondFactorRequired) throw new Error("TwoFactorRequired");
          throw error;
        }
        if (!result) return null;
        return { id: result.userId, sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger }) {
      // Only sign-in may set the session id; `update()` from the browser changes nothing.
      if (trigger === "signIn" && user) {
        return { sub: user.id, sid: (user as { sid?: string }).sid };
      }
      return { sub: token.sub, sid: token.sid, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    async session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub ?? "" } } as typeof session;
    },
    async redirect({ url, baseUrl }) {
      return safeCallbackUrl(url, baseUrl);
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await endSessionOnSignOut(String(token.sid));
    },
  },
};

/** Keeps every post-sign-in redirect on our own origin (no open redirects). */
export function safeCallbackUrl(url: string, baseUrl: string): string {
  try {
    // Backslashes and protocol-relative forms are read as browsers read them.
    const candidate = new URL(url.replace(/\\/g, "/"), baseUrl);
    const base = new URL(baseUrl);
    if (candidate.origin === base.origin) return candidate.toString();
  } catch {
    // fall through
  }
  return baseUrl;
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
