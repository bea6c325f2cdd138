import "server-only";
import { z } from "zod";
import { validateP8 } from "@/lib/apple/asc";
import * as integrations from "@/lib/data/integrations";
import { ValidationError } from "@/lib/errors";
import { idSchema } from "@/lib/validation";
import { defineOperation } from "../define-operation";
import { integrationPaths } from "./integration-paths";
import { runConnectionTest } from "./test-connection";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const integrationInputSchema = z
  .object({
    projectId: idSchema,
    keyType: z.enum(["team", "individual"], { message: "Choose a team key or an individual key." }),
    issuerId: z.preprocess(blank, z
        .string()
        .trim()
        .toLowerCase()
        // Apple's issuer ids are UUID-shaped but not RFC 4122 variants, so z.uuid() would refuse real ones.
        .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: "The Issuer ID has 36 characters, like xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx: copy it from above the key list in App Store Connect." }).optional()),
    keyId: z
      .string({ message: "Key ID is required." })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{8,12}$/, { message: "The Key ID is 10 letters and digits, e.g. 2X9R4HXF34 (it is in the file name AuthKey_<KEY_ID>.p8)." }),
    privateKey: z.preprocess(blank, z.string().max(10_000, { message: "That is not a .p8 key: it is far too long." }).optional()),
    // Empty removes it; absent keeps the stored one (changing it needs no new .p8).
    vendorNumber: z
      .string()
      .trim()
      .regex(/^\d{0,20}$/, { message: "The vendor number is digits only, e.g. 85012345: copy it from App Store Connect → Payments and Financial Reports (top left)." })
      .transform((v) => v || null)
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.keyType === "team" && !v.issuerId) ctx.addIssue({ code: "custom", path: ["issuerId"], message: "Team keys need the Issuer ID shown above the key list in App Store Connect." });
  });

/** The .p8 as Apple will read it, or a field error that says what is wrong with it. */
function checkedPem(privateKey: string): string {
  const check = validateP8(privateKey);
  if (!check.ok) throw new ValidationError(check.error, { privateKey: check.error });
  return check.pem;
}

export const saveIntegration = defineOperation({
  input: integrationInputSchema,
  permission: "integrations:write",
  scope: (i) => ({ projectId: i.projectId }),
  handler: async (ctx, i) => {
    const before = await integrations.getIntegration(ctx);
    const saved = await integrations.saveIntegration(ctx, {
      keyType: i.keyType,
      issuerId: i.issuerId ?? null,
      keyId: i.keyId,
      privateKeyPem: i.privateKey?.trim() ? checkedPem(i.privateKey) : null,
      vendorNumber: i.vendorNumber,
    });
    // A new vendor number is tested at once (the key and the reports it opens), which starts the backfill when it works.
    if (!saved.vendorNumber || saved.vendorNumber === before?.vendorNumber) return saved;
    await runConnectionTest(ctx);
    return (await integrations.getIntegration(ctx)) ?? saved;
  },
  revalidate: (i) => integrationPaths(i.projectId),
});
