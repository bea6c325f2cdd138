// The CLI's configuration, its one module: the environment variables it reads (validated here, each bad value one
// line saying what to fix), and where `starboard login` keeps the server URL and agent key — a JSON file readable
// only by the user.
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

export const cliEnvSchema = z.object({
  STARBOARD_URL: optional(z.url({ message: "must be the server's URL, e.g. https://starboard.example.com" })),
  STARBOARD_API_KEY: optional(z.string()),
  STARBOARD_PROJECT_ID: optional(z.uuid({ message: "must be a project id (a UUID)" })),
  STARBOARD_POLL_MS: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number({ message: "must be milliseconds between run status checks, 10 to 60000" }).int({ message: "must be whole milliseconds, 10 to 60000" }).min(10, { message: "must be at least 10 ms" }).max(60_000, { message: "must be at most 60000 ms" }).default(1_000),
  ),
  XDG_CONFIG_HOME: optional(z.string()),
  HOME: optional(z.string()),
});

/** The validated variables. */
export type Env = z.output<typeof cliEnvSchema>;

export class CliConfigError extends Error {
  constructor(public readonly lines: string[]) {
    super(lines.join("\n"));
    this.name = "CliConfigError";
  }
}

/** Reads the CLI's variables from `source` (the process's environment, or what a test passes). */
export function cliEnv(source: Readonly<Record<string, string | undefined>> = process.env): Env {
  const result = cliEnvSchema.safeParse(source);
  if (result.success) return result.data;
  throw new CliConfigError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
}

export const configSchema = z.object({
  url: z.url(),
  apiKey: z.string().min(1),
  projectId: z.uuid().optional(),
});
export type StarboardConfig = z.infer<typeof configSchema>;

export function configPath(env: Pick<Env, "XDG_CONFIG_HOME" | "HOME">): string {
  const base = env.XDG_CONFIG_HOME?.trim() ? env.XDG_CONFIG_HOME : path.join(env.HOME ?? os.homedir(), ".config");
  return path.join(base, "starboard", "config.json");
}

export async function readConfig(env: Pick<Env, "XDG_CONFIG_HOME" | "HOME" | "STARBOARD_URL" | "STARBOARD_API_KEY" | "STARBOARD_PROJECT_ID">): Promise<Partial<StarboardConfig>> {
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

export async function writeConfig(config: StarboardConfig, env: Pick<Env, "XDG_CONFIG_HOME" | "HOME">): Promise<string> {
  const file = configPath(env);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  // writeFile's mode applies only when it creates the file: tighten an existing one too.
  await chmod(file, 0o600);
  return file;
}
