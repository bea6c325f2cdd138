// Every page, at desktop and phone widths, with data present (after a ratings and a reviews sync) and in its
// empty state: no serious or critical axe-core finding, and nothing scrolls sideways.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoHorizontalOverflow, expectNoSeriousAxeViolations, WIDTHS } from "./support/a11y";
import { screenshot } from "./support/screenshot";
import { addApp, signUp } from "./support/session";

interface Seed {
  /** Signed in, with an app, ratings, reviews and an App Store Connect key. */
  full: string;
  /** Signed in, a fresh team with an empty first project. */
  empty: string;
  projectId: string;
  emptyProjectId: string;
  appId: string;
  repliedReviewId: string;
  inviteToken: string;
  /** The simulator's URL identifies the run (global setup starts a fresh one each time). */
  run: string;
}

const WEATHER = { name: "Breeze Weather", bundleId: "com.example.weather", appStoreId: "1480000001" };
let seed: Seed;

async function connectAndSyncReviews(page: Page, projectId: string) {
  await page.goto(`/dashboard/projects/${projectId}/integrations`);
  await page.getByLabel("Key ID").fill(process.env.E2E_ASC_KEY_ID!);
  await page.getByLabel("Issuer ID").fill(process.env.E2E_ASC_ISSUER_ID!);
  await page.getByLabel("Private key (.p8)").fill(await readFile(process.env.E2E_ASC_KEY_FILE!, "utf8"));
  await page.getByRole("button", { name: "Save key" }).click();
  // The tested state lists the apps the key covers: the widest this page gets.
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-test")).toContainText("Covered");
  await page.getByRole("button", { name: "Sync reviews" }).first().click();
  await expect(page.getByText(/Reviews synced: \d+ new/).first()).toBeVisible({ timeout: 45_000 });
}

// Seeded once per run: Playwright starts a new worker after a failed test, and the next one reuses the seed.
test.beforeAll(async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const seedFile = path.join(testInfo.project.outputDir, "accessibility-seed.json");
  const run = process.env.E2E_APPLE_SIM_URL!;
  if (existsSync(seedFile)) {
    const saved = JSON.parse(await readFile(seedFile, "utf8")) as Seed;
    if (saved.run === run) return void (seed = saved);
  }
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const { projectId } = await signUp(page, { teamName: "Axe Labs" });
  await addApp(page, WEATHER);
  await page.getByTestId("sync-ratings").click();
  await expect(page.getByTestId("sync-last-run")).toContainText("Last sync succeeded", { timeout: 45_000 });
  await page.getByTestId("app-card").getByRole("button", { name: "Ratings by country" }).click();
  await expect(page).toHaveURL(/[?&]app=/);
  const appId = new URL(page.url()).searchParams.get("app")!;
  await connectAndSyncReviews(page, projectId);

  // A second sync with one new review fills the outbox (no SMTP in the suite) and the bell.
  await fetch(`${process.env.E2E_APPLE_SIM_URL}/__sim/reviews`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      ascAppId: WEATHER.appStoreId,
      review: { id: `e2e-axe-${Date.now()}`, territory: "USA", rating: 2, title: "Widget is blank", body: "The widget shows nothing since 4.2.", nickname: "axe", createdDate: new Date().toISOString() },
    }),
  });
  await page.getByRole("button", { name: "Sync reviews" }).first().click();
  await expect(page.getByText(/Reviews synced: 1 new/).first()).toBeVisible({ timeout: 45_000 });

  await page.goto("/dashboard/reviews?response=yes");
  await page.getByTestId("review-card").first().click();
  await expect(page).toHaveURL(/review=/);
  const repliedReviewId = new URL(page.url()).searchParams.get("review")!;

  await page.goto("/dashboard/team");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const inviteToken = (await page.getByLabel("Invite link").inputValue()).split("/invite/")[1];

  await page.goto("/dashboard/team/agent-keys");
  await page.getByLabel("Name").fill("Triage agent");
  await page.getByRole("button", { name: "Create agent key" }).click();
  await expect(page.getByLabel("New agent key")).toHaveValue(/^sb_/);

  const full = path.join(testInfo.project.outputDir, "accessibility-full-state.json");
  await context.storageState({ path: full });
  await context.clearCookies();
  const { projectId: emptyProjectId } = await signUp(page, { teamName: "Empty Co" });
  const empty = path.join(testInfo.project.outputDir, "accessibility-empty-state.json");
  await context.storageState({ path: empty });
  await context.close();
  seed = { full, empty, projectId, emptyProjectId, appId, repliedReviewId, inviteToken, run };
  await writeFile(seedFile, JSON.stringify(seed));
});

