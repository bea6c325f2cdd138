import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const WIDTHS = { desktop: { width: 1280, height: 860 }, phone: { width: 390, height: 844 } } as const;

/** Below "serious" in axe's scale, but each one makes the page harder to use with a screen reader. */
const ALSO_ENFORCED = new Set(["heading-order", "page-has-heading-one", "landmark-one-main", "region"]);

/**
 * Runs axe-core on the page as it is now; serious and critical findings (and the rules above) fail, each listed
 * with its elements. Soft, so the overflow check after it still reports.
 */
export async function expectNoSeriousAxeViolations(page: Page, label = "") {
  // Legacy mode runs axe in the page itself (no blank page to finish the run in: this app has no frames), and only
  // violations are reported in detail: together they halve the time a run takes.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical" || ALSO_ENFORCED.has(v.id));
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1).join(" ").trim()}`).join("\n")}`);
  expect.soft(report, `axe on ${page.url()} ${label}`).toEqual([]);
  const minor = results.violations.filter((v) => !serious.includes(v)).map((v) => `${v.impact} ${v.id} (${v.nodes.length})`);
  if (minor.length) console.log(`axe, not failing, on ${page.url()} ${label}: ${minor.join(", ")}`);
}

/** Nothing scrolls sideways: the page is no wider than the viewport, and no open dialog sticks out of it. */
export async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => {
    const doc = document.documentElement;
    const problems: string[] = [];
    if (doc.scrollWidth > doc.clientWidth) problems.push(`page is ${doc.scrollWidth}px wide in a ${doc.clientWidth}px viewport`);
    for (const dialog of document.querySelectorAll<HTMLElement>('[role="dialog"], [role="alertdialog"]')) {
      const box = dialog.getBoundingClientRect();
      const name = dialog.getAttribute("aria-label") ?? dialog.querySelector("h2")?.textContent ?? dialog.getAttribute("role");
      if (box.left < 0 || box.right > doc.clientWidth) problems.push(`dialog "${name}" spans ${Math.round(box.left)}–${Math.round(box.right)}px`);
      if (dialog.scrollWidth > dialog.clientWidth) problems.push(`dialog "${name}" hides ${dialog.scrollWidth - dialog.clientWidth}px sideways`);
    }
    return problems;
  });
  expect.soft(overflow, `horizontal overflow on ${page.url()}`).toEqual([]);
}
