import "server-only";
export * from "./create-agent-key";
export * from "./get-agent-key-setup";
export * from "./list-agent-keys";
export * from "./revoke-agent-key";
