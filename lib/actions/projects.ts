"use server";
// Server-action entry points: each runs its definition with the session user as the caller.
import { createProjectAction, deleteProjectAction, renameProjectAction } from "./defs/projects";

export async function createProject(input: { teamId: string; name: string }) {
  return createProjectAction.invoke(input);
}
export async function renameProject(input: { projectId: string; name: string }) {
  return renameProjectAction.invoke(input);
}
export async function deleteProject(input: { projectId: string }) {
  return deleteProjectAction.invoke(input);
}
