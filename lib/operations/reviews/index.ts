import "server-only";
export * from "./delete-reply";
export * from "./get-review";
export * from "./publish-reply";
export * from "./search-reviews";
