export { projectSyncStatusRoute as GET } from "@/lib/api/ratings-routes";
