import { Alert } from "@/components/ui/alert";
import type { UpstreamDetails } from "@/lib/errors";

/** Apple's own code and detail, then what to do about it. */
export function AppleErrorAlert({ error, title }: { error: UpstreamDetails; title: string }) {
  return (
    <Alert variant="error" title={title}>
      <p>
        <span className="font-mono text-[12px]">
          {[error.status, error.code].filter(Boolean).join(" ")}
        </span>
        {error.detail ? <> — {error.detail}</> : null}
      </p>
      <p className="mt-1 font-medium">{error.hint}</p>
    </Alert>
  );
}
