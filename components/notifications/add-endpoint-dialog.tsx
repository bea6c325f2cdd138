"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { toast } from "@/components/ui/toaster";
import { createNotificationEndpoint } from "@/lib/actions/notifications";
import { ENDPOINT_EVENT_TYPES, TYPE_META, type EndpointKind } from "@/lib/notifications/types";
import { SecretDialog } from "./secret-dialog";

/** Adds a Slack incoming webhook or a signed generic webhook to the project. */
export function AddEndpointDialog({ projectId }: { projectId: string }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<EndpointKind>("slack");
  const [events, setEvents] = useState<(typeof ENDPOINT_EVENT_TYPES)[number][]>(["app.review_new", "sync.failed"]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  function submit(form: FormData) {
    startTransition(async () => {
      const result = await createNotificationEndpoint({ projectId, kind, name: String(form.get("name") ?? ""), url: String(form.get("url") ?? ""), eventTypes: events });
      if (!result.ok) {
        setErrors(result.error.fieldErrors ?? {});
        if (!result.error.fieldErrors) toast.error(result.error.message);
        return;
      }
      setErrors({});
      setOpen(false);
      toast.success(`${kind === "slack" ? "Slack channel" : "Webhook"} added.`);
      if (result.data.secret) setSecret(result.data.secret);
      router.refresh();
    });
  }

  return (
    <>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button>
            <Plus aria-hidden /> Add destination
          </Button>
        </DialogTrigger>
        <DialogContent title="Send this project's notifications to…" description="Slack gets a readable message; a webhook gets signed JSON for your own systems.">
          <form action={submit} className="grid gap-4">
            <Tabs value={kind} onValueChange={(v) => setKind(v as EndpointKind)}>
              <TabsList aria-label="Destination type">
                <TabsTrigger value="slack">Slack</TabsTrigger>
                <TabsTrigger value="webhook">Webhook</TabsTrigger>
              </TabsList>
              {/* One panel whose value follows the tab, so the active tab's aria-controls names it and typed values survive a switch. */}
              <TabsContent value={kind} tabIndex={-1} className="grid gap-4">
                <Field label="Name" error={errors.name} hint={kind === "slack" ? "Usually the channel, e.g. #app-reviews." : "What receives it, e.g. Support inbox."} required>
                  <Input name="name" placeholder={kind === "slack" ? "#app-reviews" : "Support inbox"} autoComplete="off" />
                </Field>
                <Field
                  label={kind === "slack" ? "Incoming webhook URL" : "Endpoint URL"}
                  error={errors.url}
                  hint={kind === "slack" ? "In Slack: Apps → Incoming Webhooks → Add to channel. Kept encrypted; shown shortened." : "Receives a POST with JSON, signed with a secret you see once after saving."}
                  required
                >
                  <Input name="url" type="url" placeholder={kind === "slack" ? "https://hooks.slack.com/services/…" : "https://example.com/hooks/starboard"} autoComplete="off" />
                </Field>
              </TabsContent>
            </Tabs>
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">Events</legend>
              {ENDPOINT_EVENT_TYPES.map((t) => (
                <Checkbox
                  key={t}
                  label={TYPE_META[t].label}
                  description={TYPE_META[t].description}
                  checked={events.includes(t)}
                  onCheckedChange={(on) => setEvents((cur) => (on ? [...cur, t] : cur.filter((x) => x !== t)))}
                />
              ))}
              {errors.eventTypes ? <p className="text-[13px] text-red-600">{errors.eventTypes}</p> : null}
            </fieldset>
            <DialogFooter>
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={pending}>
                Add {kind === "slack" ? "Slack channel" : "webhook"}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}
