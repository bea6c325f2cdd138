import "server-only";
export * from "./create-project";
export * from "./delete-project";
export * from "./get-project-overview";
export * from "./list-team-projects";
export * from "./rename-project";
