import "server-only";
export * from "./connections";
export * from "./view";
export { loadPlayConnection, type StoredPlayConnection } from "./credentials";
