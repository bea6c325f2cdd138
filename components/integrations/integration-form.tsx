"use client";

import { FileKey2, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { saveIntegration } from "@/lib/actions/integrations";
import { P8_MISSING_MESSAGE } from "@/lib/validation";

const KEY_FILE = /^(?:ApiKey|AuthKey|SubscriptionKey)_([A-Z0-9]{8,12})(?: ?\(\d+\))?\.p8$/i;

export interface IntegrationFormValues {
  keyType: "team" | "individual";
  issuerId: string | null;
  keyId: string;
  vendorNumber: string | null;
}

/** Set up or update the App Store Connect key. The .p8 goes to the server once and is never sent back. */
export function IntegrationForm({ projectId, current }: { projectId: string; current: IntegrationFormValues | null }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [keyType, setKeyType] = useState<"team" | "individual">(current?.keyType ?? "team");
  const [keyId, setKeyId] = useState(current?.keyId ?? "");
  const [issuerId, setIssuerId] = useState(current?.issuerId ?? "");
  const [vendorNumber, setVendorNumber] = useState(current?.vendorNumber ?? "");
  const [pem, setPem] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);

  async function readFile(file: File) {
    if (file.size > 10_000) {
      setErrors((e) => ({ ...e, privateKey: "That file is too large to be an App Store Connect key (.p8)." }));
      return;
    }
    setPem(await file.text());
    setFileName(file.name);
    const match = KEY_FILE.exec(file.name);
    if (match) setKeyId(match[1].toUpperCase());
    setErrors(({ privateKey: _p, ...rest }) => rest);
  }

  const submit = () =>
    start(async () => {
      const result = await saveIntegration({ projectId, keyType, issuerId: keyType === "team" ? issuerId : "", keyId, privateKey: pem, vendorNumber });
      if (!result.ok) {
        // The server checks the .p8 only once the other fields pass; say it is missing together with them.
        const keyMissing: Record<string, string> = !current && !pem.trim() ? { privateKey: P8_MISSING_MESSAGE } : {};
        const fieldErrors = result.error.fieldErrors ? { ...keyMissing, ...result.error.fieldErrors } : undefined;
        setErrors(fieldErrors ?? {});
        setFormError(fieldErrors ? undefined : result.error.message);
        return;
      }
      setErrors({});
      setFormError(undefined);
      setPem("");
      setFileName(null);
      const vendorSaved = result.data.vendorNumber !== null && result.data.vendorNumber !== (current?.vendorNumber ?? null);
      toast.success(
        vendorSaved ? "Saved and tested: the result is under Connection." : current ? "Key updated. Test the connection to check it." : "Key saved. Now test the connection.",
      );
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
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Key type" hint={keyType === "team" ? "Created under Users and Access → Integrations → Team Keys." : "A personal key: no Issuer ID."} error={errors.keyType}>
          <Select
            name="keyType"
            value={keyType}
            onChange={(e) => setKeyType(e.target.value as "team" | "individual")}
            options={[
              { value: "team", label: "Team key" },
              { value: "individual", label: "Individual key" },
            ]}
          />
        </Field>
        <Field label="Key ID" hint="10 characters, also in the file name AuthKey_<KEY_ID>.p8" error={errors.keyId}>
          <Input name="keyId" value={keyId} onChange={(e) => setKeyId(e.target.value.toUpperCase())} maxLength={12} spellCheck={false} autoCapitalize="characters" placeholder="2X9R4HXF34" className="font-mono" />
        </Field>
      </div>
      {keyType === "team" ? (
        <Field label="Issuer ID" hint="In App Store Connect: Users and Access → Integrations, shown above the list of team keys." error={errors.issuerId}>
          <Input name="issuerId" value={issuerId} onChange={(e) => setIssuerId(e.target.value)} spellCheck={false} placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" className="font-mono" />
        </Field>
      ) : null}
      <Field
        label={current ? "Replace private key (.p8) — optional" : "Private key (.p8)"}
        hint={current ? "Leave empty to keep the stored key. Stored keys are encrypted and never shown again." : "Drop the file or paste its contents. It is encrypted on the server and never shown again."}
        error={errors.privateKey}
      >
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            const file = e.dataTransfer.files[0];
            if (file) void readFile(file);
          }}
          className={cn("rounded-control border border-dashed p-3 transition-colors", dragging ? "border-accent bg-indigo-50/50" : "border-border-strong bg-subtle/50")}
          data-testid="p8-dropzone"
        >
          <div className="mb-2 flex flex-wrap items-center gap-2 text-[13px] text-muted-foreground">
            <FileKey2 className="size-4 text-zinc-500" aria-hidden />
            {fileName ? <span className="font-medium text-foreground">{fileName}</span> : <span>Drop AuthKey_XXXXXXXXXX.p8 here, or</span>}
            <Button type="button" size="sm" variant="secondary" onClick={() => fileInput.current?.click()}>
              <Upload aria-hidden /> Choose file
            </Button>
            <input
              ref={fileInput}
              type="file"
              accept=".p8,application/pkcs8,text/plain"
              className="sr-only"
              // "Choose file" opens it: one stop for the keyboard, where focus shows.
              tabIndex={-1}
              aria-label="Private key file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void readFile(file);
                e.target.value = "";
              }}
            />
          </div>
          <Textarea
            name="privateKey"
            value={pem}
            onChange={(e) => {
              setPem(e.target.value);
              setFileName(null);
            }}
            rows={4}
            spellCheck={false}
            autoComplete="off"
            placeholder={"-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----"}
            className="font-mono text-[12px]"
          />
        </div>
      </Field>
      <Field
        label="Vendor number — for downloads and revenue"
        hint="App Store Connect → Payments and Financial Reports, top left (digits). Needed for the Sales and Finance reports; reviews work without it."
        error={errors.vendorNumber}
      >
        <Input
          name="vendorNumber"
          value={vendorNumber}
          onChange={(e) => setVendorNumber(e.target.value)}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={24}
          placeholder="85012345"
          className="font-mono sm:w-56"
        />
      </Field>
      <div className="flex justify-end">
        <Button type="submit" loading={pending}>
          {current ? "Save changes" : "Save key"}
        </Button>
      </div>
    </form>
  );
}
