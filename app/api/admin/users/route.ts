import { requireRole } from "@/lib/auth/require-role";
import { appOrigin, getRequestContext } from "@/lib/auth/request-context";
import { readJsonBody, readQuery, withErrors } from "@/lib/http/json-route";
import { inviteUser } from "@/lib/users/invite-user";
import { listUsers, UserListFilterSchema } from "@/lib/users/list-users";

export const dynamic = "force-dynamic";

/** The staff list (the same rows /admin/users shows, with its filters: ?q=&role=&status=&twoFactor=). */
export const GET = withErrors(async (request: Request) => {
  await requireRole("ADMIN", "api.admin.users.list");
  const filter = readQuery(request, UserListFilterSchema);
  const { users, total, invitations } = await listUsers(filter);
  return Response.json({
    users: users.map(({ lockedUntil: _l, ...u }) => u),
    total,
    invitations,
  });
});

/** Invites someone: { email, role, name? }. Answers with the single-use link. */
export const POST = withErrors(async (request: Request) => {
  const user = await requireRole("ADMIN", "api.admin.users.invite");
  const input = await readJsonBody(request);
  const invitation = await inviteUser({ actor: user, input: input, context: await getRequestContext(), origin: appOrigin() });
  return Response.json(
    { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, link: invitation.link, emailed: invitation.emailed },
    { status: 201 },
  );
});
