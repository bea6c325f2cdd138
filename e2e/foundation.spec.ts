import { expect, test } from "@playwright/test";
import { addApp, PASSWORD, signIn, signUp } from "./support/session";

test("sign up, land on the first project, add an app, sign out and back in", async ({ page }) => {
  const { email } = await signUp(page, { name: "Grace Hopper", teamName: "Hopper Labs" });
  await expect(page.getByRole("heading", { name: "My apps" })).toBeVisible();
  await expect(page.getByText("No apps in this project yet")).toBeVisible();

  await addApp(page, { name: "Breeze Weather", bundleId: "com.example.weather" });
  const card = page.getByTestId("app-card").filter({ hasText: "Breeze Weather" });
  await expect(card).toContainText("com.example.weather");

  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);

  await signIn(page, email, PASSWORD);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My apps" }).click();
  await expect(page.getByTestId("app-card").filter({ hasText: "Breeze Weather" })).toBeVisible();
});

test("bad app input gets field errors and stores nothing", async ({ page }) => {
  await signUp(page);
  await page.getByRole("button", { name: "Add app" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("   ");
  await dialog.getByLabel("Bundle id").fill("not a bundle id!");
  await dialog.getByRole("button", { name: "Add app" }).click();
  await expect(dialog.getByText("Use reverse-DNS form")).toBeVisible();
  await expect(dialog.getByText("App name is required.")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("No apps in this project yet")).toBeVisible();
});

test("wrong password is refused with a clear message", async ({ page }) => {
  const { email } = await signUp(page);
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong password here");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
});

test("pages carry the Starboard icon as their favicon", async ({ page, request }) => {
  await page.goto("/sign-in");
  const href = await page.locator('link[rel="icon"]').getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(await icon.text()).toContain("#fbbf24");
});

test("the component gallery is not served by a production server", async ({ request }) => {
  expect((await request.get("/ui-preview")).status()).toBe(404);
});
