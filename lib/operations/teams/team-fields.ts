import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

export const roleSchema = z.enum(ROLES, { message: "Choose owner, admin or member." });
/** A checkbox as forms send it ("on"), or a boolean. */
export const checkbox = z.preprocess((v) => (v === "on" || v === "true" ? true : v === "false" ? false : v), z.boolean());
