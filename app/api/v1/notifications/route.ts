import { listNotifications as listNotificationsEndpoint } from "@/lib/api/v1/endpoints";
import { v1Route } from "@/lib/operations/adapters/v1-route";
import { listNotifications } from "@/lib/operations/notifications";

export const GET = v1Route(listNotificationsEndpoint, listNotifications);
