import { buildOpenApiDocument } from "@/lib/api/openapi";

export const CLIENT_TYPES_FILE = "lib/generated/api/open-data-api.ts";

/**
 * TypeScript types for the open data API, generated from our own OpenAPI document
 * by openapi-typescript — what any client generator would see. They are written at
 * install and before every test run (like the Prisma client), so they always match
 * the code; the e2e suite calls every endpoint through a client typed by them.
 * Null when openapi-typescript (a dev dependency) is not installed.
 */
export async function generateClientTypes(): Promise<string | null> {
  const generator = await import("openapi-typescript").catch(() => null);
  if (!generator) return null;
  const document = buildOpenApiDocument("https://chancery.example.org");
  const ast = await generator.default(document as unknown as Parameters<typeof generator.default>[0]);
  return `/**\n * Generated from /api/v1/openapi.json by openapi-typescript (scripts/api-types.ts). Do not edit.\n */\n\n${generator.astToString(ast)}`;
}
