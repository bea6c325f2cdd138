import "server-only";
import { z } from "zod";
import * as settings from "@/lib/data/notifications/settings";
import { idSchema } from "@/lib/validation";
import { defineUserOperation } from "../define-operation";

export const setProjectMute = defineUserOperation({
  input: z.object({ projectId: idSchema, muted: z.boolean() }),
  handler: ({ userId }, input) => settings.setProjectMute(userId, input),
  revalidate: () => ["/dashboard/settings/notifications"],
});
