"use server";
import * as googlePlay from "@/lib/operations/google-play";
import { serverAction } from "@/lib/operations/adapters/server-action";

export const connectGooglePlay = serverAction(googlePlay.connectGooglePlay);
export const testPlayConnection = serverAction(googlePlay.testPlayConnection);
export const copyPlayConnection = serverAction(googlePlay.copyPlayConnection);
export const requestPlayReviewsSync = serverAction(googlePlay.requestPlayReviewsSync);
export const setPlayConnectionEnabled = serverAction(googlePlay.setPlayConnectionEnabled);
export const removePlayConnection = serverAction(googlePlay.removePlayConnection);
