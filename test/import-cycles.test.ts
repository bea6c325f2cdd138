// No import cycle anywhere in the application, its tools and scripts: type-only and dynamic imports count too, since
// a cycle through them still ties the modules' design together (and a type-only one turns into a runtime one with
// the next value import). dpdm resolves the `@/` paths with tsconfig.json.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseCircular, parseDependencyTree } from "dpdm";
import { describe, expect, it } from "vitest";
import { useScratchDirs } from "@/test/scratch-dirs";

const root = fileURLToPath(new URL("..", import.meta.url));
export const CHECKED_FOLDERS = ["app", "lib", "components", "inngest", "cli", "scripts", "tools"];

export async function importCycles(cwd: string, folders: readonly string[] = CHECKED_FOLDERS): Promise<string[][]> {
  const tree = await parseDependencyTree(
    folders.map((folder) => `${folder}/**/*.{ts,tsx,mts,mjs}`),
    {
      cwd,
      context: cwd,
      tsconfig: path.join(cwd, "tsconfig.json"),
      transform: false,
      skipDynamicImports: false,
      // Generated code and dependencies are not ours to untangle.
      exclude: /node_modules|lib\/generated\//,
    },
  );
  return parseCircular(tree, false);
}

const scratchDir = useScratchDirs();

describe("imports", () => {
  it("the check finds a cycle made only of a type import and a dynamic import", async () => {
    const dir = await scratchDir("sb-cycles-");
    await mkdir(path.join(dir, "lib"));
    await writeFile(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { paths: { "@/*": ["./*"] } } }));
    await writeFile(path.join(dir, "lib/registry.ts"), 'export const load = () => import("@/lib/handler");\nexport interface Options { id: string }\n');
    await writeFile(path.join(dir, "lib/handler.ts"), 'import type { Options } from "./registry";\nexport const handle = (o: Options) => o.id;\n');
    expect(await importCycles(dir, ["lib"])).toEqual([["lib/registry.ts", "lib/handler.ts"]]);
  });


  it("form no cycle in app/, lib/, components/, inngest/, cli/, scripts/ or tools/", async () => {
    const cycles = await importCycles(root);
    expect(cycles.map((cycle) => cycle.join(" → "))).toEqual([]);
  }, 120_000);
});