interface PageCase {
  name: string;
  as: "anonymous" | "full" | "empty";
  path: (s: Seed) => string;
  /** Waits for what loads after the page (panels, dialogs) or opens what the case is about. */
  ready?: (page: Page) => Promise<void>;
}

const countryPanelLoaded = async (page: Page) => {
  await expect(page.getByTestId("project-country-panel").locator("tbody tr").first()).toBeVisible();
};

const PAGES: PageCase[] = [
  { name: "sign-in", as: "anonymous", path: () => "/sign-in" },
  { name: "sign-up", as: "anonymous", path: () => "/sign-up" },
  { name: "invite", as: "anonymous", path: (s) => `/invite/${s.inviteToken}` },
  { name: "dashboard", as: "full", path: () => "/dashboard" },
  { name: "project", as: "full", path: (s) => `/dashboard/projects/${s.projectId}`, ready: countryPanelLoaded },
  {
    name: "project-ratings-dialog",
    as: "full",
    path: (s) => `/dashboard/projects/${s.projectId}?app=${s.appId}`,
    ready: async (page) => {
      await expect(page.getByRole("dialog").getByTestId("country-grid").locator("tbody tr").first()).toBeVisible();
      await expect(page.getByRole("dialog").getByTestId("rating-history")).toBeVisible();
    },
  },
  { name: "project-integrations", as: "full", path: (s) => `/dashboard/projects/${s.projectId}/integrations` },
  { name: "project-notifications", as: "full", path: (s) => `/dashboard/projects/${s.projectId}/notifications` },
  {
    name: "project-notifications-add-destination",
    as: "full",
    path: (s) => `/dashboard/projects/${s.projectId}/notifications`,
    ready: async (page) => {
      await page.getByRole("button", { name: "Add destination" }).first().click();
      await expect(page.getByRole("dialog").getByRole("tab", { name: "Slack" })).toBeVisible();
    },
  },
  { name: "reviews", as: "full", path: () => "/dashboard/reviews", ready: countryPanelLoaded },
  {
    name: "reviews-dialog",
    as: "full",
    path: (s) => `/dashboard/reviews?review=${s.repliedReviewId}`,
    ready: async (page) => {
      await expect(page.getByTestId("review-dialog").getByTestId("reply-body")).toBeVisible();
    },
  },
  {
    name: "reviews-delete-reply",
    as: "full",
    path: (s) => `/dashboard/reviews?review=${s.repliedReviewId}`,
    ready: async (page) => {
      await page.getByTestId("review-dialog").getByRole("button", { name: "Delete" }).click();
      await expect(page.getByRole("alertdialog").getByRole("button", { name: "Delete reply" })).toBeVisible();
    },
  },
  { name: "settings-notifications", as: "full", path: () => "/dashboard/settings/notifications" },
  { name: "outbox", as: "full", path: () => "/dashboard/settings/notifications/outbox" },
  { name: "team", as: "full", path: () => "/dashboard/team" },
  { name: "agent-keys", as: "full", path: () => "/dashboard/team/agent-keys" },
  { name: "empty-dashboard", as: "empty", path: () => "/dashboard" },
  { name: "empty-project", as: "empty", path: (s) => `/dashboard/projects/${s.emptyProjectId}` },
  { name: "empty-integrations", as: "empty", path: (s) => `/dashboard/projects/${s.emptyProjectId}/integrations` },
  { name: "empty-sales", as: "empty", path: (s) => `/dashboard/projects/${s.emptyProjectId}/sales` },
  { name: "empty-reviews", as: "empty", path: () => "/dashboard/reviews" },
];

