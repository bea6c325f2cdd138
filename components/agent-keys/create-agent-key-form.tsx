"use client";

import { Copy, KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createAgentKey } from "@/lib/actions/agent-keys";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";

export interface PermissionChoice {
  value: string;
  label: string;
}

interface Props {
  teamId: string;
  projects: { id: string; name: string }[];
  permissions: PermissionChoice[];
  serverUrl: string;
}

const PERMISSION_NOTES: Record<string, string> = {
  "reviews:write": "Replies are public on the App Store: grant only to agents you trust to answer customers.",
  "sales:read": "Proceeds are the team's financial figures: grant only to agents that need them.",
};

/** Name, scope and permissions; the new key is shown once, with how to use it from the CLI and MCP. */
export function CreateAgentKeyForm({ teamId, projects, permissions, serverUrl }: Props) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [projectId, setProjectId] = useState("all");
  const [granted, setGranted] = useState<string[]>(["reviews:read"]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [pending, start] = useTransition();

  const toggle = (value: string, on: boolean) => setGranted((g) => (on ? [...g, value] : g.filter((p) => p !== value)));
  const submit = () =>
    start(async () => {
      const result = await createAgentKey({ teamId, name, projectId: projectId === "all" ? null : projectId, permissions: granted });
      if (!result.ok) {
        setErrors(result.error.fieldErrors ?? {});
        return void toast.error(result.error.message);
      }
      setErrors({});
      setCreated({ key: result.data.key, name: result.data.agentKey.name });
      setName("");
      setGranted(["reviews:read"]);
      router.refresh();
    });

  return (
    <div className="space-y-5">
      {created ? <NewKey created={created} serverUrl={serverUrl} onDone={() => setCreated(null)} /> : null}
      <form
        className="grid gap-4 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field label="Name" hint="Who or what uses it, e.g. “Triage agent”." error={errors.name} required>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} placeholder="Triage agent" />
        </Field>
        <Field label="Projects" hint="A key for one project cannot see the others." error={errors.projectId}>
          <Select value={projectId} onChange={(e) => setProjectId(e.target.value)} options={[{ value: "all", label: "All projects" }, ...projects.map((p) => ({ value: p.id, label: p.name }))]} />
        </Field>
        <fieldset className="space-y-2.5 sm:col-span-2">
          <legend className="mb-2 text-sm font-medium">Permissions</legend>
          {permissions.map((p) => (
            <Checkbox
              key={p.value}
              checked={granted.includes(p.value)}
              onCheckedChange={(v) => toggle(p.value, v === true)}
              label={<code className="text-[13px]">{p.value}</code>}
              description={PERMISSION_NOTES[p.value] ? `${p.label}. ${PERMISSION_NOTES[p.value]}` : p.label}
            />
          ))}
          {errors.permissions ? <p className="text-sm text-red-600">{errors.permissions}</p> : null}
        </fieldset>
        <div className="sm:col-span-2">
          <Button type="submit" loading={pending}>
            <KeyRound aria-hidden /> Create agent key
          </Button>
        </div>
      </form>
    </div>
  );
}

function NewKey({ created, serverUrl, onDone }: { created: { key: string; name: string }; serverUrl: string; onDone: () => void }) {
  const copy = (text: string) => void navigator.clipboard.writeText(text).then(() => toast.success("Copied"));
  return (
    <Alert variant="success" title={`Agent key “${created.name}” created`}>
      <p className="mb-2">Copy it now: it is stored hashed and will not be shown again.</p>
      <div className="flex gap-2">
        <Input readOnly value={created.key} aria-label="New agent key" className="font-mono text-[13px]" onFocus={(e) => e.currentTarget.select()} />
        <Button variant="secondary" onClick={() => copy(created.key)}>
          <Copy aria-hidden /> Copy
        </Button>
      </div>
      <p className="mt-3 mb-1 text-xs text-muted-foreground">Use it from a terminal:</p>
      <pre className="overflow-x-auto rounded-control bg-zinc-950 px-3 py-2 text-xs text-zinc-100">{`npx starboard login --url ${serverUrl} --key ${created.key}`}</pre>
      <Button variant="ghost" size="sm" className="mt-2" onClick={onDone}>
        I saved it
      </Button>
    </Alert>
  );
}
