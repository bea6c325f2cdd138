import type { InngestFunction } from "inngest";
import { ratingsSyncRequested, ratingsSyncScheduled } from "./ratings";
import { versionSyncRequested, versionSyncScheduled } from "./versions";
import { reviewsFunctions } from "./reviews-sync";

// Every Inngest function Starboard serves; app/api/inngest registers this list.
export const functions: InngestFunction.Any[] = [...reviewsFunctions, ratingsSyncScheduled, ratingsSyncRequested, versionSyncScheduled, versionSyncRequested];
