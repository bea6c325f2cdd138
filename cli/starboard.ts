// Entry point of the `starboard` bin (bundled to dist/cli/starboard.mjs by `npm run build:cli`).
import { runCli } from "./main";
import type { Io } from "./context";

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
  env: process.env,
};

const argv = process.argv.slice(2);
if (argv[0] === "mcp") {
  const { startMcpServer } = await import("./mcp/server");
  await startMcpServer(process.env);
} else {
  process.exitCode = await runCli(argv, io);
}
