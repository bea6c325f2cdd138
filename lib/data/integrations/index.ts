import "server-only";
export * from "./integrations";
export * from "./test-connection";
export * from "./view";
export { describeAscError, toAppError } from "./asc-errors";
