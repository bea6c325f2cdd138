// The browser-facing defences: sign-in never leaves the site, every page carries the security headers and a
// Content-Security-Policy the app itself passes, a copied session cookie dies with sign-out, cookie-authenticated
// API writes from another origin are refused, and /api/v1 answers unknown routes and methods in its JSON shape.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { signUp } from "./support/session";

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
