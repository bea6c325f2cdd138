"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";

/** A webhook's signing secret, shown once, with how to verify a delivery. */
export function SecretDialog({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open={secret !== null} onOpenChange={(open) => { if (!open) { setCopied(false); onClose(); } }}>
      <DialogContent title="Signing secret" description="Copy it now: Starboard will not show it again (you can rotate it later)." size="lg">
        <div className="grid gap-4">
          <div className="flex items-center gap-2 rounded-control border border-border bg-subtle px-3 py-2">
            <code data-testid="webhook-secret" className="min-w-0 flex-1 truncate font-mono text-[13px]">{secret}</code>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => {
                void (navigator.clipboard?.writeText(secret ?? "") ?? Promise.resolve())
                  .catch(() => {})
                  .then(() => setCopied(true));
              }}
            >
              {copied ? <Check aria-hidden /> : <Copy aria-hidden />} {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <Alert variant="info" title="Verifying a delivery">
            Each POST carries <code>X-Starboard-Timestamp</code> (Unix seconds) and <code>X-Starboard-Signature: v1=&lt;hex&gt;</code>, the
            HMAC-SHA256 of <code>{"`${timestamp}.${rawBody}`"}</code> with this secret. Recompute it, compare in constant time, and refuse
            timestamps more than 5 minutes old.
          </Alert>
        </div>
        <DialogFooter>
          <Button onClick={() => { setCopied(false); onClose(); }}>I have saved it</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
