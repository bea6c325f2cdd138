import type { AppCard } from "@/lib/data/apps";

/** The rating area of an app card. */
export function AppRatingSummary({ app }: { app: AppCard }) {
  if (app.platform === "android") {
    return <p className="text-sm text-muted-foreground">Google Play ratings are not supported yet.</p>;
  }
  return (
    <div>
      <p className="text-sm font-medium">No ratings yet</p>
      <p className="text-sm text-muted-foreground">Ratings arrive after the first sync.</p>
    </div>
  );
}
