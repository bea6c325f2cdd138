import "server-only";
export * from "./client";
export * from "./errors";
export * from "./pacer";
export * from "./reachability";
export * from "./transform";
