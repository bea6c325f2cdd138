// The OpenAPI document is valid 3.1 (against the official schema) and documents exactly the route handlers
// under app/api/v1.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

const ROOT = path.resolve(__dirname, "../../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every (method, path) exported by a route.ts under app/api/v1, in OpenAPI path syntax. */
function implementedRoutes(dir = ROOT): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...implementedRoutes(full));
    else if (entry.name === "route.ts") {
      const source = readFileSync(full, "utf8");
      const urlPath = `/api/v1/${path.relative(ROOT, dir)}`.replace(/\/$/, "").replace(/\[(\w+)\]/g, "{$1}");
      for (const m of METHODS) if (new RegExp(`export (const|async function|function) ${m}\\b`).test(source)) found.push(`${m} ${urlPath}`);
    }
  }
  return found.sort();
}

const doc = buildOpenApiDocument({ serverUrl: "https://starboard.example" });
type Op = { operationId: string; parameters: { name: string; in: string; required: boolean; schema: object }[]; responses: Record<string, { content?: Record<string, { schema: object }> }>; requestBody?: { content: Record<string, { schema: object }> } };
const operations = Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item as Record<string, Op>).map(([method, op]) => ({ path: p, method, op })));

describe("OpenAPI document", () => {
  it("documents every route handler, and no path without one", () => {
    const documented = operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort();
    const implemented = implementedRoutes().filter((r) => r !== "GET /api/v1/openapi.json");
    expect(implemented.length).toBeGreaterThanOrEqual(11);
    expect(documented).toEqual(implemented);
  });

  it("validates against the official OpenAPI 3.1 schema", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("the validator refuses broken documents (the check above can fail)", async () => {
    const withoutInfo = JSON.parse(JSON.stringify(doc));
    delete withoutInfo.info;
    expect((await new Validator().validate(withoutInfo)).valid).toBe(false);
    const bodyParameter = JSON.parse(JSON.stringify(doc));
    bodyParameter.paths["/api/v1/reviews"].get.parameters.push({ name: "payload", in: "body", schema: { type: "object" } });
    expect((await new Validator().validate(bodyParameter)).valid).toBe(false);
  });

  it("keeps Starboard's own conventions: ids, path parameters, one success status, error responses", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.components.securitySchemes.agentKey).toMatchObject({ type: "http", scheme: "bearer" });
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path: p, method, op } of operations) {
      expect(["get", "post", "put", "delete", "patch"]).toContain(method);
      expect(p.startsWith("/api/v1/")).toBe(true);
      // Path templates and path parameters match one to one.
      const templated = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = op.parameters.filter((x) => x.in === "path").map((x) => x.name).sort();
      expect(declared, `${method} ${p}`).toEqual(templated);
      for (const param of op.parameters) {
        expect(["path", "query"]).toContain(param.in);
        if (param.in === "path") expect(param.required).toBe(true);
        expect(param.schema).toBeTypeOf("object");
      }
      const success = Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s));
      expect(success, `${method} ${p}`).toHaveLength(1);
      for (const code of ["400", "401", "403", "404", "429"]) expect(op.responses[code]).toBeDefined();
      if (method === "get" || method === "delete") expect(op.requestBody).toBeUndefined();
    }
  });

  it("every $ref resolves to a component schema, and no zod-only construct leaks", () => {
    const text = JSON.stringify(doc);
    const refs = [...text.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas).toHaveProperty(ref.replace("#/components/schemas/", ""));
    }
    expect(text).not.toContain("$defs");
    expect(text).not.toContain('"$schema"');
  });

  it("describes the shapes: query filters, the reply body limit, the error envelope", () => {
    const list = (doc.paths["/api/v1/reviews"] as Record<string, Op>).get;
    expect(list.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["project", "app", "store", "rating", "country", "response", "q", "nickname", "cursor", "limit"]));
    const put = (doc.paths["/api/v1/reviews/{reviewId}/response"] as Record<string, Op>).put;
    expect(JSON.stringify(put.requestBody)).toContain('"required":["body"]');
    expect(doc.components.schemas.Error).toMatchObject({ properties: { error: { required: expect.arrayContaining(["code", "message"]) } } });
  });
});

describe("GET /reviews in the document", () => {
  it("documents the language filter, the search limits and the capped count", () => {
    const list = operations.find((o) => o.method === "get" && o.path === "/api/v1/reviews")!.op;
    const byName = Object.fromEntries(list.parameters.map((p) => [p.name, p]));
    expect(byName.language).toMatchObject({ in: "query", required: false });
    expect(JSON.stringify(byName.q)).toContain("16 words");
    expect(JSON.stringify(doc)).toContain("counting stops at 1,000");
  });
});
