import { expect, test, type Page } from "@playwright/test";
import { screenshot } from "./support/screenshot";
import { addApp, signUp } from "./support/session";

// Search in German and Japanese over the demo scenario's reviews, synced through App Store Connect (simulator).
async function connectAndSync(page: Page, projectId: string) {
  await page.goto(`/dashboard/projects/${projectId}/integrations`);
  await page.getByLabel("Issuer ID").fill(process.env.E2E_ASC_ISSUER_ID!);
  await page.getByLabel("Private key file").setInputFiles(process.env.E2E_ASC_KEY_FILE!);
  await page.getByRole("button", { name: "Save key" }).click();
  await expect(page.getByTestId("integration-key")).toContainText(`Key ${process.env.E2E_ASC_KEY_ID}`);
  await page.getByRole("button", { name: "Sync reviews" }).click();
  await expect(page.getByText(/Reviews synced:/).last()).toBeVisible({ timeout: 60_000 });
}

async function searchFor(page: Page, q: string) {
  await page.getByLabel("Search reviews").fill(q);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(q).replace(/%20/g, "(\\+|%20)")}`));
  await expect(page.getByTestId("review-count")).toContainText("match");
}

const marks = (page: Page) => page.getByTestId("review-card").first().getByTestId("search-match");

test("search in German and Japanese finds inflected and unspaced words and marks them; the language filter narrows the list", async ({ page }) => {
  test.setTimeout(180_000);
  const { projectId } = await signUp(page, { teamName: "Search Team" });
  await addApp(page, { name: "Breeze Weather", bundleId: "com.example.weather" });
  await connectAndSync(page, projectId);
  await page.goto("/dashboard/reviews");
  await expect(page.getByTestId("review-card").first()).toBeVisible();

  // German: a word prefix finds "Abstürze" and "Absturz" (the stemmer folds the umlaut), both marked.
  await searchFor(page, "abstürz");
  await expect(page.getByTestId("review-count")).toHaveText("1 review match");
  await expect(marks(page)).toHaveText(["Abstürze", "Absturz"]);
  await screenshot(page, "review-search-german");

  // Japanese: a word inside unspaced text.
  await searchFor(page, "広告");
  await expect(page.getByTestId("review-card")).toHaveCount(1);
  await expect(marks(page)).toHaveText(["広告", "広告"]);
  await searchFor(page, "遅い");
  await expect(page.getByTestId("review-card").first()).toContainText("通知が遅いことがあります。");
  await expect(marks(page)).toHaveText(["遅い"]);
  await screenshot(page, "review-search-japanese");

  // Over the limit: the box says why and the list stays as it was.
  await page.getByLabel("Search reviews").fill(Array.from({ length: 17 }, (_, i) => `w${i}`).join(" "));
  await expect(page.getByText(/Search has at most 16 words/)).toBeVisible();
  await expect(page).toHaveURL(/q=%E9%81%85%E3%81%84/);

  // The language filter, from the detected languages.
  await page.getByLabel("Search reviews").fill("");
  await expect(page).not.toHaveURL(/q=/);
  await page.getByLabel("Language").selectOption({ label: "German" });
  await expect(page).toHaveURL(/language=de/);
  await expect(page.getByTestId("review-count")).toHaveText("2 reviews match");
  await expect(page.getByTestId("review-card")).toHaveText([/Stürzt ab/, /Ständige Abstürze/]);
  await page.getByLabel("Language").selectOption({ label: "Japanese" });
  await expect(page).toHaveURL(/language=ja/);
  await expect(page.getByTestId("review-card")).toHaveText([/まあまあ/, /広告が多い/]);
  await screenshot(page, "review-search-language-filter", { fullPage: true });

  // A filter in the address that cannot be applied is said, not silently dropped.
  await page.goto("/dashboard/reviews?q=crash%00");
  await expect(page.getByText("Some filters in the address were not applied")).toBeVisible();
  await expect(page.getByText(/Search contains a NUL character/)).toBeVisible();

  // Phone width: the same results.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard/reviews?q=%E5%BA%83%E5%91%8A");
  await expect(marks(page)).toHaveText(["広告", "広告"]);
  await screenshot(page, "review-search-japanese-390", { fullPage: true });
});
