"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { copyPlayConnection } from "@/lib/actions/google-play";
import type { PlayConnectionTest } from "@/lib/data/google-play/view";
import { PlayTestResult } from "./play-test-result";

export interface PlayCopySource {
  projectId: string;
  projectName: string;
  clientEmail: string;
  reportsBucket: string | null;
}

/** Reuse another project's service-account key and bucket (same team); the copy is tested at once and starts the imports. */
export function PlayCopyFromProject({ projectId, sources }: { projectId: string; sources: PlayCopySource[] }) {
  const router = useRouter();
  const [source, setSource] = useState(sources[0]?.projectId ?? "");
  const [test, setTest] = useState<PlayConnectionTest | null>(null);
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  if (sources.length === 0) return <p className="text-sm text-muted-foreground">No other project of this team has Google Play connected.</p>;
  return (
    <div className="space-y-3" data-testid="play-copy">
      <div className="flex flex-col gap-2 sm:flex-row">
        <Select
          aria-label="Project to copy the Google Play connection from"
          value={source}
          onChange={(e) => setSource(e.target.value)}
          className="min-w-0 sm:w-72"
          options={sources.map((s) => ({ value: s.projectId, label: `${s.projectName} (${s.clientEmail})` }))}
        />
        <Button
          variant="secondary"
          loading={pending}
          onClick={() =>
            start(async () => {
              const result = await copyPlayConnection({ projectId, sourceProjectId: source });
              if (!result.ok) return void setError(result.error.message);
              setError(undefined);
              setTest(result.data.test);
              toast.success("Google Play connection copied and tested", result.data.runs.length ? { description: "Reviews and ratings are being imported." } : undefined);
              router.refresh();
            })
          }
        >
          Copy and test
        </Button>
      </div>
      {error ? <Alert variant="error">{error}</Alert> : null}
      {test ? <PlayTestResult test={test} /> : null}
    </div>
  );
}
