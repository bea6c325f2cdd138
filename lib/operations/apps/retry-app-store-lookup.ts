import "server-only";
import { z } from "zod";
import { markAppStoreLookupRequested } from "@/lib/data/apps";
import { requestAppVersionSync } from "@/lib/sync/versions/request-app-version-sync";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";

/** "Retry now" on an app Apple could not be reached for: its bundle-id look-up again, at once. */
export const retryAppStoreLookup = defineOperation({
  input: z.object({ appId: idSchema }),
  permission: "projects:write",
  scope: (i) => ({ appId: i.appId }),
  handler: async (ctx) => {
    const app = await markAppStoreLookupRequested(ctx);
    return { runId: await requestAppVersionSync(app) };
  },
  revalidate: () => ["/dashboard"],
});
