// Where `starboard login` keeps the server URL and agent key: a JSON file readable only by the user.
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";

/** Environment variables (a plain record, so tests can pass their own). */
export type Env = Record<string, string | undefined>;

export const configSchema = z.object({
  url: z.url(),
  apiKey: z.string().min(1),
  projectId: z.uuid().optional(),
});
export type StarboardConfig = z.infer<typeof configSchema>;

export function configPath(env: Env = process.env): string {
  const base = env.XDG_CONFIG_HOME?.trim() ? env.XDG_CONFIG_HOME : path.join(env.HOME ?? os.homedir(), ".config");
  return path.join(base, "starboard", "config.json");
}

export async function readConfig(env: Env = process.env): Promise<Partial<StarboardConfig>> {
  let stored: Partial<StarboardConfig> = {};
  try {
    const parsed = configSchema.partial().safeParse(JSON.parse(await readFile(configPath(env), "utf8")));
    if (parsed.success) stored = parsed.data;
  } catch {
    // No config yet: environment variables may still supply everything.
  }
  return {
    ...stored,
    ...(env.STARBOARD_URL ? { url: env.STARBOARD_URL } : {}),
    ...(env.STARBOARD_API_KEY ? { apiKey: env.STARBOARD_API_KEY } : {}),
    ...(env.STARBOARD_PROJECT_ID ? { projectId: env.STARBOARD_PROJECT_ID } : {}),
  };
}

export async function writeConfig(config: StarboardConfig, env: Env = process.env): Promise<string> {
  const file = configPath(env);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  // writeFile's mode applies only when it creates the file: tighten an existing one too.
  await chmod(file, 0o600);
  return file;
}
