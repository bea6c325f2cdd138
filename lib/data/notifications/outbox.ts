import "server-only";
import { db } from "@/lib/db";

export interface OutboxMail {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
}

/** The mails that would have been sent to this user (no SMTP_URL configured). */
export async function listOutbox(userId: string, limit = 50): Promise<OutboxMail[]> {
  const rows = await db.emailOutbox.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: limit });
  return rows.map((m) => ({ id: m.id, to: m.toAddress, from: m.fromAddress, subject: m.subject, text: m.textBody, html: m.htmlBody, createdAt: m.createdAt.toISOString() }));
}
