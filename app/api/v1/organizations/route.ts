import { optionsResponse } from "@/lib/api/respond";
import { organizationRoutes } from "@/lib/api/routes";

export const GET = organizationRoutes.list;
export const OPTIONS = optionsResponse;
