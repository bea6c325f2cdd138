import { Apple, Smartphone } from "lucide-react";
import { AppRatingSummary } from "@/components/ratings/app-rating-summary";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DownloadsSparkline } from "@/components/sales/downloads-sparkline";
import type { AppCard as AppCardData } from "@/lib/data/apps";
import type { AppDownloadsSparkline } from "@/lib/data/sales/types";
import { AppCardMenu } from "./app-card-menu";

export function AppCard({
  app,
  projectId,
  canEdit,
  lookupRetriesHourly,
  downloads = null,
}: {
  app: AppCardData;
  projectId: string;
  canEdit: boolean;
  lookupRetriesHourly: boolean;
  downloads?: AppDownloadsSparkline | null;
}) {
  return (
    <Card data-testid="app-card" aria-label={app.name}>
      <CardHeader
        actions={
          canEdit ? (
            <AppCardMenu
              projectId={projectId}
              app={{ id: app.id, name: app.name, platform: app.platform, bundleId: app.bundleId ?? "", appStoreId: app.appStoreId ?? "" }}
            />
          ) : null
        }
      >
        <div className="flex min-w-0 items-center gap-3">
          <Avatar name={app.name} size="lg" shape="rounded" />
          <div className="min-w-0">
            <h2 className="truncate font-semibold">{app.name}</h2>
            <p className="truncate font-mono text-xs text-muted-foreground">{app.bundleId ?? "no bundle id"}</p>
            <div className="mt-1 flex flex-wrap items-center gap-1.5">
              <Badge variant="neutral">
                {app.platform === "apple" ? <Apple className="size-3" aria-hidden /> : <Smartphone className="size-3" aria-hidden />}
                {app.platform === "apple" ? "App Store" : "Google Play"}
              </Badge>
              {app.latestAppVersion ? <Badge variant="neutral">v{app.latestAppVersion}</Badge> : null}
            </div>
          </div>
        </div>
      </CardHeader>
      <CardContent>
        <AppRatingSummary
          app={app}
          projectId={projectId}
          canEdit={canEdit}
          lookupRetriesHourly={lookupRetriesHourly}
          downloads={downloads ? <DownloadsSparkline sparkline={downloads} href={`/dashboard/projects/${projectId}/sales`} /> : null}
        />
      </CardContent>
    </Card>
  );
}
