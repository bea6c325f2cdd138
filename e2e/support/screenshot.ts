import type { Page } from "@playwright/test";

const dir = process.env.E2E_SCREENSHOT_DIR ?? "test-results/screenshots";

/**
 * Saves `<dir>/<name>.png` for a person to look at. A full-page shot starts from the top: Chromium keeps the
 * scroll offset while it captures, which would draw the sticky sidebar halfway down the page.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  if (options.fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: options.fullPage ?? false });
}
