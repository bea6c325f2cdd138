import "server-only";
export * from "./create-app";
export * from "./delete-app";
export * from "./list-apps";
export * from "./retry-app-store-lookup";
export * from "./update-app";
