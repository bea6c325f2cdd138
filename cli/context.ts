// What every command gets: parsed flags, the API client, and output that respects --json.
import { StarboardClient } from "@/lib/api/client";
import { readConfig, type Env, type StarboardConfig } from "./config";

export class CliError extends Error {
  constructor(
    message: string,
    public readonly exitCode = 1,
  ) {
    super(message);
  }
}
export const usage = (message: string) => new CliError(message, 2);

export interface Io {
  out(text: string): void;
  err(text: string): void;
  isErrTty: boolean;
  readStdin(): Promise<string>;
  env: Env;
}

export interface CommandContext {
  io: Io;
  positionals: string[];
  flags: Record<string, string | boolean | undefined>;
  json: boolean;
  config: Partial<StarboardConfig>;
  client(): StarboardClient;
  /** --project-id, else the default saved by `starboard login --project-id`. */
  projectId(): string;
  /** Prints JSON with --json, else the readable text. */
  print(data: unknown, readable: () => string): void;
}

export async function createContext(io: Io, positionals: string[], flags: CommandContext["flags"]): Promise<CommandContext> {
  const config = await readConfig(io.env);
  const json = flags.json === true;
  const str = (name: string) => (typeof flags[name] === "string" ? flags[name] : undefined);
  return {
    io,
    positionals,
    flags,
    json,
    config,
    client() {
      const url = str("url") ?? config.url;
      const apiKey = config.apiKey;
      if (!url || !apiKey) throw usage("Not logged in. Run `starboard login --url <server> --key <agent key>` (or set STARBOARD_URL and STARBOARD_API_KEY).");
      return new StarboardClient({ baseUrl: url, apiKey, client: "cli" });
    },
    projectId() {
      const id = str("project-id") ?? config.projectId;
      if (!id) throw usage("Pass --project-id <id> (or save a default with `starboard login --project-id <id>`).");
      return id;
    },
    print(data, readable) {
      io.out(json ? JSON.stringify(data, null, 2) : readable());
    },
  };
}
