import { formatMoney } from "./format";

interface Figures {
  proceeds: { currency: string; amount: string }[];
  converted: { amount: string; estimate: boolean; missingRates: string[] } | null;
}

/** Proceeds as one figure in the team currency ("≈" while an estimate), else per currency of proceeds. */
export function ProceedsText({ figures, currency }: { figures: Figures; currency: string | null }) {
  if (figures.converted && currency) {
    const notes = [figures.converted.estimate ? "estimated at the latest month's exchange rates" : null, figures.converted.missingRates.length ? `without ${figures.converted.missingRates.join(", ")} (no exchange rate)` : null].filter(Boolean);
    return (
      <span title={[figures.proceeds.map((p) => formatMoney(p.amount, p.currency)).join(" + "), ...notes].filter(Boolean).join(" · ") || undefined}>
        {figures.converted.estimate ? <span aria-label="about">≈ </span> : null}
        {formatMoney(figures.converted.amount, currency)}
        {figures.converted.missingRates.length ? <span className="text-amber-700"> *</span> : null}
      </span>
    );
  }
  if (figures.proceeds.length === 0) return <span className="text-muted-foreground">0</span>;
  return <span>{figures.proceeds.map((p) => formatMoney(p.amount, p.currency)).join(" + ")}</span>;
}