async function openAs(browser: Browser, baseURL: string | undefined, as: PageCase["as"], viewport: { width: number; height: number }) {
  const storageState = as === "anonymous" ? undefined : as === "full" ? seed.full : seed.empty;
  // Reduced motion: dialogs are measured where they rest, not mid-animation.
  return browser.newContext({ baseURL, storageState, viewport, reducedMotion: "reduce" });
}

// One load per page, measured at both widths: the layout is CSS only, so resizing shows what loading at 390 px
// would, at half the cost.
for (const c of PAGES) {
  test(`${c.name}: no serious axe finding at 1280 and 390 px, no sideways scrolling at 390 px`, async ({ browser, baseURL }) => {
    const context = await openAs(browser, baseURL, c.as, WIDTHS.desktop);
    const page = await context.newPage();
    await page.goto(c.path(seed));
    await expect(page.locator("h1").first()).toBeVisible();
    await c.ready?.(page);
    for (const viewport of [WIDTHS.desktop, WIDTHS.phone]) {
      await page.setViewportSize(viewport);
      await screenshot(page, `a11y-${c.name}-${viewport.width}`);
      await expectNoSeriousAxeViolations(page, `${viewport.width} px`);
      if (viewport === WIDTHS.phone) await expectNoHorizontalOverflow(page);
    }
    await context.close();
  });
}

test.describe("keyboard", () => {
  test("Skip to content is the first stop on every dashboard page and moves focus to the page", async ({ browser, baseURL }) => {
    const context = await openAs(browser, baseURL, "full", WIDTHS.desktop);
    const page = await context.newPage();
    for (const path of ["/dashboard", `/dashboard/projects/${seed.projectId}`, "/dashboard/reviews", "/dashboard/team"]) {
      await page.goto(path);
      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: "Skip to content" });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      await page.keyboard.press("Enter");
      await expect(page.locator("main")).toBeFocused();
      await page.keyboard.press("Tab");
      // The next stop is inside the page, past the sidebar.
      expect(await page.evaluate(() => document.querySelector("main")!.contains(document.activeElement))).toBe(true);
    }
    await context.close();
  });

  test("every stop on the way through the sidebar and the page shows where focus is", async ({ browser, baseURL }) => {
    const context = await openAs(browser, baseURL, "full", WIDTHS.desktop);
    const page = await context.newPage();
    await page.goto(`/dashboard/projects/${seed.projectId}`);
    await countryPanelLoaded(page);
    // Styles are compared at once, before and after blur: transitions would blur the difference.
    await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; }" });
    const unseen: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement === document.body)) break;
      // Visible = the element looks different focused than not (a ring, an outline, a border or a background).
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const look = () => {
          const s = getComputedStyle(el);
          return [s.boxShadow, s.outlineStyle, s.outlineWidth, s.outlineColor, s.borderColor, s.backgroundColor].join("|");
        };
        const focused = look();
        el.blur();
        const resting = look();
        el.focus();
        return { ring: focused !== resting, what: `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"` };
      });
      if (!stop.ring) unseen.push(stop.what);
    }
    expect(unseen, "focused elements without a visible focus indicator").toEqual([]);
    // Menus too: the open team menu's items are highlighted as focus moves.
    await page.getByRole("button", { name: /Switch team/ }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menuitem").first()).toBeFocused();
    await expect(page.getByRole("menuitem").first()).toHaveAttribute("data-highlighted", "");
    await context.close();
  });

  test("closing the review dialog returns focus to the review it was opened from", async ({ browser, baseURL }) => {
    const context = await openAs(browser, baseURL, "full", WIDTHS.desktop);
    const page = await context.newPage();
    await page.goto("/dashboard/reviews");
    const card = page.getByTestId("review-card").nth(2);
    await card.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("review-dialog")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();
    await expect(card).toBeFocused();

    // Opened from a link (a notification, a shared URL): focus lands on that review's card too.
    await page.goto(`/dashboard/reviews?review=${seed.repliedReviewId}`);
    await expect(page.getByTestId("review-dialog")).toBeVisible();
    await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
    await expect(page.locator(`[data-review-id="${seed.repliedReviewId}"]`)).toBeFocused();
    await context.close();
  });
});

