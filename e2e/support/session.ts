import { expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";

export const PASSWORD = "correct horse battery staple";

export function uniqueEmail(label = "e2e") {
  return `${label}-${randomBytes(4).toString("hex")}@example.test`;
}

/** Signs up through the form; returns the first project's id (sign-up lands on its page). */
export async function signUp(page: Page, options: { name?: string; email?: string; teamName?: string } = {}) {
  const email = options.email ?? uniqueEmail();
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(options.name ?? "Ada Lovelace");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  if (options.teamName) await page.getByLabel("Team name").fill(options.teamName);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/dashboard\/projects\/[0-9a-f-]{36}$/);
  const projectId = page.url().split("/").pop()!;
  return { email, projectId };
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

export async function addApp(page: Page, app: { name: string; bundleId: string; platform?: "apple" | "android"; appStoreId?: string }) {
  await page.getByRole("button", { name: "Add app" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(app.name);
  if (app.platform === "android") await dialog.getByLabel("Platform").selectOption("android");
  await dialog.getByLabel(app.platform === "android" ? "Package name" : "Bundle id").fill(app.bundleId);
  if (app.appStoreId) await dialog.getByLabel("App Store id (optional)").fill(app.appStoreId);
  await dialog.getByRole("button", { name: "Add app" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("article", { name: app.name }).or(page.getByTestId("app-card").filter({ hasText: app.name }))).toBeVisible();
}

/** Saves the Apple simulator's demo key as the project's App Store Connect integration, with a vendor number if given. */
export async function connectAppStoreConnect(page: Page, projectId: string, options: { vendorNumber?: string } = {}) {
  await page.goto(`/dashboard/projects/${projectId}/integrations`);
  await page.getByLabel("Key ID").fill(process.env.E2E_ASC_KEY_ID!);
  await page.getByLabel("Issuer ID").fill(process.env.E2E_ASC_ISSUER_ID!);
  await page.getByLabel("Private key (.p8)").fill(await readFile(process.env.E2E_ASC_KEY_FILE!, "utf8"));
  if (options.vendorNumber !== undefined) await page.getByLabel(/^Vendor number/).fill(options.vendorNumber);
  await page.getByRole("button", { name: "Save key" }).click();
  await expect(page.getByRole("button", { name: "Sync reviews" }).first()).toBeVisible();
}
