import "server-only";
export * from "./get-app-sales";
export * from "./get-project-sales";
export * from "./get-project-sales-by-app";
export * from "./get-project-sales-summary";
export * from "./get-sales-page";
