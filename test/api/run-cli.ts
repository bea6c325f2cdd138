// Runs the BUILT `starboard` bundle as a child process (built once per test run).
import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const ROOT = path.resolve(__dirname, "../..");
export const CLI = path.join(ROOT, "dist/cli/starboard.mjs");

let built: Promise<unknown> | null = null;
export function buildCli() {
  built ??= promisify(execFile)(process.execPath, [path.join(ROOT, "cli/build.mjs")], { cwd: ROOT });
  return built;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? "", STARBOARD_POLL_MS: "100", ...options.env } as unknown as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}
