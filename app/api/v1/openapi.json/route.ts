import { buildOpenApiDocument } from "@/lib/api/openapi";
import { publicOrigin } from "@/lib/api/origin";
import { jsonResponse, optionsResponse } from "@/lib/api/respond";

export function GET(request: Request) {
  return jsonResponse(request, buildOpenApiDocument(publicOrigin(request)));
}
export const OPTIONS = optionsResponse;
