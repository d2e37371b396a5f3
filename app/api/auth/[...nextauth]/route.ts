import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { endedSessionResponse } from "@/lib/auth/session-endpoint";

const nextAuth = NextAuth(authOptions) as (request: NextRequest, context: unknown) => Promise<Response>;

async function handler(request: NextRequest, context: unknown): Promise<Response> {
  return (await endedSessionResponse(request)) ?? nextAuth(request, context);
}

export { handler as GET, handler as POST };
