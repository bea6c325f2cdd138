import { CheckCircle2, CircleDashed } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import type { ConnectionTest } from "@/lib/data/integrations/view";
import { ReportAccessResult } from "./report-access";
import { UpstreamErrorAlert } from "./upstream-error-alert";

/** The outcome of "Test connection": which project apps the key covers, or Apple's refusal in words. */
export function TestResult({ test }: { test: ConnectionTest }) {
  const when = new Date(test.testedAt).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
  if (!test.ok && test.error) {
    return (
      <div className="space-y-3" data-testid="connection-test">
        <UpstreamErrorAlert error={test.error} title={`Connection failed (${when})`} />
        {test.reports ? <ReportAccessResult reports={test.reports} /> : null}
      </div>
    );
  }
  const uncovered = test.coverage.filter((c) => !c.covered);
  return (
    <div className="space-y-3" data-testid="connection-test">
      <Alert variant={uncovered.length ? "warning" : "success"} title={`Connected — the key sees ${test.apps.length} app${test.apps.length === 1 ? "" : "s"} (${when})`}>
        {uncovered.length
          ? `${uncovered.length} of this project's apps ${uncovered.length === 1 ? "is" : "are"} not visible to this key: their reviews will not sync.`
          : test.coverage.length
            ? "Every Apple app of this project is covered."
            : "This project has no Apple apps yet."}
      </Alert>
      {test.coverage.length ? (
        <ul className="divide-y divide-border rounded-control border border-border bg-white text-sm">
          {test.coverage.map((c) => (
            <li key={c.appId} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
              {c.covered ? <CheckCircle2 className="size-4 text-emerald-600" aria-label="Covered" /> : <CircleDashed className="size-4 text-zinc-400" aria-label="Not covered" />}
              <span className="min-w-0 flex-1 basis-48">
                <span className="font-medium">{c.name}</span> <span className="font-mono text-[12px] text-muted-foreground">{c.bundleId}</span>
              </span>
              {c.appStoreId ? <span className="text-[12px] text-muted-foreground tabular-nums">App Store id {c.appStoreId}</span> : null}
              <Badge variant={c.covered ? "success" : "neutral"}>{c.covered ? "Covered" : "Not visible"}</Badge>
            </li>
          ))}
        </ul>
      ) : null}
      {test.apps.filter((a) => !a.projectAppId).length ? (
        <p className="text-[13px] text-muted-foreground">
          Also visible to the key: {test.apps.filter((a) => !a.projectAppId).map((a) => a.name).join(", ")}.
        </p>
      ) : null}
      {test.reports ? <ReportAccessResult reports={test.reports} /> : null}
    </div>
  );
}
