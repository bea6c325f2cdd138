import "server-only";
export * from "./get-app-country-ratings";
export * from "./get-app-rating-history";
export * from "./get-project-country-ratings";
export * from "./get-ratings-sync-status";
export * from "./request-ratings-sync";
