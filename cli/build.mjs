// Bundles the `starboard` CLI (and its MCP server) into dist/cli/starboard.mjs: one file, plain Node 20.
import { build } from "esbuild";
import { chmod } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = `${root}dist/cli/starboard.mjs`;

await build({
  entryPoints: [`${root}cli/starboard.ts`],
  outfile,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  alias: { "@": root.replace(/\/$/, "") },
  // Bundled CommonJS dependencies may still call require().
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __sbCreateRequire } from 'node:module';\nconst require = __sbCreateRequire(import.meta.url);" },
  logLevel: "warning",
  legalComments: "none",
});
await chmod(outfile, 0o755);
console.log(`built ${outfile}`);
