// Every environment variable is read through the validated configuration (lib/env.ts for the server, cli/config.ts
// for the CLI): a direct read elsewhere would skip validation and the README's table. Start-up code that fills in
// the environment before it is read is the one exception, listed here with its reason; scripts/ are such start-up
// scripts (they set the variables of the process they prepare), and tests inject configuration with withConfig.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { useScratchDirs } from "@/test/scratch-dirs";

const root = fileURLToPath(new URL("..", import.meta.url));
const CHECKED_FOLDERS = ["app", "lib", "components", "inngest", "cli", "tools"];

/** Where reading the environment directly is the point. */
export const ALLOWED: Record<string, string> = {
  "lib/env.ts": "the server's configuration module",
  "cli/config.ts": "the CLI's configuration module",
  "lib/runtime/local.ts": "start-up: provides DATABASE_URL and the generated secrets before the configuration is read",
  "next.config.ts": "Next's build configuration, read by Next itself",
  "prisma.config.ts": "the Prisma CLI's configuration",
  "playwright.config.ts": "the end-to-end runner's configuration",
  "vitest.config.ts": "the test runner's configuration",
};

const DIRECT_READ = /\bprocess\s*(?:\.\s*env\b|\[\s*["'`]env["'`]\s*\])|\bfrom\s+["'](?:node:)?process["']|\bimport\s*\(\s*["'](?:node:)?process["']\s*\)/;
const SOURCE = /\.(?:ts|tsx|mts|mjs|js)$/;
const TEST = /\.test\.tsx?$/;

async function sourceFiles(cwd: string, dir: string): Promise<string[]> {
  const entries = await readdir(path.join(cwd, dir), { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map(async (e) => {
      const rel = path.posix.join(dir, e.name);
      if (e.isDirectory()) return e.name === "node_modules" || rel === "lib/generated" ? [] : await sourceFiles(cwd, rel);
      return SOURCE.test(e.name) && !TEST.test(e.name) ? [rel] : [];
    }),
  );
  return nested.flat();
}

/** Files outside ALLOWED that read the environment directly, with the first such line. */
export async function directEnvironmentReads(cwd: string, folders: readonly string[] = CHECKED_FOLDERS): Promise<string[]> {
  const atRoot = (await readdir(cwd, { withFileTypes: true })).filter((e) => e.isFile() && SOURCE.test(e.name)).map((e) => e.name);
  const files = [...atRoot, ...(await Promise.all(folders.map((f) => sourceFiles(cwd, f)))).flat()];
  const found: string[] = [];
  for (const file of files.sort()) {
    if (file in ALLOWED) continue;
    const lines = (await readFile(path.join(cwd, file), "utf8")).split("\n");
    const index = lines.findIndex((line) => DIRECT_READ.test(line));
    if (index >= 0) found.push(`${file}:${index + 1}: ${lines[index].trim()}`);
  }
  return found;
}

const scratchDir = useScratchDirs();

describe("configuration reads", () => {
  it("the check finds a direct read, however it is spelled, and skips tests and the allowed files", async () => {
    const dir = await scratchDir("sb-env-reads-");
    await mkdir(path.join(dir, "lib/feature"), { recursive: true });
    await writeFile(path.join(dir, "lib/feature/client.ts"), 'export const url = () => process.env.SOME_URL ?? "x";\n');
    await writeFile(path.join(dir, "lib/feature/keyed.ts"), 'export const key = process["env"].SOME_KEY;\n');
    await writeFile(path.join(dir, "lib/feature/imported.ts"), 'import { env } from "node:process";\nexport const port = env.PORT;\n');
    await writeFile(path.join(dir, "lib/feature/clean.ts"), "export const processEnvironment = 1;\n");
    await writeFile(path.join(dir, "lib/feature/client.test.ts"), "process.env.SOME_URL = 'y';\n");
    await writeFile(path.join(dir, "lib/env.ts"), "export const env = () => process.env;\n");
    await writeFile(path.join(dir, "loose.ts"), "export const home = process.env.HOME;\n");
    expect(await directEnvironmentReads(dir, ["lib"])).toEqual([
      'lib/feature/client.ts:1: export const url = () => process.env.SOME_URL ?? "x";',
      'lib/feature/imported.ts:1: import { env } from "node:process";',
      'lib/feature/keyed.ts:1: export const key = process["env"].SOME_KEY;',
      "loose.ts:1: export const home = process.env.HOME;",
    ]);
  });

  it("nothing in app/, lib/, components/, inngest/, cli/, tools/ or the root reads process.env outside the configuration modules", async () => {
    expect(await directEnvironmentReads(root)).toEqual([]);
  });
});
