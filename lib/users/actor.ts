import type { Role } from "@/lib/generated/prisma/enums";
import type { RequestContext } from "@/lib/auth/request-context";

/** The signed-in user doing something (from requireRole), for rules and audit rows. */
export interface Actor {
  id: string;
  email: string;
  role: Role;
  sessionId?: string;
}

export type { RequestContext };

export const NO_CONTEXT: RequestContext = { ip: null, userAgent: null };
