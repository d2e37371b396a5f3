import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { signIn } from "./auth";
import { E2E_ADMIN } from "./env";

export type StaffRole = "CONTRIBUTOR" | "EDITOR" | "ADMIN";
export interface Staff {
  id: string;
  email: string;
  password: string;
  role: StaffRole;
}

export function baseUrl(): string {
  return `http://127.0.0.1:${process.env.E2E_PORT}`;
}

/** A fresh API context signed in as someone (dispose it when done). */
export async function signedInRequest(email: string, password: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: baseUrl() });
  await signIn(context, email, password);
  return context;
}

/**
 * A new staff account with a unique email, made the way people make one: the e2e
 * admin invites through the admin API, and the invitee accepts the link.
 */
export async function createStaff(role: StaffRole, label = role.toLowerCase()): Promise<Staff> {
  const suffix = randomBytes(4).toString("hex");
  const email = `${label}-${suffix}@e2e.chancery.test`;
  const password = `e2e ${label} passphrase ${suffix}`;
  const admin = await signedInRequest(E2E_ADMIN.email, E2E_ADMIN.password);
  try {
    const invited = await admin.post("/api/admin/users", { data: { email, role } });
    expect(invited.status(), await invited.text()).toBe(201);
    const { link } = (await invited.json()) as { link: string };
    const accepted = await admin.post("/api/invitations/accept", {
      data: { token: link.split("/").pop(), name: `E2E ${label} ${suffix}`, password },
    });
    expect(accepted.status(), await accepted.text()).toBe(201);
    const { id } = (await accepted.json()) as { id: string };
    return { id, email, password, role };
  } finally {
    await admin.dispose();
  }
}
