/** Writes lib/generated/api/open-data-api.ts from the OpenAPI document (run at install and by `npm test`). */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { CLIENT_TYPES_FILE, generateClientTypes } from "@/lib/api/client/generate-types";

const types = await generateClientTypes();
// A production install (--omit=dev) has no generator and needs no client types.
if (types) {
  await mkdir(path.dirname(CLIENT_TYPES_FILE), { recursive: true });
  await writeFile(CLIENT_TYPES_FILE, types);
}
