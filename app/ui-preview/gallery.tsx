"use client";

import * as React from "react";
import {
  Bell,
  ChevronDown,
  Download,
  Inbox,
  LogOut,
  MoreHorizontal,
  Pencil,
  Plus,
  RefreshCw,
  Search,
  Settings,
  Trash2,
} from "lucide-react";
import { Logo, LogoMark } from "@/components/brand/logo";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Kbd } from "@/components/ui/kbd";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Skeleton, SkeletonText } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Stars } from "@/components/ui/stars";
import { SubmitButton } from "@/components/ui/submit-button";
import { Switch } from "@/components/ui/switch";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { Tooltip } from "@/components/ui/tooltip";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="grid gap-3">
      <h2 className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{title}</h2>
      {children}
    </section>
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function UiGallery() {
  const [saving, setSaving] = React.useState(false);
  const [showBadges, setShowBadges] = React.useState(true);

  return (
    <div className="min-h-dvh bg-subtle">
      <header className="sticky top-0 z-10 border-b border-border bg-white/80 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-5xl items-center justify-between px-6">
          <Logo />
          <div className="flex items-center gap-2">
            <Tooltip content="Notifications">
              <Button variant="ghost" size="icon-sm" aria-label="Notifications">
                <Bell />
              </Button>
            </Tooltip>
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <button className="rounded-full outline-none focus-visible:ring-2 focus-visible:ring-accent/40">
                  <Avatar name="Ada Lovelace" size="sm" />
                </button>
              </DropdownMenuTrigger>
              <DropdownMenuContent>
                <DropdownMenuLabel>ada@example.com</DropdownMenuLabel>
                <DropdownMenuItem>
                  <Settings /> Settings
                </DropdownMenuItem>
                <DropdownMenuSeparator />
                <DropdownMenuItem>
                  <LogOut /> Sign out
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          </div>
        </div>
      </header>

      <main className="mx-auto grid max-w-5xl gap-10 px-6 py-8">
        <PageHeader
          eyebrow="Design system"
          title="UI preview"
          description="Every Starboard primitive in its common states. Import from @/components/ui/<name>."
          actions={
            <>
              <Button variant="secondary">
                <Download /> Export
              </Button>
              <Button>
                <Plus /> Add app
              </Button>
            </>
          }
        />

        <Section title="Buttons">
          <Card>
            <CardContent className="grid gap-4">
              <div className="flex flex-wrap items-center gap-2">
                <Button>Primary</Button>
                <Button variant="secondary">Secondary</Button>
                <Button variant="ghost">Ghost</Button>
                <Button variant="danger">
                  <Trash2 /> Delete
                </Button>
                <Button variant="link">Link button</Button>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                <Button size="sm">Small</Button>
                <Button size="sm" variant="secondary">
                  <RefreshCw /> Sync now
                </Button>
                <Button size="sm" variant="ghost">
                  Ghost sm
                </Button>
                <Button size="icon" variant="secondary" aria-label="Edit">
                  <Pencil />
                </Button>
                <Button size="icon-sm" variant="ghost" aria-label="More">
                  <MoreHorizontal />
                </Button>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                <Button loading>Saving…</Button>
                <Button variant="secondary" loading>
                  Syncing
                </Button>
                <Button variant="danger" loading>
                  Deleting
                </Button>
                <Button disabled>Disabled</Button>
                <Button variant="secondary" disabled>
                  Disabled
                </Button>
                <Button
                  variant="secondary"
                  loading={saving}
                  onClick={() => {
                    setSaving(true);
                    void sleep(1200).then(() => {
                      setSaving(false);
                      toast.success("Settings saved", { description: "Your changes are live." });
                    });
                  }}
                >
                  Click to load
                </Button>
              </div>
            </CardContent>
          </Card>
        </Section>

        <Section title="Form controls">
          <div className="grid gap-4 md:grid-cols-2">
            <Card>
              <form
                className="contents"
                action={async () => {
                  await sleep(1200);
                  toast.success("Account created");
                }}
              >
              <CardHeader>
                <CardTitle>Create account</CardTitle>
                <CardDescription>Field wires label, hint and error to the control.</CardDescription>
              </CardHeader>
              <CardContent className="grid gap-4">
                <Field label="Name" hint="Shown to teammates.">
                  <Input placeholder="Ada Lovelace" />
                </Field>
                <Field label="Email" required error="Enter a valid email address.">
                  <Input type="email" defaultValue="ada@" />
                </Field>
                <Field
                  label="Password"
                  required
                  labelAction={
                    <button type="button" className="font-medium text-accent hover:underline">
                      Forgot?
                    </button>
                  }
                >
                  <Input type="password" defaultValue="hunter22" />
                </Field>
                <Field label="Search">
                  <Input leading={<Search />} placeholder="Search reviews…" trailing={<Kbd>/</Kbd>} />
                </Field>
                <Field label="Disabled">
                  <Input disabled value="Read only value" readOnly />
                </Field>
              </CardContent>
              <CardFooter>
                <Button variant="ghost" type="button">
                  Cancel
                </Button>
                <SubmitButton>Create account</SubmitButton>
              </CardFooter>
              </form>
            </Card>

            <Card>
              <CardHeader>
                <CardTitle>App settings</CardTitle>
                <CardDescription>Select, textarea, checkbox and switch.</CardDescription>
              </CardHeader>
              <CardContent className="grid gap-4">
                <Field label="Storefront" hint="Where to pull ratings from.">
                  <Select
                    placeholder="Choose a country…"
                    options={[
                      { value: "us", label: "United States" },
                      { value: "gb", label: "United Kingdom" },
                      { value: "de", label: "Germany" },
                    ]}
                    required
                  />
                </Field>
                <Field label="Sync interval">
                  <Select defaultValue="6h">
                    <option value="1h">Every hour</option>
                    <option value="6h">Every 6 hours</option>
                    <option value="24h">Daily</option>
                  </Select>
                </Field>
                <Field label="Notes" error={["Notes must be under 500 characters."]}>
                  <Textarea defaultValue="Track the new onboarding release closely." rows={3} />
                </Field>
                <Checkbox label="Email me about new 1-star reviews" defaultChecked />
                <Checkbox label="Include replies" description="Also notify when a developer response is posted." />
                <Checkbox label="Disabled option" disabled />
                <div className="grid gap-3 border-t border-border pt-4">
                  <Switch
                    label="Weekly digest"
                    description="A Monday summary of ratings across all apps."
                    defaultChecked
                  />
                  <Switch label="Compact rows" size="sm" />
                </div>
              </CardContent>
            </Card>
          </div>
        </Section>

        <Section title="Badges, stars, avatars">
          <Card>
            <CardContent className="grid gap-5">
              <div className="flex flex-wrap items-center gap-2">
                <Badge>Neutral</Badge>
                <Badge variant="success" dot>
                  Synced
                </Badge>
                <Badge variant="warning" dot>
                  Stale
                </Badge>
                <Badge variant="danger" dot>
                  Failed
                </Badge>
                <Badge variant="info">Info</Badge>
                <Badge variant="accent">New</Badge>
              </div>
              <div className="grid gap-2">
                <Stars value={4.6} showValue count={12873} />
                <Stars value={3.5} size="md" showValue />
                <Stars value={2.25} size="lg" showValue />
                <Stars value={5} size="xs" />
                <Stars value={null} showValue />
              </div>
              <div className="flex items-center gap-3">
                <Avatar name="Ada Lovelace" size="xs" />
                <Avatar name="Grace Hopper" size="sm" />
                <Avatar name="linus@example.com" />
                <Avatar name="Margaret Hamilton" size="lg" />
                <Avatar name="Weather Pro" size="lg" shape="rounded" />
                <LogoMark size={40} />
                <Logo size="sm" />
              </div>
            </CardContent>
          </Card>
        </Section>

        <Section title="Overlays">
          <Card>
            <CardContent className="flex flex-wrap items-center gap-2">
              <Dialog>
                <DialogTrigger asChild>
                  <Button variant="secondary">Open dialog</Button>
                </DialogTrigger>
                <DialogContent title="Add an app" description="Paste an App Store URL or numeric app ID.">
                  <div className="grid gap-4">
                    <Field label="App Store URL or ID" hint="e.g. https://apps.apple.com/us/app/id284882215">
                      <Input placeholder="https://apps.apple.com/…" />
                    </Field>
                  </div>
                  <DialogFooter>
                    <DialogClose asChild>
                      <Button variant="secondary">Cancel</Button>
                    </DialogClose>
                    <Button>Add app</Button>
                  </DialogFooter>
                </DialogContent>
              </Dialog>

              <ConfirmDialog
                trigger={
                  <Button variant="danger">
                    <Trash2 /> Delete workspace
                  </Button>
                }
                title="Delete workspace?"
                description="This permanently deletes the workspace, its apps and all review history. This cannot be undone."
                confirmText="acme-inc"
                confirmLabel="Delete workspace"
                onConfirm={async () => {
                  await sleep(1000);
                  toast.success("Workspace deleted");
                }}
              />

              <ConfirmDialog
                trigger={<Button variant="secondary">Non-destructive confirm</Button>}
                title="Resync all apps?"
                description="This queues a full refresh for every tracked app."
                destructive={false}
                confirmLabel="Resync"
                onConfirm={() => {
                  toast("Resync queued");
                }}
              />

              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button variant="secondary">
                    Options <ChevronDown className="text-zinc-400" />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="start">
                  <DropdownMenuLabel>App</DropdownMenuLabel>
                  <DropdownMenuItem shortcut="E">
                    <Pencil /> Edit
                  </DropdownMenuItem>
                  <DropdownMenuItem shortcut="R">
                    <RefreshCw /> Sync now
                  </DropdownMenuItem>
                  <DropdownMenuCheckboxItem checked={showBadges} onCheckedChange={(v) => setShowBadges(v === true)}>
                    Show badges
                  </DropdownMenuCheckboxItem>
                  <DropdownMenuSeparator />
                  <DropdownMenuItem destructive>
                    <Trash2 /> Remove app
                  </DropdownMenuItem>
                </DropdownMenuContent>
              </DropdownMenu>

              <Tooltip content="Last synced 4 minutes ago">
                <Button variant="ghost">Hover for tooltip</Button>
              </Tooltip>

              <Button variant="secondary" onClick={() => toast.success("Saved", { description: "Alert rules updated." })}>
                Toast success
              </Button>
              <Button
                variant="secondary"
                onClick={() => toast.error("Sync failed", { description: "Apple returned 503. We'll retry shortly." })}
              >
                Toast error
              </Button>
              <Button
                variant="secondary"
                onClick={() =>
                  toast.promise(sleep(1500), { loading: "Syncing…", success: "Sync complete", error: "Sync failed" })
                }
              >
                Toast promise
              </Button>
            </CardContent>
          </Card>
        </Section>

        <Section title="Tabs">
          <Card>
            <CardContent>
              <Tabs defaultValue="overview">
                <TabsList>
                  <TabsTrigger value="overview">Overview</TabsTrigger>
                  <TabsTrigger value="reviews">
                    Reviews <Badge>128</Badge>
                  </TabsTrigger>
                  <TabsTrigger value="settings">Settings</TabsTrigger>
                  <TabsTrigger value="disabled" disabled>
                    Disabled
                  </TabsTrigger>
                </TabsList>
                <TabsContent value="overview" className="text-muted-foreground">
                  Overview content: charts and summaries go here.
                </TabsContent>
                <TabsContent value="reviews" className="text-muted-foreground">
                  Review list.
                </TabsContent>
                <TabsContent value="settings" className="text-muted-foreground">
                  Settings form.
                </TabsContent>
              </Tabs>
            </CardContent>
          </Card>
        </Section>

        <Section title="Alerts">
          <div className="grid gap-3">
            <Alert variant="error" title="Couldn't sign in">
              The email or password is incorrect.
            </Alert>
            <Alert
              variant="warning"
              title="Ratings are 3 days old"
              action={
                <Button size="sm" variant="secondary">
                  Retry
                </Button>
              }
            >
              The last two syncs failed. Apple may be rate-limiting requests.
            </Alert>
            <Alert variant="info">Reviews are fetched for the 10 largest storefronts by default.</Alert>
            <Alert variant="success" title="Import complete" />
          </div>
        </Section>

        <Section title="Empty state & loading">
          <div className="grid gap-4 md:grid-cols-2">
            <EmptyState
              icon={<Inbox />}
              title="No apps yet"
              description="Add your first app to start tracking ratings and reviews across storefronts."
              action={
                <Button>
                  <Plus /> Add app
                </Button>
              }
            />
            <Card>
              <CardHeader>
                <Skeleton className="h-5 w-40" />
                <Skeleton className="h-4 w-64" />
              </CardHeader>
              <CardContent className="grid gap-5">
                {[0, 1].map((i) => (
                  <div key={i} className="flex gap-3">
                    <Skeleton className="size-8 rounded-full" />
                    <div className="grid flex-1 gap-2">
                      <Skeleton className="h-3.5 w-24" />
                      <SkeletonText lines={2} />
                    </div>
                  </div>
                ))}
                <div className="flex items-center gap-2 text-muted-foreground">
                  <Spinner size="sm" /> Loading reviews…
                </div>
              </CardContent>
            </Card>
          </div>
        </Section>

        <Section title="Review card (composition)">
          <Card>
            <CardHeader
              actions={
                <Badge variant="neutral" className="font-mono">
                  US
                </Badge>
              }
            >
              <div className="flex items-center gap-2">
                <Stars value={2} />
                <span className="text-[13px] text-muted-foreground">v4.12 · 2 days ago</span>
              </div>
              <CardTitle>Crashes every time I open the widget</CardTitle>
            </CardHeader>
            <CardContent className="pt-2 text-zinc-700">
              Since the last update the widget refuses to load and the app crashes when I tap it. Was a five-star app
              before this.
            </CardContent>
            <CardFooter align="between">
              <div className="flex items-center gap-2 text-[13px] text-muted-foreground">
                <Avatar name="sunnyday42" size="xs" /> sunnyday42
              </div>
              <Button size="sm" variant="secondary">
                Reply
              </Button>
            </CardFooter>
          </Card>
        </Section>
      </main>
    </div>
  );
}
