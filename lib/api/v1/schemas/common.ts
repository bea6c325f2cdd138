// Shapes shared by every /api/v1 resource. Plain zod (no server imports): the routes, the OpenAPI document,
// the CLI and the MCP server all read these.
import { z } from "zod";

export const uuid = (what: string) => z.uuid({ message: `Not a valid ${what} id.` });

export const errorCodeSchema = z.enum([
  "validation_failed",
  "unauthenticated",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "payload_too_large",
  "rate_limited",
  "upstream_error",
  "internal_error",
]);

export const upstreamSchema = z.object({
  service: z.string(),
  status: z.number().int().nullable(),
  code: z.string().nullable(),
  detail: z.string().nullable(),
  hint: z.string(),
});

export const errorBodySchema = z
  .object({
    error: z.object({
      code: errorCodeSchema,
      message: z.string().describe("A sentence a person can act on."),
      fieldErrors: z.record(z.string(), z.string()).optional().describe("One message per invalid input field."),
      upstream: upstreamSchema.optional().describe("What Apple or Google answered, when the failure came from them."),
      retryAfterSeconds: z.number().int().optional(),
    }),
  })
  .meta({ id: "Error" });

export const isoDateTime = z.string().describe("ISO 8601 date-time (UTC)");
