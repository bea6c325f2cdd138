import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { DeliveryView } from "@/lib/data/notifications/endpoints";

const STATUS: Record<string, { label: string; variant: BadgeVariant }> = {
  sent: { label: "Delivered", variant: "success" },
  pending: { label: "Queued", variant: "neutral" },
  sending: { label: "Sending", variant: "info" },
  retrying: { label: "Retrying", variant: "warning" },
  failed: { label: "Failed", variant: "danger" },
  skipped: { label: "Skipped", variant: "neutral" },
};

export function DeliveryLog({ deliveries }: { deliveries: DeliveryView[] }) {
  if (deliveries.length === 0) return <p className="text-sm text-muted-foreground">No deliveries yet. They appear after the next sync with news.</p>;
  return (
    <ScrollRegion label="Recent deliveries">
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs tracking-wide text-muted-foreground uppercase">
            <th className="pb-2 font-medium">Event</th>
            <th className="pb-2 font-medium">To</th>
            <th className="pb-2 font-medium">Status</th>
            <th className="pb-2 text-right font-medium">When</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {deliveries.map((d) => {
            const s = STATUS[d.status] ?? { label: d.status, variant: "neutral" as const };
            return (
              <tr key={d.id} className="align-top">
                <td className="py-2 pr-4">
                  <p className="max-w-xs truncate">{d.title}</p>
                  {d.lastError && d.status !== "sent" ? <p className="max-w-xs truncate text-xs text-red-700" title={d.lastError}>{d.lastError}</p> : null}
                </td>
                <td className="py-2 pr-4 text-muted-foreground">{d.endpointName ?? (d.channel === "slack" ? "Slack" : "Webhook")}</td>
                <td className="py-2 pr-4">
                  <Badge variant={s.variant}>{s.label}</Badge>
                  {d.attempts > 1 ? <span className="ml-1.5 text-xs text-muted-foreground">{d.attempts} attempts</span> : null}
                </td>
                <td className="py-2 text-right text-xs whitespace-nowrap text-muted-foreground"><RelativeTime iso={d.createdAt} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
