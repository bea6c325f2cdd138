import { BellRing } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

/** The project header's way to its Slack and webhook destinations. */
export function ProjectNotificationsLink({ projectId }: { projectId: string }) {
  return (
    <Link href={`/dashboard/projects/${projectId}/notifications`} className={buttonVariants({ variant: "secondary" })}>
      <BellRing aria-hidden /> Notifications
    </Link>
  );
}
