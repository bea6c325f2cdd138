import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HighlightedText } from "./highlighted-text";

const html = (text: string, ranges?: [number, number][]) => renderToStaticMarkup(createElement(HighlightedText, { text, ranges }));

describe("search highlights", () => {
  it("marks the ranges and escapes everything else: review text is never HTML", () => {
    const text = '<img src=x onerror="alert(1)"> crashes & <b>ads</b>';
    const at = (w: string): [number, number] => [text.indexOf(w), text.indexOf(w) + w.length];
    const out = html(text, [at("crashes"), at("ads")]);
    expect(out).toContain('<mark class="rounded-sm bg-amber-100 px-0.5 text-inherit" data-testid="search-match">crashes</mark>');
    expect(out).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(out).toContain("&lt;b&gt;<mark");
    expect(out).not.toContain("<img");
  });

  it("ignores ranges that do not fit the text, and works on CJK offsets", () => {
    expect(html("広告が多い", [[0, 2]])).toBe('<mark class="rounded-sm bg-amber-100 px-0.5 text-inherit" data-testid="search-match">広告</mark>が多い');
    expect(html("short", [[3, 99]])).toBe("short");
    expect(html("plain")).toBe("plain");
  });
});