test.describe("phone navigation", () => {
  test("the menu button opens the navigation as a drawer that keeps focus and closes on Escape and on navigation", async ({ browser, baseURL }) => {
    const context = await openAs(browser, baseURL, "full", WIDTHS.phone);
    const page = await context.newPage();
    await page.goto(`/dashboard/projects/${seed.projectId}`);
    // The sidebar does not stack above the page: the page's heading is in the first screen.
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.locator("h1")).toBeInViewport();

    const menu = page.getByRole("button", { name: "Menu", exact: true });
    await menu.click();
    const drawer = page.getByRole("dialog", { name: "Menu" });
    await expect(drawer.getByRole("navigation", { name: "Main" })).toBeVisible();
    await screenshot(page, "a11y-phone-drawer-390");
    await expectNoSeriousAxeViolations(page, "with the menu drawer open");
    // Focus is trapped: tabbing past the last item comes back to the first, never to the page behind.
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press("Tab");
      expect(await drawer.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await expect(menu).toBeFocused();

    await menu.click();
    await drawer.getByRole("link", { name: "Reviews" }).click();
    await expect(page).toHaveURL(/\/dashboard\/reviews$/);
    await expect(drawer).toBeHidden();
    await expect(page.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();

    // Following the link of the page already shown closes it too.
    await menu.click();
    await drawer.getByRole("link", { name: "Reviews" }).click();
    await expect(drawer).toBeHidden();
    await context.close();
  });
});

test("the reviews page's country panel names its project and shows every column", async ({ browser, baseURL }) => {
  const context = await openAs(browser, baseURL, "full", WIDTHS.desktop);
  const page = await context.newPage();
  await page.goto("/dashboard/reviews");
  await countryPanelLoaded(page);
  const panel = page.getByTestId("project-country-panel");
  await expect(panel).toContainText("All Apple apps in the project My apps");
  await expect(panel).not.toContainText("this project");
  const region = panel.getByRole("region", { name: "By country" });
  const fits = await region.evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(fits, "the table fits its panel: no column is cut off").toBe(true);
  await context.close();
});

test("on a short phone screen (keyboard open) the delete confirmation scrolls and keeps its buttons in view", async ({ browser, baseURL }) => {
  const context = await openAs(browser, baseURL, "full", { width: 390, height: 300 });
  const page = await context.newPage();
  await page.goto(`/dashboard/reviews?review=${seed.repliedReviewId}`);
  await page.getByTestId("review-dialog").getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("alertdialog");
  const panel = (await confirm.boundingBox())!;
  for (const name of ["Delete reply", "Cancel"]) {
    const button = confirm.getByRole("button", { name });
    await expect(button).toBeInViewport({ ratio: 1 });
    const box = (await button.boundingBox())!;
    expect(box.y + box.height, `"${name}" inside the dialog, not below its edge`).toBeLessThanOrEqual(panel.y + panel.height);
  }
  await confirm.getByRole("textbox").focus();
  await expect(confirm.getByRole("textbox")).toBeInViewport();
  await screenshot(page, "a11y-delete-confirmation-390x300");
  await context.close();
});
