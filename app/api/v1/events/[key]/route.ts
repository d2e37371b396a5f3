import { optionsResponse } from "@/lib/api/respond";
import { eventRoutes } from "@/lib/api/routes";

export const GET = eventRoutes.item;
export const OPTIONS = optionsResponse;
