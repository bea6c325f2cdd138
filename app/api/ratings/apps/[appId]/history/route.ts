export { appHistoryRoute as GET } from "@/lib/api/ratings-routes";
