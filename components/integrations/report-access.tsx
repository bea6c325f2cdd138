import { CheckCircle2, XCircle } from "lucide-react";
import type { ReportAccessCheck, ReportAccessProbe, ReportAccessProblem } from "@/lib/apple/asc/reports/probe";

const PROBLEM: Record<ReportAccessProblem, string> = {
  no_vendor_number: "No vendor number",
  individual_key: "An individual key cannot read these reports",
  missing_role: "The key's role cannot read these reports",
  wrong_vendor_number: "Apple does not accept this vendor number for this key",
  key_rejected: "App Store Connect rejected the key",
  agreement: "Agreements to accept first",
  rate_limited: "The key's hourly request budget is spent",
  apple_unavailable: "App Store Connect did not answer properly",
  refused: "App Store Connect refused the request",
};

function Check({ name, check }: { name: string; check: ReportAccessCheck }) {
  const answer = [check.status, check.code].filter((v) => v !== null).join(" ");
  return (
    <li className="flex gap-2.5 px-3 py-2" data-testid={`report-access-${name === "Sales and Trends" ? "sales" : "finance"}`}>
      {check.ok ? (
        <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-label="Can be read" />
      ) : (
        <XCircle className="mt-0.5 size-4 shrink-0 text-red-600" aria-label="Cannot be read" />
      )}
      <div className="min-w-0 flex-1 [overflow-wrap:anywhere]">
        <p>
          <span className="font-medium">{name}</span>
          <span className="text-muted-foreground"> · {check.ok ? "can be read" : check.problem ? PROBLEM[check.problem] : "cannot be read"}</span>
        </p>
        {!check.ok && (answer || check.detail) ? (
          <p className="text-[13px]">
            {answer ? <span className="font-mono text-[12px]">{answer}</span> : null}
            {check.detail ? <>{answer ? " — " : ""}{check.detail}</> : null}
          </p>
        ) : null}
        {/* A file came back: "can be read" says it all. Otherwise what Apple's answer means, or what to do. */}
        {check.ok && check.status === 200 ? null : <p className={check.ok ? "text-[13px] text-muted-foreground" : "text-[13px] font-medium"}>{check.hint}</p>}
      </div>
    </li>
  );
}

/** What "Test connection" found about the Sales and Finance reports: each report can be read, or why not and what to do. */
export function ReportAccessResult({ reports }: { reports: ReportAccessProbe }) {
  return (
    <section aria-label="Sales and Finance reports access" className="space-y-1.5" data-testid="report-access">
      <h3 className="text-[13px] font-medium text-muted-foreground">Sales and Finance reports</h3>
      <ul className="divide-y divide-border rounded-control border border-border bg-white text-sm">
        <Check name="Sales and Trends" check={reports.sales} />
        <Check name="Finance" check={reports.finance} />
      </ul>
    </section>
  );
}
