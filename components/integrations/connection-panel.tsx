"use client";

import { PlugZap } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { copyIntegration, testConnection } from "@/lib/actions/integrations";
import type { ConnectionTest } from "@/lib/data/integrations/view";
import { TestResult } from "./test-result";

export function TestConnectionButton({ projectId, onResult }: { projectId: string; onResult: (test: ConnectionTest) => void }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="secondary"
      loading={pending}
      onClick={() =>
        start(async () => {
          const result = await testConnection({ projectId });
          if (!result.ok) return void toast.error(result.error.message);
          onResult(result.data);
          router.refresh();
        })
      }
    >
      <PlugZap aria-hidden /> Test connection
    </Button>
  );
}

/**
 * Last test result. The stored one from the server (`initial`) is the truth: saving a key clears it, copying a key or
 * "Test connection" replaces it, and router.refresh() brings the new one, which then replaces what is shown. A "Test
 * connection" result shows at once, before that refresh lands.
 */
export function ConnectionPanel({ projectId, initial, canWrite }: { projectId: string; initial: ConnectionTest | null; canWrite: boolean }) {
  const stored = initial?.testedAt ?? null;
  const [shown, setShown] = useState({ stored, test: initial });
  if (shown.stored !== stored) setShown({ stored, test: initial });
  const test = shown.stored === stored ? shown.test : initial;
  return (
    <div className="space-y-3">
      {test ? <TestResult test={test} /> : <p className="text-sm text-muted-foreground">Not tested yet since the key was saved.</p>}
      {canWrite ? <TestConnectionButton projectId={projectId} onResult={(result) => setShown({ stored, test: result })} /> : null}
    </div>
  );
}

export function CopyFromProject({ projectId, sources }: { projectId: string; sources: { projectId: string; projectName: string; keyId: string }[] }) {
  const router = useRouter();
  const [source, setSource] = useState(sources[0]?.projectId ?? "");
  const [test, setTest] = useState<ConnectionTest | null>(null);
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  if (sources.length === 0) return <p className="text-sm text-muted-foreground">No other project of this team has App Store Connect set up.</p>;
  return (
    <div className="space-y-3">
      <div className="flex flex-col gap-2 sm:flex-row">
        <Select
          aria-label="Project to copy from"
          value={source}
          onChange={(e) => setSource(e.target.value)}
          className="sm:w-72"
          options={sources.map((s) => ({ value: s.projectId, label: `${s.projectName} (key ${s.keyId})` }))}
        />
        <Button
          variant="secondary"
          loading={pending}
          onClick={() =>
            start(async () => {
              const result = await copyIntegration({ projectId, sourceProjectId: source });
              if (!result.ok) return void setError(result.error.message);
              setError(undefined);
              setTest(result.data.test);
              toast.success("Key copied and tested");
              router.refresh();
            })
          }
        >
          Copy and test
        </Button>
      </div>
      {error ? <Alert variant="error">{error}</Alert> : null}
      {test ? <TestResult test={test} /> : null}
    </div>
  );
}
