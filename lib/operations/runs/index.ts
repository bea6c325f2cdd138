import "server-only";
export * from "./get-run";
