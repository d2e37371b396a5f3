import { optionsResponse } from "@/lib/api/respond";
import { statementRoutes } from "@/lib/api/routes";

export const GET = statementRoutes.item;
export const OPTIONS = optionsResponse;
