import type { InngestFunction } from "inngest";
import { ratingsSyncRequested, ratingsSyncScheduled } from "./ratings";
import { versionSyncRequested, versionSyncScheduled } from "./versions";
import { notificationFunctions } from "./notifications";
import { reviewsFunctions } from "./reviews-sync";
import { salesFunctions } from "./sales";
import { googlePlayFunctions } from "./google-play";
import { analyticsFunctions } from "./analytics";

// Every Inngest function Starboard serves; app/api/inngest registers this list.
export const functions: InngestFunction.Any[] = [...reviewsFunctions, ...googlePlayFunctions, ...notificationFunctions, ratingsSyncScheduled, ratingsSyncRequested, versionSyncScheduled, versionSyncRequested, ...salesFunctions, ...analyticsFunctions];
