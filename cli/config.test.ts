import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CliConfigError, cliEnv, configPath, readConfig, writeConfig } from "./config";
import { table } from "./format";
import { useScratchDirs } from "@/test/scratch-dirs";

const scratchDir = useScratchDirs();

describe("CLI config", () => {
  it("lives under XDG_CONFIG_HOME, else ~/.config", () => {
    expect(configPath({ XDG_CONFIG_HOME: "/x" })).toBe("/x/starboard/config.json");
    expect(configPath({ HOME: "/home/ann" })).toBe("/home/ann/.config/starboard/config.json");
  });

  it("is written readable only by the user, even when the file existed with wider rights", async () => {
    const dir = await scratchDir("sb-config-");
    const env = { XDG_CONFIG_HOME: dir };
    const file = configPath(env);
    await writeConfig({ url: "http://a.test", apiKey: "k1" }, env);
    await writeFile(file, "{}", { mode: 0o644 });
    await writeConfig({ url: "http://b.test", apiKey: "k2" }, env);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ url: "http://b.test", apiKey: "k2" });
  });

  it("environment variables override the saved login", async () => {
    const dir = await scratchDir("sb-config-");
    await writeConfig({ url: "http://saved.test", apiKey: "saved" }, { XDG_CONFIG_HOME: dir });
    expect(await readConfig({ XDG_CONFIG_HOME: dir, STARBOARD_API_KEY: "env" })).toEqual({ url: "http://saved.test", apiKey: "env" });
    expect(await readConfig({ XDG_CONFIG_HOME: path.join(dir, "none") })).toEqual({});
  });
});

describe("CLI environment", () => {
  it("is validated in one place, each bad variable one line, with defaults for the rest", () => {
    expect(cliEnv({})).toEqual({ STARBOARD_POLL_MS: 1000 });
    expect(cliEnv({ STARBOARD_POLL_MS: "100", STARBOARD_URL: "http://127.0.0.1:3000", HOME: "/home/ann" })).toMatchObject({ STARBOARD_POLL_MS: 100, STARBOARD_URL: "http://127.0.0.1:3000" });
    let error: unknown;
    try {
      cliEnv({ STARBOARD_POLL_MS: "soon", STARBOARD_URL: "starboard", STARBOARD_PROJECT_ID: "p1" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliConfigError);
    expect((error as CliConfigError).lines).toEqual([
      "STARBOARD_URL: must be the server's URL, e.g. https://starboard.example.com",
      "STARBOARD_PROJECT_ID: must be a project id (a UUID)",
      "STARBOARD_POLL_MS: must be milliseconds between run status checks, 10 to 60000",
    ]);
  });
});

describe("table", () => {
  it("aligns columns, right-aligns numbers, truncates long text and shows — for empty cells", () => {
    const out = table(
      [
        { a: "us", n: "1,234", t: "A very long review text" },
        { a: "de", n: "5", t: null },
      ],
      [
        { key: "a", label: "cc" },
        { key: "n", label: "count", align: "right" },
        { key: "t", label: "text", max: 10 },
      ],
    );
    expect(out.split("\n")).toEqual(["CC  COUNT  TEXT", "us  1,234  A very lo…", "de      5  —"]);
  });
});
