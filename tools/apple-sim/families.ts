// Every endpoint family the simulator serves. A new family (e.g. sales reports) is its own file — endpoints,
// faults, control routes — plus one line here; see README "Adding an endpoint family".
import { ascAppsFamily } from "./asc/apps";
import { customerReviewsFamily } from "./asc/customer-reviews";
import type { EndpointFamily } from "./endpoints";
import { itunesFamily } from "./itunes/lookup";
import { reportsFamily } from "./asc/reports";
import { analyticsFamily, analyticsStorageFamily } from "./asc/analytics";

export const simFamilies: readonly EndpointFamily[] = [itunesFamily, ascAppsFamily, customerReviewsFamily, reportsFamily, analyticsFamily, analyticsStorageFamily];
