import "server-only";
export * from "./client";
export * from "./errors";
export * from "./rows";
export * from "./schema";
