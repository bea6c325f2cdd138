import { Badge } from "@/components/ui/badge";
import type { ReviewReply } from "@/lib/data/reviews/view";

export function ReplyStatePill({ reply }: { reply: ReviewReply | null }) {
  if (!reply) return <Badge variant="neutral">No reply</Badge>;
  if (reply.state === "PENDING_PUBLISH") return <Badge variant="warning" dot>Pending publish</Badge>;
  return <Badge variant="success" dot>Published</Badge>;
}
