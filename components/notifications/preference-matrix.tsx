"use client";

import { Switch } from "@/components/ui/switch";
import { Badge } from "@/components/ui/badge";
import { setNotificationPreference } from "@/lib/actions/notifications";
import type { NotificationSettingsView } from "@/lib/data/notifications/settings";
import { CHANNEL_LABELS, USER_CHANNELS, type NotificationType, type UserChannel } from "@/lib/notifications/types";
import { useSavedValue } from "./use-setting";

function ChannelSwitch({ type, channel, label, initial }: { type: NotificationType; channel: UserChannel; label: string; initial: boolean }) {
  const [checked, setChecked] = useSavedValue(initial, (enabled) => setNotificationPreference({ type, channel, enabled }));
  return <Switch checked={checked} onCheckedChange={setChecked} aria-label={`${label}: ${CHANNEL_LABELS[channel]}`} />;
}

/** Event type × channel toggles. */
export function PreferenceMatrix({ types }: { types: NotificationSettingsView["types"] }) {
  return (
    <div role="table" aria-label="Notification channels" className="divide-y divide-border">
      <div role="row" className="grid grid-cols-[1fr_4.5rem_4.5rem] items-center gap-4 pb-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">
        <span role="columnheader">Event</span>
        {USER_CHANNELS.map((c) => (
          <span role="columnheader" key={c} className="text-center">
            {CHANNEL_LABELS[c]}
          </span>
        ))}
      </div>
      {types.map((t) => (
        <div role="row" key={t.type} className="grid grid-cols-[1fr_4.5rem_4.5rem] items-center gap-4 py-3">
          <div role="cell" className="min-w-0">
            <p className="flex items-center gap-2 text-sm font-medium">
              {t.label}
              {t.adminOnly ? <Badge variant="neutral">Admins</Badge> : null}
            </p>
            <p className="text-[13px] leading-5 text-muted-foreground">{t.description}</p>
          </div>
          {USER_CHANNELS.map((c) => (
            <div role="cell" key={c} className="flex justify-center">
              <ChannelSwitch type={t.type} channel={c} label={t.label} initial={t.channels[c]} />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
