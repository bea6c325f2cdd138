"use server";
import * as ratings from "@/lib/operations/ratings";
import { serverAction } from "@/lib/operations/adapters/server-action";

export const requestRatingsSync = serverAction(ratings.requestRatingsSync);
