import { optionsResponse } from "@/lib/api/respond";
import { countryRoutes } from "@/lib/api/routes";

export const GET = countryRoutes.list;
export const OPTIONS = optionsResponse;
