import { NextResponse, type NextRequest } from "next/server";
import { requireRole } from "@/lib/auth/require-role";
import { HTTP_STATUS, isAppError } from "@/lib/errors/app-error";
import { LookupQuerySchema, searchEntities } from "@/lib/lookup/search-entities";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "private, no-store" };

/** The desk's pickers: `?kind=person&q=rub&limit=10` → `{ results: [{ id, label, detail? }] }`. */
export async function GET(request: NextRequest) {
  try {
    await requireRole("CONTRIBUTOR", "lookup");
    const parsed = LookupQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        parameter: issue.path.length ? issue.path.join(".") : ((issue as { keys?: string[] }).keys ?? []).join(", "),
        message: issue.code === "unrecognized_keys" ? `unknown parameter: ${(issue as { keys?: string[] }).keys?.join(", ")}` : issue.message,
      }));
      return NextResponse.json(
        { error: `Bad query parameter: ${issues.map((i) => `${i.parameter} (${i.message})`).join("; ")}`, issues },
        { status: 400, headers: noStore },
      );
    }
    const results = await searchEntities(parsed.data);
    return NextResponse.json({ results }, { headers: noStore });
  } catch (error) {
    if (isAppError(error)) {
      return NextResponse.json({ error: error.message }, { status: HTTP_STATUS[error.code], headers: noStore });
    }
    console.error("lookup failed", error);
    return NextResponse.json({ error: "The look-up failed. Try again." }, { status: 500, headers: noStore });
  }
}
