// lib/data is database access only: it calls no external API. Apple is called by the operations
// (lib/operations) and the sync handlers (lib/sync), which then write through lib/data.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = __dirname;
// Builds the App Store Connect client from a project's stored, encrypted credentials; it calls nothing itself.
const CLIENT_FACTORY = "integrations/credentials.ts";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The modules of lib/apple a source imports for more than types. */
export function appleRuntimeImports(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^import\s+(type\s+)?(?:\{([^}]*)\}[^;]*|[^;]*?)\s+from\s+"(@\/lib\/apple[^"]*)"/gm)) {
    const typeOnly = Boolean(m[1]) || (m[2] !== undefined && m[2].split(",").every((s) => s.trim() === "" || s.trim().startsWith("type ")));
    if (!typeOnly) found.push(m[3]);
  }
  return found;
}

describe("lib/data", () => {
  it("imports nothing from lib/apple but types (the client factory apart)", () => {
    const offenders = sources(ROOT)
      .map((file) => [path.relative(ROOT, file), appleRuntimeImports(readFileSync(file, "utf8"))] as const)
      .filter(([file, imports]) => imports.length > 0 && file !== CLIENT_FACTORY);
    expect(offenders).toEqual([]);
  });

  it("the check sees a runtime import and lets a type import pass", () => {
    expect(appleRuntimeImports('import { AscError } from "@/lib/apple/asc";')).toEqual(["@/lib/apple/asc"]);
    expect(appleRuntimeImports('import { type AscApp, AscError } from "@/lib/apple/asc";')).toEqual(["@/lib/apple/asc"]);
    expect(appleRuntimeImports('import type { AscApp } from "@/lib/apple/asc";')).toEqual([]);
    expect(appleRuntimeImports('import { type AscApp } from "@/lib/apple/asc";')).toEqual([]);
  });
});
