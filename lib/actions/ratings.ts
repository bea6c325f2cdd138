"use server";
import { requestRatingsSyncAction } from "./defs/ratings";

export async function requestRatingsSync(input: { projectId: string }) {
  return requestRatingsSyncAction.invoke(input);
}
