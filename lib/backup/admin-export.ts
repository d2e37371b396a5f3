import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { CurrentUser } from "@/lib/auth/require-role";
import type { RequestContext } from "@/lib/auth/request-context";
import { db } from "@/lib/db/client";

/** e.g. chancery-backup-2026-11-30T1204Z.ndjson.gz */
export function backupFileName(at: Date): string {
  return `chancery-backup-${at.toISOString().slice(0, 16).replace(":", "")}Z.ndjson.gz`;
}

/** An export takes the whole record off the server: the audit log says who and when. */
export async function recordExportStarted(admin: CurrentUser, context: RequestContext): Promise<void> {
  await db.$transaction((tx) =>
    writeAudit(tx, { action: "record.export", actorId: admin.id, actorEmail: admin.email, targetType: "record", summary: { withCredentials: false }, ...context }),
  );
}
