// Entry point of the `starboard` bin (bundled to dist/cli/starboard.mjs by `npm run build:cli`).
import { runCli } from "./main";
import { CliConfigError, cliEnv, type Env } from "./config";
import type { Io } from "./context";

let env: Env;
try {
  env = cliEnv();
} catch (error) {
  if (!(error instanceof CliConfigError)) throw error;
  process.stderr.write(`starboard: fix these environment variables:\n${error.lines.map((l) => `  ${l}\n`).join("")}`);
  process.exit(2);
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const io: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text),
  isErrTty: Boolean(process.stderr.isTTY),
  readStdin,
  env,
};

const argv = process.argv.slice(2);
if (argv[0] === "mcp") {
  const { startMcpServer } = await import("./mcp/server");
  await startMcpServer(env);
} else {
  process.exitCode = await runCli(argv, io);
}
