"use client";

import { FileJson, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { connectGooglePlay } from "@/lib/actions/google-play";

/** Connect Google Play: the service account's JSON key (sent once, never shown again) and the reports bucket. */
export function PlayConnectionForm({ projectId, current }: { projectId: string; current: { reportsBucket: string | null } | null }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [keyText, setKeyText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [bucket, setBucket] = useState(current?.reportsBucket ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);

  async function readFile(file: File) {
    if (file.size > 20_000) {
      setErrors((e) => ({ ...e, serviceAccountKey: "That file is too large to be a service-account JSON key." }));
      return;
    }
    setKeyText(await file.text());
    setFileName(file.name);
    setErrors(({ serviceAccountKey: _k, ...rest }) => rest);
  }

  const submit = () =>
    start(async () => {
      const result = await connectGooglePlay({ projectId, serviceAccountKey: keyText, reportsBucket: bucket });
      if (!result.ok) {
        setErrors(result.error.fieldErrors ?? {});
        setFormError(result.error.fieldErrors ? undefined : result.error.message);
        return;
      }
      setErrors({});
      setFormError(undefined);
      setKeyText("");
      setFileName(null);
      const started = result.data.runs.length;
      toast.success(current ? "Google Play connection updated." : "Google Play connected.", started ? { description: "Reviews and ratings are being imported." } : undefined);
      router.refresh();
    });

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <Field
        label={current ? "Replace service-account key (.json) — optional" : "Service-account key (.json)"}
        hint={current ? "Leave empty to keep the stored key. Stored keys are encrypted and never shown again." : "Google Cloud → IAM → Service accounts → Keys → Add key → JSON. Encrypted on the server and never shown again."}
        error={errors.serviceAccountKey}
      >
        <div className="rounded-control border border-dashed border-border-strong bg-subtle/50 p-3" data-testid="play-key-dropzone">
          <div className="mb-2 flex flex-wrap items-center gap-2 text-[13px] text-muted-foreground">
            <FileJson className="size-4 text-zinc-500" aria-hidden />
            {fileName ? <span className="min-w-0 break-all font-medium text-foreground">{fileName}</span> : <span>Choose the key file, or paste its contents</span>}
            <Button type="button" size="sm" variant="secondary" onClick={() => fileInput.current?.click()}>
              <Upload aria-hidden /> Choose file
            </Button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              className="sr-only"
              // "Choose file" opens it: one stop for the keyboard, where focus shows.
              tabIndex={-1}
              aria-label="Service-account key file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void readFile(file);
                e.target.value = "";
              }}
            />
          </div>
          <Textarea
            name="serviceAccountKey"
            value={keyText}
            onChange={(e) => {
              setKeyText(e.target.value);
              setFileName(null);
            }}
            rows={3}
            spellCheck={false}
            autoComplete="off"
            placeholder={'{ "type": "service_account", … }'}
            className="font-mono text-[12px]"
          />
        </div>
      </Field>
      <Field label="Reports bucket" hint="Play Console → Download reports → Reviews → Copy Cloud Storage URI. Needed for older reviews and ratings by country." error={errors.reportsBucket}>
        <Input name="reportsBucket" value={bucket} onChange={(e) => setBucket(e.target.value)} spellCheck={false} placeholder="gs://pubsite_prod_rev_01234567890987654321" className="font-mono" />
      </Field>
      <div className="flex justify-end">
        <Button type="submit" loading={pending}>
          {current ? "Save changes" : "Connect Google Play"}
        </Button>
      </div>
    </form>
  );
}
