import { optionsResponse } from "@/lib/api/respond";
import { personRoutes } from "@/lib/api/routes";

export const GET = personRoutes.list;
export const OPTIONS = optionsResponse;
