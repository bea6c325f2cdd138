import { clsx, type ClassValue } from "clsx";

/** Join class names (clsx). No tailwind-merge: put overrides last and avoid conflicting utilities. */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
