import { optionsResponse } from "@/lib/api/respond";
import { agreementRoutes } from "@/lib/api/routes";

export const GET = agreementRoutes.item;
export const OPTIONS = optionsResponse;
