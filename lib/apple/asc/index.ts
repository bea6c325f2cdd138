import "server-only";
export * from "./app-errors";
export * from "./client";
export * from "./errors";
export * from "./p8";
export * from "./timings";
export * from "./token";
export * from "./transform";
