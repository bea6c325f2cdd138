import { KeyRound } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { PlayConnectionView } from "@/lib/data/google-play/view";
import type { SyncRunView } from "@/lib/sync/runs";
import { PlayConnectionControls } from "./play-connection-controls";
import { PlayConnectionForm } from "./play-connection-form";
import { PlayConnectionPanel } from "./play-connection-panel";
import { PlayCopyFromProject, type PlayCopySource } from "./play-copy-from-project";
import { PlaySyncStatus } from "./play-sync-status";

/** The integrations page's Google Play part: the key and bucket, "Test connection", the latest Play runs, copy, disable and remove. */
export function PlayIntegrationSection({
  projectId,
  connection,
  sources,
  canWrite,
  runs,
}: {
  projectId: string;
  connection: PlayConnectionView | null;
  sources: PlayCopySource[];
  canWrite: boolean;
  runs: { reviews: SyncRunView | null; backfill: SyncRunView | null; ratings: SyncRunView | null };
}) {
  const added = connection ? new Date(connection.addedAt).toLocaleDateString("en-US", { dateStyle: "medium" }) : null;
  return (
    <section aria-labelledby="google-play-heading" className="space-y-4" data-testid="google-play-section">
      <div>
        <h2 id="google-play-heading" className="text-lg font-semibold tracking-tight">
          Google Play
        </h2>
        <p className="text-sm text-muted-foreground">Reviews and replies through the Play Developer API; older reviews and ratings by country from the Play Console reports.</p>
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Card>
            <CardHeader
              actions={
                connection ? (
                  <Badge variant={connection.enabled ? "success" : "neutral"} dot>
                    {connection.enabled ? "Active" : "Disabled"}
                  </Badge>
                ) : (
                  <Badge>Not connected</Badge>
                )
              }
            >
              <CardTitle as="h3">Service account</CardTitle>
              <CardDescription>
                {connection ? (
                  <span data-testid="play-connection-account" className="[overflow-wrap:anywhere]">
                    <KeyRound className="mr-1 inline size-3.5" aria-hidden />
                    <span className="font-mono">{connection.clientEmail}</span>
                    {connection.privateKeyId ? <> · key {connection.privateKeyId.slice(0, 8)}…</> : null} · added {added}
                    {connection.reportsBucket ? (
                      <>
                        {" "}
                        · bucket <span className="font-mono">{connection.reportsBucket}</span>
                      </>
                    ) : (
                      " · no reports bucket"
                    )}
                  </span>
                ) : (
                  "Invite the service account in Play Console → Users and permissions with “Reply to reviews” and “View app information and download bulk reports”."
                )}
              </CardDescription>
            </CardHeader>
            {canWrite ? (
              <CardContent>
                <PlayConnectionForm projectId={projectId} current={connection ? { reportsBucket: connection.reportsBucket } : null} />
              </CardContent>
            ) : null}
          </Card>
          {connection ? (
            <Card>
              <CardHeader>
                <CardTitle as="h3">Connection</CardTitle>
                <CardDescription>Gets a token, reads the reviews of each Android app of this project, and lists the reports bucket.</CardDescription>
              </CardHeader>
              <CardContent>
                <PlayConnectionPanel projectId={projectId} initial={connection.lastTest} canWrite={canWrite} />
              </CardContent>
            </Card>
          ) : null}
        </div>
        <div className="space-y-6">
          {connection ? (
            <>
              <Card>
                <CardHeader>
                  <CardTitle as="h3">Last Play review sync</CardTitle>
                  <CardDescription>Every 6 hours: Google returns only the last 7 days.</CardDescription>
                </CardHeader>
                <CardContent>
                  <PlaySyncStatus run={runs.reviews} label="Reviews" figures={[["Apps", "apps"], ["Pages", "pages"], ["New", "inserted"], ["Updated", "updated"], ["Unchanged", "unchanged"], ["Quota waits", "quotaWaits"]]} />
                </CardContent>
              </Card>
              <Card>
                <CardHeader>
                  <CardTitle as="h3">Play Console reports</CardTitle>
                  <CardDescription>Older reviews on connect; ratings by country daily at 07:00 UTC.</CardDescription>
                </CardHeader>
                <CardContent className="space-y-4">
                  <PlaySyncStatus run={runs.backfill} label="Review exports" figures={[["Files read", "filesImported"], ["Reviews added", "inserted"], ["Unreadable lines", "malformedRows"], ["Star-only rows", "ratingsWithoutText"]]} />
                  <PlaySyncStatus run={runs.ratings} label="Ratings exports" figures={[["Files read", "filesImported"], ["Rating rows", "ratingRows"], ["Unreadable lines", "malformedRows"], ["Days without a rating", "rowsWithoutAverage"]]} />
                </CardContent>
              </Card>
            </>
          ) : null}
          {canWrite ? (
            <Card>
              <CardHeader>
                <CardTitle as="h3">Copy from another project</CardTitle>
                <CardDescription>Reuse a service account already connected in this team; the connection is tested right away.</CardDescription>
              </CardHeader>
              <CardContent>
                <PlayCopyFromProject projectId={projectId} sources={sources} />
              </CardContent>
            </Card>
          ) : null}
          {canWrite && connection ? (
            <Card>
              <CardHeader>
                <CardTitle as="h3">Manage Google Play</CardTitle>
              </CardHeader>
              <CardContent>
                <PlayConnectionControls projectId={projectId} enabled={connection.enabled} />
              </CardContent>
            </Card>
          ) : null}
        </div>
      </div>
    </section>
  );
}
