"use client";

import { Globe2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { CountryRatingsGrid } from "./country-ratings-grid";
import { countryName, flagEmoji } from "./format";
import { RatingHistoryChart } from "./rating-history-chart";
import { useRatingsUrl } from "./use-ratings-url";

/** "Ratings by country" for one app: history chart and the per-country grid, opened from the card (?app=…). */
export function AppRatingsDialog({ appId, appName }: { appId: string; appName: string }) {
  const url = useRatingsUrl();
  const open = url.appId === appId;
  return (
    <Dialog open={open} onOpenChange={(next) => url.set(next ? { app: appId, country: null } : { app: null, country: null })}>
      {/* The dialog's own trigger: closing it gives the focus back here. */}
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          <Globe2 className="size-3.5" aria-hidden />
          Ratings by country
        </Button>
      </DialogTrigger>
      {open ? (
        <DialogContent
          size="lg"
          title={`${appName} — ratings`}
          description={
            url.country ? (
              <span>
                History for {flagEmoji(url.country)} {countryName(url.country)} ·{" "}
                <button type="button" className="text-accent underline-offset-2 hover:underline" onClick={() => url.set({ country: null })}>
                  show worldwide
                </button>
              </span>
            ) : (
              "Worldwide history; pick a country below to see its own."
            )
          }
        >
          <div className="space-y-6">
            <RatingHistoryChart appId={appId} country={url.country} />
            <CountryRatingsGrid appId={appId} selected={url.country} onSelect={(country) => url.set({ country })} />
          </div>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
