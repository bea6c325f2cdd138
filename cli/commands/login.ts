import { listApps } from "@/lib/api/v1/endpoints";
import { StarboardClient } from "@/lib/api/client";
import { configSchema, writeConfig } from "../config";
import { usage, type CommandContext } from "../context";

/** starboard login --url <server> --key <agent key> [--project-id <default project>] */
export async function login(ctx: CommandContext) {
  const url = typeof ctx.flags.url === "string" ? ctx.flags.url : ctx.config.url;
  let key = typeof ctx.flags.key === "string" ? ctx.flags.key : undefined;
  if (!key && ctx.flags["key-stdin"]) key = (await ctx.io.readStdin()).trim();
  if (!url || !key) throw usage("Usage: starboard login --url <server URL> --key <agent key> (or --key-stdin) [--project-id <id>]");
  const projectId = typeof ctx.flags["project-id"] === "string" ? ctx.flags["project-id"] : undefined;
  const parsed = configSchema.safeParse({ url, apiKey: key, projectId });
  if (!parsed.success) throw usage(`Invalid login: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  // Check the key before saving it: a typo should fail now, not at the next command.
  if (projectId) await new StarboardClient({ baseUrl: url, apiKey: key, client: "cli" }).call(listApps, { projectId });
  const file = await writeConfig(parsed.data, ctx.io.env);
  ctx.print({ url, configFile: file, projectId: projectId ?? null }, () => `Logged in to ${url}. Saved to ${file} (readable only by you).`);
}
