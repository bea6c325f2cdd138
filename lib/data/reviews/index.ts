import "server-only";
export * from "./filters";
export * from "./replies";
export * from "./search";
export * from "./view";
