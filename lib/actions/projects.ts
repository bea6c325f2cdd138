"use server";
// Server actions (mutations only): each is an operation run for the session user, see lib/operations/adapters/server-action.ts.
import * as projects from "@/lib/operations/projects";
import { serverAction } from "@/lib/operations/adapters/server-action";

export const createProject = serverAction(projects.createProject);
export const renameProject = serverAction(projects.renameProject);
export const deleteProject = serverAction(projects.deleteProject);
