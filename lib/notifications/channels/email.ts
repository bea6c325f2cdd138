import "server-only";
// Email: through SMTP when SMTP_URL is set; otherwise into the local outbox the dashboard shows.
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { DeliveryPayload } from "../payload";
import { renderEmail } from "../render";

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

export function emailSender(): string {
  return env().SMTP_FROM ?? "Starboard <notifications@starboard.localhost>";
}

export async function sendEmail(input: { deliveryId: string; teamId: string; userId: string; to: string; payload: DeliveryPayload }): Promise<"smtp" | "outbox"> {
  const { SMTP_URL, APP_URL } = env();
  const mail = renderEmail(input.payload, APP_URL);
  const from = emailSender();
  if (SMTP_URL) {
    await transportFor(SMTP_URL).sendMail({
      from,
      to: input.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      // Stable per delivery, so a mail client folds a rare resend after a crash into one message.
      messageId: `<${input.deliveryId}@starboard>`,
      headers: { "X-Starboard-Event": input.payload.type },
    });
    return "smtp";
  }
  await db.emailOutbox.upsert({
    where: { deliveryId: input.deliveryId },
    create: { deliveryId: input.deliveryId, teamId: input.teamId, userId: input.userId, toAddress: input.to, fromAddress: from, subject: mail.subject, textBody: mail.text, htmlBody: mail.html },
    update: {},
  });
  return "outbox";
}
