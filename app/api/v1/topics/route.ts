import { optionsResponse } from "@/lib/api/respond";
import { topicRoutes } from "@/lib/api/routes";

export const GET = topicRoutes.list;
export const OPTIONS = optionsResponse;
