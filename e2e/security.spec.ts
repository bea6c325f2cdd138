// The browser-facing defences: sign-in never leaves the site, every page carries the security headers and a
// Content-Security-Policy the app itself passes, a copied session cookie dies with sign-out, cookie-authenticated
// API writes from another origin are refused, and /api/v1 answers unknown routes and methods in its JSON shape.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { addApp, signIn, signUp } from "./support/session";

/** Answers every request that would leave the app itself, so no test sends traffic beyond it; returns what tried. */
async function keepInsideApp(context: BrowserContext, baseURL: string) {
  const app = new URL(baseURL);
  const escaped: string[] = [];
  await context.route(
    (url) => url.host !== app.host,
    (route) => {
      escaped.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Left Starboard</h1>" });
    },
  );
  return escaped;
}

/** Collects CSP violations the page reports (the DOM event, and Chromium's console line). */
async function watchCsp(page: Page) {
  const violations: string[] = [];
  await page.exposeFunction("__reportCspViolation", (line: string) => violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCspViolation(line: string): void }).__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} on ${location.pathname}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

const CRAFTED_CALLBACKS = [
  "/%09/evil.example/", // a tab: browsers drop it and read "//evil.example/"
  "/%0A/evil.example/", // a newline: was a 500 (an invalid Location header)
  "/%0D%0ASet-Cookie:%20x=1",
  "/%5Cevil.example/", // "/\evil.example/"
  "/%2509/evil.example/", // percent-encoded once more: decodes to a tab
  "https://evil.example/",
  "//evil.example/",
];

test("sign-in never sends the browser to another site, whatever callbackUrl holds", async ({ page, context, baseURL }) => {
  const escaped = await keepInsideApp(context, baseURL!);
  const app = new URL(baseURL!);
  const { email } = await signUp(page);

  // Signed in, the sign-in page forwards to the callback at once.
  for (const callback of CRAFTED_CALLBACKS) {
    const response = await page.goto(`/sign-in?callbackUrl=${callback}`);
    expect(response?.status(), callback).toBeLessThan(400);
    expect(new URL(page.url()).host, callback).toBe(app.host);
    expect(new URL(page.url()).pathname, callback).toBe("/dashboard");
  }

  // Signed out, the form carries the callback through the password sign-in.
  await signOut(page);
  await page.goto(`/sign-in?callbackUrl=${CRAFTED_CALLBACKS[0]}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${app.origin}/dashboard`);

  // A same-site path still works.
  await page.goto("/sign-in?callbackUrl=%2Fdashboard%2Fteam");
  await expect(page).toHaveURL(`${app.origin}/dashboard/team`);
  expect(escaped).toEqual([]);
});

test("every page sends the security headers and breaks none of its own Content-Security-Policy", async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  const escaped = await keepInsideApp(context, baseURL!);
  const violations = await watchCsp(page);
  const headersOf: Record<string, Record<string, string>> = {};
  page.on("response", (response) => {
    if (response.request().resourceType() === "document") headersOf[new URL(response.url()).pathname] = response.headers();
  });

  await page.goto("/sign-in");
  await page.goto("/sign-up");
  const { projectId } = await signUp(page, { teamName: "Headers team" });
  await addApp(page, { name: "Breeze Weather", bundleId: "com.example.weather" });

  // The chart (recharts draws with inline styles) and the toasts must still work under the policy.
  await page.getByTestId("sync-ratings").click();
  await expect(page.getByTestId("ratings-sync-panel").getByTestId("sync-last-run")).toContainText("Last sync succeeded", { timeout: 60_000 });
  await page.getByTestId("app-card").filter({ hasText: "Breeze Weather" }).getByRole("button", { name: "Ratings by country" }).click();
  await expect(page.getByRole("dialog").getByRole("img", { name: /daily snapshots/ })).toBeVisible();
  await page.keyboard.press("Escape");

  await page.goto("/dashboard/team");
  await page.getByLabel("Team name").fill("Headers team renamed");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Team renamed", { exact: true })).toBeVisible();

  const pages = [
    "/dashboard",
    `/dashboard/projects/${projectId}`,
    `/dashboard/projects/${projectId}/integrations`,
    `/dashboard/projects/${projectId}/notifications`,
    "/dashboard/reviews",
    "/dashboard/settings/notifications",
    "/dashboard/settings/notifications/outbox",
    "/dashboard/team",
    "/dashboard/team/agent-keys",
    "/invite/not-a-real-token",
    "/no-such-page",
  ];
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }

  for (const path of ["/sign-in", "/sign-up", ...pages]) {
    const headers = headersOf[path];
    expect(headers, `${path} was loaded`).toBeDefined();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toContain("default-src 'self'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  }
  expect(violations).toEqual([]);
  expect(escaped).toEqual([]);
});

