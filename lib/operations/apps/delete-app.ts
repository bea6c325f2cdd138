import "server-only";
import { z } from "zod";
import * as apps from "@/lib/data/apps";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

export const deleteApp = defineOperation({
  input: z.object({ appId: idSchema }),
  permission: "projects:write",
  scope: (i) => ({ appId: i.appId }),
  handler: (ctx) => apps.deleteApp(ctx),
  revalidate: () => ["/dashboard"],
});
