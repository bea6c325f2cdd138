import { Alert } from "@/components/ui/alert";
import type { UpstreamDetails } from "@/lib/errors";

/** The remote service's own status, code and detail (Apple's or Google's), then what to do about it (once), then `children` if any. */
export function UpstreamErrorAlert({ error, title, children }: { error: UpstreamDetails; title: string; children?: React.ReactNode }) {
  return (
    <Alert variant="error" title={title}>
      <p>
        <span className="font-mono text-[12px]">
          {[error.status, error.code].filter(Boolean).join(" ")}
        </span>
        {error.detail ? <> — {error.detail}</> : null}
      </p>
      <p className="mt-1 font-medium">{error.hint}</p>
      {children}
    </Alert>
  );
}
