import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { detectReviewLanguages, UNDETERMINED_LANGUAGE } from "./language";

const detectReviewLanguage = async (title: string | null, body: string, countryCode: string | null) => (await detectReviewLanguages([{ title, body, countryCode }]))[0];

describe("a review's language", () => {
  it("tells the nine largest App Store languages apart, CJK by script", async () => {
    const cases: [string | null, string, string][] = [
      ["Crashes constantly", "The app keeps crashing since the last update.", "en"],
      ["Stürzt ab", "Seit dem Update stürzt die App beim Start ab.", "de"],
      [null, "Trop de publicités depuis la mise à jour.", "fr"],
      [null, "Se cierra sola cada vez que la abro.", "es"],
      [null, "O aplicativo trava toda vez que abro o mapa.", "pt"],
      [null, "Приложение вылетает при запуске после обновления.", "ru"],
      ["まあまあ", "通知が遅いことがあります。", "ja"],
      [null, "更新后一打开就闪退。", "zh"],
      [null, "광고가 너무 많아요.", "ko"],
    ];
    for (const [title, body, expected] of cases) expect(await detectReviewLanguage(title, body, null), body).toBe(expected);
  });

  it("lets the storefront decide what the text alone cannot", async () => {
    expect(await detectReviewLanguage(null, "最高", "jp")).toBe("ja");
    expect(await detectReviewLanguage(null, "最高", "cn")).toBe("zh");
    expect(await detectReviewLanguage(null, "Sehr gut", "de")).toBe("de");
  });

  it("says 'undetermined' when there is nothing to tell", async () => {
    expect(await detectReviewLanguage(null, "👍👍 10/10", "us")).toBe(UNDETERMINED_LANGUAGE);
    expect(await detectReviewLanguage("", "", null)).toBe(UNDETERMINED_LANGUAGE);
  });
});

describe("the language detection worker", () => {
  it("answers a pending detection and then lets the process end on its own", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/support/detect-language-and-finish.ts"], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once("exit", (c, s) => resolve([c, s])));
    clearTimeout(timer);
    expect({ code, signal, out: out.trim() }).toEqual({ code: 0, signal: null, out: "de" });
  }, 20_000);
});
