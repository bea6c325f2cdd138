// Pure renderers: one stored payload → an email, a Slack message, a webhook body.
import { CHANNEL_LABELS, TYPE_META } from "./types";
import { absoluteLink, type DeliveryPayload } from "./payload";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function renderEmail(payload: DeliveryPayload, appUrl: string | undefined) {
  const url = absoluteLink(payload.link, appUrl);
  const settings = absoluteLink("/dashboard/settings/notifications", appUrl)!;
  const where = [payload.project?.name, payload.app?.name].filter(Boolean).join(" · ");
  const subject = payload.title;
  const text = [
    payload.title,
    where ? `${payload.team.name} · ${where}` : payload.team.name,
    "",
    payload.body ?? "",
    "",
    url ? `Open in Starboard: ${url}` : "",
    "",
    `You get this because "${TYPE_META[payload.type].label}" is on for ${CHANNEL_LABELS.email.toLowerCase()}. Change it: ${settings}`,
  ]
    .filter((line, i, all) => !(line === "" && all[i - 1] === ""))
    .join("\n")
    .trim();
  const html = `<!doctype html><html><body style="margin:0;background:#f6f7f9;font-family:-apple-system,Segoe UI,Roboto,sans-serif;color:#111827">
<div style="max-width:560px;margin:24px auto;background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:24px">
<p style="margin:0 0 4px;font-size:12px;color:#6b7280">${escapeHtml(where ? `${payload.team.name} · ${where}` : payload.team.name)}</p>
<h1 style="margin:0 0 12px;font-size:18px">${escapeHtml(payload.title)}</h1>
${payload.body ? `<p style="margin:0 0 16px;font-size:14px;line-height:1.5;white-space:pre-line">${escapeHtml(payload.body)}</p>` : ""}
${url ? `<p style="margin:0 0 8px"><a href="${escapeHtml(url)}" style="display:inline-block;background:#111827;color:#fff;text-decoration:none;padding:8px 14px;border-radius:8px;font-size:14px">Open in Starboard</a></p>` : ""}
</div>
<p style="max-width:560px;margin:0 auto 24px;font-size:12px;color:#6b7280;text-align:center">You get this because “${escapeHtml(TYPE_META[payload.type].label)}” email is on. <a href="${escapeHtml(settings)}" style="color:#6b7280">Notification settings</a></p>
</body></html>`;
  return { subject, text, html };
}

// Slack reads <!channel>, <@U…> and <url|label> as controls in every text field, the plain fallback `text`
// too: a review quoting them would ping a channel. Its documented escaping is these three characters.
const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function renderSlack(payload: DeliveryPayload, appUrl: string | undefined) {
  const url = absoluteLink(payload.link, appUrl);
  const context = [payload.project?.name, payload.app?.name].filter(Boolean).join(" · ");
  const lines = [`*${slackEscape(payload.title)}*`, payload.body ? slackEscape(payload.body) : null, url ? `<${url}|Open in Starboard>` : null].filter(Boolean);
  return {
    text: slackEscape(payload.body ? `${payload.title} — ${payload.body}` : payload.title),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } },
      ...(context ? [{ type: "context", elements: [{ type: "mrkdwn", text: slackEscape(`Starboard · ${context}`) }] }] : []),
    ],
  };
}

/** The JSON a generic webhook receives (documented in the README). */
export function renderWebhookBody(payload: DeliveryPayload, deliveryId: string, appUrl: string | undefined) {
  return {
    id: payload.id,
    deliveryId,
    type: payload.type,
    occurredAt: payload.occurredAt,
    title: payload.title,
    body: payload.body,
    url: absoluteLink(payload.link, appUrl),
    team: payload.team,
    project: payload.project,
    app: payload.app,
    syncRunId: payload.syncRunId,
    data: payload.data,
  };
}
