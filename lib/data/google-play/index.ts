import "server-only";
export * from "./connections";
export * from "./ratings";
export * from "./view";
export { loadPlayConnection, type StoredPlayConnection } from "./credentials";
