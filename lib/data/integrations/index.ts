import "server-only";
export * from "./connection-test";
export * from "./integrations";
export * from "./view";
export * from "./report-coverage";
