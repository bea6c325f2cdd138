import { describe, expect, it } from "vitest";
import { hasRequiredTerm, MAX_SEARCH_WORDS, parseSearch, searchQueryProblem, tokenize } from "./search-query";

describe("the search box's language", () => {
  it("splits words, CJK runs glued to other words, phrases, exclusions and or", () => {
    expect(tokenize("iPhoneで使えない wi-fi")).toEqual([
      { kind: "word", text: "iPhone" },
      { kind: "cjk", text: "で使えない" },
      { kind: "word", text: "wi" },
      { kind: "word", text: "fi" },
    ]);
    expect(parseSearch('crash "dark mode" -ads battery or akku')).toEqual([
      [{ tokens: [{ kind: "word", text: "crash" }], phrase: false, negated: false }],
      [{ tokens: [{ kind: "word", text: "dark" }, { kind: "word", text: "mode" }], phrase: true, negated: false }],
      [{ tokens: [{ kind: "word", text: "ads" }], phrase: false, negated: true }],
      [
        { tokens: [{ kind: "word", text: "battery" }], phrase: false, negated: false },
        { tokens: [{ kind: "word", text: "akku" }], phrase: false, negated: false },
      ],
    ]);
  });

  it("ignores punctuation, a lone dash and a dangling or; an unclosed quote runs to the end", () => {
    expect(parseSearch('%%% - or "')).toEqual([]);
    expect(parseSearch("crash or")).toEqual([[{ tokens: [{ kind: "word", text: "crash" }], phrase: false, negated: false }]]);
    expect(parseSearch('-"stürzt ab')).toEqual([[{ tokens: [{ kind: "word", text: "stürzt" }, { kind: "word", text: "ab" }], phrase: true, negated: true }]]);
  });

  it("knows whether anything must match", () => {
    expect(hasRequiredTerm(parseSearch("-crash -ads"))).toBe(false);
    expect(hasRequiredTerm(parseSearch("広告 -動画"))).toBe(true);
    expect(hasRequiredTerm(parseSearch("-crash or ads"))).toBe(false);
  });

  it("bounds the length and the number of words, saying the limit", () => {
    expect(searchQueryProblem("x".repeat(201))).toBe("Search is at most 200 characters.");
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(" or ");
    expect(searchQueryProblem(words(MAX_SEARCH_WORDS))).toBeNull();
    expect(searchQueryProblem(words(MAX_SEARCH_WORDS + 1))).toMatch(/at most 16 words \(this one has 17\)/);
    expect(searchQueryProblem("広告が多すぎて使いにくいです".repeat(10))).toBeNull(); // one CJK run is one word
  });
});