test("signing out ends the session on the server: a copied cookie stops working", async ({ page, browser, baseURL }) => {
  const { projectId } = await signUp(page);
  const copied = await page.context().cookies();
  const statusPath = `/api/v1/projects/${projectId}/ratings/sync`;
  expect((await page.request.get(statusPath)).status()).toBe(200);

  await signOut(page);

  const thief = await browser.newContext({ baseURL });
  await thief.addCookies(copied);
  const api = await thief.request.get(statusPath);
  expect(api.status()).toBe(401);
  expect(await api.json()).toMatchObject({ error: { code: "unauthenticated" } });
  const stolen = await thief.newPage();
  await stolen.goto("/dashboard");
  await expect(stolen).toHaveURL(/\/sign-in/);
  await thief.close();
});

test("a new sign-in after signing out works, and signing out in one browser leaves the other signed in", async ({ page, browser, baseURL }) => {
  const { email } = await signUp(page);
  const other = await browser.newContext({ baseURL });
  const second = await other.newPage();
  await signIn(second, email);

  await signOut(page);
  await second.goto("/dashboard/team");
  await expect(second).toHaveURL(/\/dashboard\/team/);

  await signIn(page, email);
  await page.goto("/dashboard/team");
  await expect(page).toHaveURL(/\/dashboard\/team/);
  await other.close();
});

test("the API refuses cookie-authenticated writes from another origin (another port is another origin)", async ({ page, baseURL }) => {
  const { projectId } = await signUp(page);
  const path = `/api/v1/projects/${projectId}/ratings/sync`;
  const otherPort = new URL(baseURL!);
  otherPort.port = String(Number(otherPort.port) + 1);

  const crossOrigin: Record<string, string>[] = [{ origin: otherPort.origin }, { origin: "null" }, { "sec-fetch-site": "same-site" }, {}];
  for (const headers of crossOrigin) {
    const refused = await page.request.post(path, { headers });
    expect(refused.status(), JSON.stringify(headers)).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringMatching(/origin/i) } });
  }

  // The app's own pages are same-origin: the request reaches the handler (which says there is nothing to sync).
  const same = await page.evaluate(async (p) => {
    const response = await fetch(p, { method: "POST" });
    return { status: response.status, body: await response.json() };
  }, path);
  expect(same).toMatchObject({ status: 400, body: { error: { code: "validation_failed", message: expect.stringMatching(/Add an Apple app/) } } });
});

test("/api/v1 answers unknown routes and wrong methods in its JSON error shape", async ({ request }) => {
  const unknown = await request.get("/api/v1/no-such-thing");
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: { code: "not_found", message: expect.any(String) } });

  const wrong = await request.delete("/api/v1/reviews");
  expect(wrong.status()).toBe(405);
  expect(wrong.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  expect(await wrong.json()).toMatchObject({ error: { code: "method_not_allowed", message: expect.stringContaining("GET") } });

  const nested = await request.patch("/api/v1/reviews/00000000-0000-4000-8000-000000000000/response");
  expect(nested.status()).toBe(405);
  expect(await nested.json()).toMatchObject({ error: { code: "method_not_allowed", message: expect.stringContaining("PUT, DELETE") } });
});

test("another team's project pages and malformed ids answer the 404 page, never the other team's data", async ({ page, browser, baseURL }) => {
  const { projectId } = await signUp(page, { teamName: "Owner team" });
  const other = await browser.newContext({ baseURL });
  const stranger = await other.newPage();
  await signUp(stranger, { teamName: "Stranger team" });
  for (const path of [`/dashboard/projects/${projectId}`, `/dashboard/projects/${projectId}/integrations`, `/dashboard/projects/${projectId}/notifications`, "/dashboard/projects/not-an-id"]) {
    const response = await stranger.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(stranger.getByText("Owner team")).toHaveCount(0);
  }
  // The owner still sees their own project.
  expect((await page.goto(`/dashboard/projects/${projectId}`))?.status()).toBe(200);
  await other.close();
});
