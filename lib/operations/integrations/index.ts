import "server-only";
export * from "./copy-integration";
export * from "./get-integration-setup";
export * from "./get-integration-status";
export * from "./remove-integration";
export * from "./request-reviews-sync";
export * from "./save-integration";
export * from "./set-integration-enabled";
export * from "./test-connection";
