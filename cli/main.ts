// `starboard` command table: parse (node:util parseArgs) → command → exit code. 0 ok, 1 failed, 2 usage.
import { parseArgs } from "node:util";
import { describeApiError, StarboardApiError } from "@/lib/api/client";
import { login } from "./commands/login";
import { integrationsCopy, integrationsStatus, integrationsSync, integrationsTest, runsShow } from "./commands/integrations";
import { appsList, ratingsByCountry, ratingsList, ratingsSync } from "./commands/ratings";
import { reviewsDeleteResponse, reviewsList, reviewsRespond, reviewsView } from "./commands/reviews";
import { CliError, createContext, type CommandContext, type Io } from "./context";

type Opt = { type: "string" | "boolean"; short?: string };
const GLOBAL: Record<string, Opt> = { json: { type: "boolean" }, url: { type: "string" }, "project-id": { type: "string" }, help: { type: "boolean", short: "h" } };
const s = (): Opt => ({ type: "string" });
const b = (): Opt => ({ type: "boolean" });

interface Command {
  run: (ctx: CommandContext) => Promise<void>;
  options?: Record<string, Opt>;
  help: string;
}

const COMMANDS: Record<string, Command> = {
  login: { run: login, options: { key: s(), "key-stdin": b() }, help: "login --url <server> --key <agent key> [--project-id <default project>]" },
  "apps list": { run: appsList, help: "apps list --project-id <id>" },
  "ratings list": { run: ratingsList, help: "ratings list <appId>" },
  "ratings by-country": { run: ratingsByCountry, help: "ratings by-country --project-id <id>" },
  "ratings sync": { run: ratingsSync, options: { "no-wait": b() }, help: "ratings sync --project-id <id> [--no-wait]" },
  "reviews list": {
    run: reviewsList,
    options: { app: s(), store: s(), rating: s(), country: s(), language: s(), response: s(), q: s(), nickname: s(), from: s(), to: s(), sort: s(), cursor: s(), limit: s() },
    help: "reviews list [--project-id] [--app <id>] [--store app_store|google_play] [--rating 5|1-3] [--country de] [--language de] [--response yes|no] [--q <text>] [--nickname <n>] [--from 2026-11-01] [--to 2026-11-30] [--sort newest|oldest|lowest|highest] [--limit 30] [--cursor <c>]",
  },
  "reviews view": { run: reviewsView, help: "reviews view <reviewId>" },
  "reviews respond": { run: reviewsRespond, options: { file: s(), text: s() }, help: "reviews respond <reviewId> [text | --file <path> | stdin]" },
  "reviews delete-response": { run: reviewsDeleteResponse, options: { yes: b() }, help: "reviews delete-response <reviewId> --yes" },
  "integrations status": { run: integrationsStatus, help: "integrations status app-store-connect|google-play --project-id <id>" },
  "integrations test": { run: integrationsTest, help: "integrations test app-store-connect|google-play --project-id <id>" },
  "integrations sync": { run: integrationsSync, options: { "no-wait": b() }, help: "integrations sync app-store-connect|google-play --project-id <id> [--no-wait]" },
  "integrations copy": { run: integrationsCopy, options: { from: s(), to: s() }, help: "integrations copy app-store-connect|google-play --from <projectId> --to <projectId>" },
  "runs show": { run: runsShow, help: "runs show <runId>" },
};

export const HELP = [
  "starboard — App Store and Google Play ratings and reviews from your terminal",
  "",
  "Commands:",
  ...Object.values(COMMANDS).map((c) => `  starboard ${c.help}`),
  "  starboard mcp                      (MCP server on stdio, for AI agents)",
  "",
  "Every command takes --json. Configuration: `starboard login`, or STARBOARD_URL + STARBOARD_API_KEY.",
].join("\n");

function findCommand(argv: string[]): { name: string; command: Command; rest: string[] } | null {
  const words = argv.filter((a) => !a.startsWith("-"));
  for (const length of [2, 1]) {
    const name = words.slice(0, length).join(" ");
    const command = COMMANDS[name];
    if (command) {
      // Drop the command words (wherever flags put them) and keep the rest in order.
      const rest = [...argv];
      for (const word of name.split(" ")) rest.splice(rest.indexOf(word), 1);
      return { name, command, rest };
    }
  }
  return null;
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const found = findCommand(argv);
  if (!found) {
    const asked = argv.includes("--help") || argv.includes("-h") || argv.length === 0;
    if (asked) io.out(`${HELP}\n`);
    else io.err(`${HELP}\n`);
    return asked ? 0 : 2;
  }
  try {
    const { values, positionals } = parseArgs({ args: found.rest, options: { ...GLOBAL, ...found.command.options }, allowPositionals: true, strict: true });
    if (values.help) {
      io.out(`Usage: starboard ${found.command.help}\n`);
      return 0;
    }
    const ctx = await createContext(io, positionals, values);
    await found.command.run(ctx);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof StarboardApiError) {
      io.err(`Error (${error.status ? `HTTP ${error.status} ` : ""}${error.code}): ${describeApiError(error)}\n`);
      return 1;
    }
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      io.err(`${error.message}\nUsage: starboard ${found.command.help}\n`);
      return 2;
    }
    io.err(`${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}
