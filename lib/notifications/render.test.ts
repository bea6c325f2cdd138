import { describe, expect, it } from "vitest";
import type { DeliveryPayload } from "./payload";
import { renderEmail, renderSlack, renderWebhookBody } from "./render";
import { passesStarFilter, wantsChannel } from "./types";

const payload: DeliveryPayload = {
  id: "app.review_new:app-1:run-1",
  type: "app.review_new",
  occurredAt: "2026-11-22T05:31:00.000Z",
  title: "2 new reviews for <Weather>",
  body: "★ Crashes & freezes",
  link: "/dashboard/reviews?review=r-1",
  team: { id: "t", name: "Harbor Labs" },
  project: { id: "p", name: "Mobile" },
  app: { id: "a", name: "Weather" },
  syncRunId: "run-1",
  data: { reviewStars: [1, 5] },
};

describe("renderers", () => {
  it("email: escaped HTML, an absolute link from APP_URL and why the mail was sent", () => {
    const mail = renderEmail(payload, "https://starboard.example.com/");
    expect(mail.subject).toBe("2 new reviews for <Weather>");
    expect(mail.html).toContain("2 new reviews for &lt;Weather&gt;");
    expect(mail.html).toContain("Crashes &amp; freezes");
    expect(mail.html).toContain('href="https://starboard.example.com/dashboard/reviews?review=r-1"');
    expect(mail.text).toContain("Open in Starboard: https://starboard.example.com/dashboard/reviews?review=r-1");
    expect(mail.text).toContain("Harbor Labs · Mobile · Weather");
    expect(mail.text).toContain("https://starboard.example.com/dashboard/settings/notifications");
  });

  it("slack: mrkdwn-escaped text with a link and an escaped fallback", () => {
    const message = renderSlack(payload, "http://localhost:3000");
    expect(message.text).toBe("2 new reviews for &lt;Weather&gt; — ★ Crashes &amp; freezes");
    expect(JSON.stringify(message.blocks)).toContain("*2 new reviews for &lt;Weather&gt;*");
    expect(JSON.stringify(message.blocks)).toContain("<http://localhost:3000/dashboard/reviews?review=r-1|Open in Starboard>");
  });

  it("slack: a review's <!channel>, <@U123> or <url|label> pings and links nobody, in the fallback text too", () => {
    const hostile: DeliveryPayload = { ...payload, title: "New review <!here>", body: "<!channel> wake up <@U024BE7LH> <https://evil.example|click>" };
    const message = renderSlack(hostile, "http://localhost:3000");
    const everything = JSON.stringify(message);
    for (const token of ["<!channel>", "<!here>", "<@U024BE7LH>", "<https://evil.example|click>"]) expect(everything).not.toContain(token);
    expect(message.text).toBe("New review &lt;!here&gt; — &lt;!channel&gt; wake up &lt;@U024BE7LH&gt; &lt;https://evil.example|click&gt;");
  });

  it("webhook: stable event id, the delivery id and structured data", () => {
    expect(renderWebhookBody(payload, "d-1", undefined)).toEqual({
      id: payload.id,
      deliveryId: "d-1",
      type: "app.review_new",
      occurredAt: payload.occurredAt,
      title: payload.title,
      body: payload.body,
      url: "http://localhost:3000/dashboard/reviews?review=r-1",
      team: payload.team,
      project: payload.project,
      app: payload.app,
      syncRunId: "run-1",
      data: { reviewStars: [1, 5] },
    });
  });
});

describe("preference rules", () => {
  it("uses the defaults until the user chooses", () => {
    const none = new Map<string, boolean>();
    expect(wantsChannel(none, "app.rating_changed", "in_app")).toBe(true);
    expect(wantsChannel(none, "app.rating_changed", "email")).toBe(false);
    expect(wantsChannel(none, "app.review_new", "email")).toBe(true);
    expect(wantsChannel(none, "sync.failed", "email")).toBe(true);
    expect(wantsChannel(new Map([["app.review_new:email", false]]), "app.review_new", "email")).toBe(false);
    expect(wantsChannel(new Map([["app.rating_changed:email", true]]), "app.rating_changed", "email")).toBe(true);
  });

  it("lets a review batch through when one of its stars is wanted", () => {
    expect(passesStarFilter([], [5])).toBe(true);
    expect(passesStarFilter([1, 2], [4, 5])).toBe(false);
    expect(passesStarFilter([1, 2], [2, 5])).toBe(true);
    expect(passesStarFilter([1, 2], null)).toBe(true);
  });
});
