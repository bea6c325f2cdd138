// The OpenAPI 3.1 document of /api/v1, generated from the endpoint list and its zod schemas (z.toJSONSchema).
import { z } from "zod";
import { PERMISSION_LABELS, SELF, type PermissionOrSelf } from "@/lib/auth/permissions";
import type { Endpoint } from "./endpoint";
import { ENDPOINTS } from "./endpoints";
import { errorBodySchema } from "./schemas/common";

type Json = Record<string, unknown>;

const ERROR_RESPONSES: Record<string, string> = {
  "400": "Invalid input: fieldErrors names each bad field.",
  "401": "No credentials, or the agent key is malformed, unknown or revoked.",
  "403": "The caller lacks the permission (an agent key's granted permissions, a member's role).",
  "404": "Not found, or outside the caller's team (or the agent key's project).",
  "409": "Conflict with the current state (e.g. no App Store Connect integration yet).",
  "413": "The request body is larger than 1 MB.",
  "429": "Rate limited (120 requests a minute per agent key, or Apple's limit): see Retry-After.",
  "502": "App Store Connect failed; upstream carries Apple's code, detail and what to do.",
};

/** zod → JSON Schema; named schemas (meta id) are hoisted into components and referenced. */
function toSchema(schema: z.ZodType, io: "input" | "output", components: Json): Json {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  const defs = (json.$defs ?? {}) as Record<string, Json>;
  delete json.$defs;
  delete json.$schema;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, k === "$ref" && typeof v === "string" ? v.replace("#/$defs/", "#/components/schemas/") : rewrite(v)]),
      );
    }
    return value;
  };
  for (const [id, def] of Object.entries(defs)) components[id] = rewrite(def);
  const id = z.globalRegistry.get(schema)?.id;
  if (id) {
    // zod puts a named root into $defs itself and answers a $ref; otherwise the root is the definition.
    if (!(id in defs)) components[id] = rewrite(json);
    return { $ref: `#/components/schemas/${id}` };
  }
  return rewrite(json) as Json;
}

function parameters(e: Endpoint, components: Json) {
  const path = Object.entries(e.params.shape).map(([name, s]) => ({ name, in: "path", required: true, schema: toSchema(s as z.ZodType, "input", components) }));
  const query = Object.entries(e.query.shape).map(([name, s]) => {
    const schema = toSchema(s as z.ZodType, "input", components);
    return {
      name,
      in: "query",
      required: !(s as z.ZodType).safeParse(undefined).success,
      ...(typeof schema.description === "string" ? { description: schema.description } : {}),
      schema,
    };
  });
  return [...path, ...query];
}

function permissionWords(permission: PermissionOrSelf) {
  return permission === SELF ? "the signed-in person's own; agent keys are refused" : PERMISSION_LABELS[permission].toLowerCase();
}

function operation(e: Endpoint, components: Json): Json {
  const errors = Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([code, description]) => [
      code,
      { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    ]),
  );
  return {
    operationId: e.operationId,
    tags: [e.tag],
    summary: e.summary,
    description: [e.description, `Permission: \`${e.permission}\` (${permissionWords(e.permission)}).`].filter(Boolean).join("\n\n"),
    "x-permission": e.permission,
    parameters: parameters(e, components),
    ...(e.body
      ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(e.body, "input", components) } } } }
      : {}),
    responses: {
      [String(e.status)]: { description: e.summary, content: { "application/json": { schema: toSchema(e.response, "output", components) } } },
      ...errors,
    },
  };
}

export function buildOpenApiDocument(options: { serverUrl?: string } = {}) {
  const components: Json = {};
  toSchema(errorBodySchema, "output", components);
  const paths: Record<string, Json> = {};
  for (const e of ENDPOINTS as readonly Endpoint[]) {
    paths[`/api/v1${e.path}`] ??= {};
    paths[`/api/v1${e.path}`][e.method.toLowerCase()] = operation(e, components);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Starboard API",
      version: "1.0.0",
      description:
        "App Store ratings and reviews, downloads and proceeds of your team's projects. Authenticate with an agent key (team settings → Agent keys) as `Authorization: Bearer sb_…`. Errors are `{ \"error\": { \"code\", \"message\" } }`.",
    },
    servers: [{ url: options.serverUrl ?? "/" }],
    security: [{ agentKey: [] }],
    tags: [{ name: "Apps & ratings" }, { name: "Downloads & revenue" }, { name: "Reviews" }, { name: "Integrations" }, { name: "Runs" }, { name: "Notifications" }],
    paths,
    components: {
      securitySchemes: { agentKey: { type: "http", scheme: "bearer", description: "An agent key: sb_<prefix>_<secret>." } },
      schemas: components,
    },
  };
}
