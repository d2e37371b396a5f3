import { optionsResponse } from "@/lib/api/respond";
import { statementRoutes } from "@/lib/api/routes";

export const GET = statementRoutes.list;
export const OPTIONS = optionsResponse;
