import type { Metadata } from "next";
import { BulkImport } from "@/components/desk/bulk-import";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/require-role";
import { EVENT_COLUMNS, STATEMENT_COLUMNS } from "@/lib/import/columns";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/import/limits";

export const metadata: Metadata = { title: "Import events or statements" };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  await requirePageRole("EDITOR", "/dashboard/import");
  return (
    <>
      <PageHeader title="Import events or statements" lede="Bring in a CSV or JSON file. Every row is checked first and nothing is written until you confirm; each row becomes a draft with its own history." />
      <BulkImport columns={{ events: EVENT_COLUMNS, statements: STATEMENT_COLUMNS }} maxBytes={MAX_IMPORT_BYTES} maxRows={MAX_IMPORT_ROWS} />
    </>
  );
}
