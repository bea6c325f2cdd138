import { CheckCircle2, CircleDashed, XCircle } from "lucide-react";
import { UpstreamErrorAlert } from "@/components/integrations/upstream-error-alert";
import { Alert } from "@/components/ui/alert";
import type { PlayConnectionTest, PlayTestStep } from "@/lib/data/google-play/view";

function StepIcon({ step }: { step: PlayTestStep }) {
  if (step.ok) return <CheckCircle2 className="size-4 shrink-0 text-emerald-600" aria-label="Worked" />;
  if (step.error) return <XCircle className="size-4 shrink-0 text-red-600" aria-label="Failed" />;
  return <CircleDashed className="size-4 shrink-0 text-zinc-400" aria-label="Not tried" />;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** "Test connection" for Google Play: the token, each Android app, the bucket — each refusal in Google's words, with a hint. */
export function PlayTestResult({ test }: { test: PlayConnectionTest }) {
  const when = new Date(test.testedAt).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
  const rows: { key: string; step: PlayTestStep; label: React.ReactNode; detail: string }[] = [
    { key: "token", step: test.token, label: "Access token", detail: test.token.ok ? "Google accepted the key" : test.token.error ? "" : "Not tried" },
    ...test.apps.map((a) => ({
      key: a.appId,
      step: a,
      label: (
        <>
          <span className="font-medium">{a.name}</span> <span className="break-all font-mono text-[12px] text-muted-foreground">{a.packageName ?? "no package name"}</span>
        </>
      ),
      detail: a.ok ? `Reviews readable${a.recentReviews !== null ? ` · ${plural(a.recentReviews, "recent review")}` : ""}` : a.error ? "" : "Not tried",
    })),
    ...(test.bucket
      ? [
          {
            key: "bucket",
            step: test.bucket,
            label: <span className="break-all font-mono text-[12px]">{test.bucket.bucket}</span>,
            detail: test.bucket.ok ? `Reports readable · ${plural(test.bucket.reviewFiles ?? 0, "review export")}, ${plural(test.bucket.ratingsFiles ?? 0, "ratings export")}` : test.bucket.error ? "" : "Not tried",
          },
        ]
      : []),
  ];
  return (
    <div className="space-y-3" data-testid="play-connection-test">
      {test.ok ? (
        <Alert variant="success" title={`Connected (${when})`}>
          {test.apps.length ? `Reviews of ${plural(test.apps.length, "Android app")} can be read${test.bucket ? " and the reports bucket is readable" : ""}.` : "This project has no Android apps yet."}
        </Alert>
      ) : null}
      <ul className="divide-y divide-border rounded-control border border-border bg-white text-sm [overflow-wrap:anywhere]">
        {rows.map((r) => (
          <li key={r.key} className="min-w-0 space-y-2 px-3 py-2">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <StepIcon step={r.step} />
              <span className="min-w-0 flex-1 basis-40">{r.label}</span>
              {r.detail ? <span className="text-[12px] text-muted-foreground">{r.detail}</span> : null}
            </div>
            {r.step.error ? <UpstreamErrorAlert error={r.step.error} title={`${r.step.error.service} refused (${when})`} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
