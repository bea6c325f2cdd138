"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createApp, updateApp } from "@/lib/actions/apps";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";

export interface AppFormValues {
  id?: string;
  name: string;
  platform: "apple" | "android";
  bundleId: string;
  appStoreId: string;
}

const EMPTY: AppFormValues = { name: "", platform: "apple", bundleId: "", appStoreId: "" };

export function AppFormDialog({
  projectId,
  app,
  open,
  onOpenChange,
  focusField = "name",
}: {
  projectId: string;
  app?: AppFormValues;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The field that has focus when the dialog opens ("Enter App Store id" opens it at that field). */
  focusField?: "name" | "appStoreId";
}) {
  const editing = Boolean(app?.id);
  const values = app ?? EMPTY;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={editing ? `Edit ${values.name}` : "Add an app"}
        description={editing ? undefined : "Starboard finds the app on the App Store by its bundle id; no credentials needed for ratings."}
      >
        {/* Mounted with each opening (closed content unmounts), so every opening starts from the app's values. */}
        <AppForm projectId={projectId} app={app} onDone={() => onOpenChange(false)} focusField={focusField} />
      </DialogContent>
    </Dialog>
  );
}

function AppForm({
  projectId,
  app,
  onDone,
  focusField,
}: {
  projectId: string;
  app?: AppFormValues;
  onDone: () => void;
  focusField: "name" | "appStoreId";
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [platform, setPlatform] = useState(app?.platform ?? "apple");
  const values = app ?? EMPTY;
  const editing = Boolean(app?.id);

  const submit = (form: FormData) =>
    start(async () => {
      const fields = {
        name: String(form.get("name") ?? ""),
        platform,
        bundleId: String(form.get("bundleId") ?? ""),
        appStoreId: String(form.get("appStoreId") ?? ""),
      };
      const result = app?.id ? await updateApp({ appId: app.id, ...fields }) : await createApp({ projectId, ...fields });
      if (!result.ok) {
        setErrors(result.error.fieldErrors ?? {});
        setFormError(result.error.fieldErrors ? undefined : result.error.message);
        return;
      }
      onDone();
      toast.success(editing ? `Saved ${result.data.name}` : `Added ${result.data.name}`);
      router.refresh();
    });

  return (
    <form action={submit} className="space-y-4" noValidate>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <Field label="Name" error={errors.name}>
        <Input name="name" defaultValue={values.name} autoFocus={focusField === "name"} maxLength={100} placeholder="Weather Pro" />
      </Field>
      <Field label="Platform" error={errors.platform}>
        <Select
          name="platform"
          defaultValue={values.platform}
          onChange={(e) => setPlatform(e.target.value as "apple" | "android")}
          options={[
            { value: "apple", label: "Apple App Store" },
            { value: "android", label: "Google Play" },
          ]}
        />
      </Field>
      <Field
        label={platform === "apple" ? "Bundle id" : "Package name"}
        hint="Reverse-DNS form, e.g. com.example.weather"
        error={errors.bundleId}
      >
        <Input name="bundleId" defaultValue={values.bundleId} maxLength={155} spellCheck={false} autoCapitalize="off" placeholder="com.example.weather" />
      </Field>
      {platform === "apple" ? (
        <Field label="App Store id (optional)" hint="The number in the App Store link (apps.apple.com/app/id123456789). Found automatically when left empty." error={errors.appStoreId}>
          <Input name="appStoreId" defaultValue={values.appStoreId} autoFocus={focusField === "appStoreId"} inputMode="numeric" maxLength={12} placeholder="123456789" />
        </Field>
      ) : (
        <input type="hidden" name="appStoreId" value="" />
      )}
      <DialogFooter>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {editing ? "Save changes" : "Add app"}
        </Button>
      </DialogFooter>
    </form>
  );
}
