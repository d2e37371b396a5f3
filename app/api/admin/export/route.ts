import { PassThrough, Readable } from "node:stream";
import { requireRole } from "@/lib/auth/require-role";
import { getRequestContext } from "@/lib/auth/request-context";
import { withErrors } from "@/lib/http/json-route";
import { backupFileName, recordExportStarted } from "@/lib/backup/admin-export";
import { exportRecord } from "@/lib/backup/export-record";

export const dynamic = "force-dynamic";

/**
 * The whole record as a backup file, streamed as it is read (no credentials: those
 * only leave the server through `npm run export -- --with-credentials`).
 */
export const GET = withErrors(async () => {
  const admin = await requireRole("ADMIN", "api.admin.export");
  await recordExportStarted(admin, await getRequestContext());
  const body = new PassThrough();
  exportRecord({ connectionString: process.env.DATABASE_URL!, out: body }).catch((error: unknown) => {
    // The file then lacks its end marker, so it can never be restored as if whole.
    console.error("[export] the download failed part-way", error);
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: {
      "content-type": "application/gzip",
      "content-disposition": `attachment; filename="${backupFileName(new Date())}"`,
      "cache-control": "no-store",
    },
  });
});
