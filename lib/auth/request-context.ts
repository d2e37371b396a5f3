import "server-only";
import { headers } from "next/headers";
import { clientAddress } from "./client-address";

/** Who is asking from where, for the audit rows of a request. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

export async function getRequestContext(): Promise<RequestContext> {
  const h = await headers();
  return { ip: clientAddress(h), userAgent: h.get("user-agent") };
}

/** Our public origin, for links we hand out (invitations, resets). */
export function appOrigin(): string {
  return process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}
