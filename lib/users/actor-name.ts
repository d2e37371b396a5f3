import { db } from "@/lib/db/client";

/** The name someone who did something goes by in mail ("Ada Admin"), or their email if the account is gone. */
export async function actorName(actor: { id: string; email: string }): Promise<string> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { name: true } });
  return user?.name ?? actor.email;
}
