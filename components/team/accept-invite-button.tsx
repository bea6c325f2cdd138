"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { acceptInvite } from "@/lib/actions/teams";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function AcceptInviteButton({ token, teamName }: { token: string; teamName: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      {error ? <Alert variant="error">{error}</Alert> : null}
      <Button
        className="w-full"
        loading={pending}
        onClick={() =>
          start(async () => {
            const result = await acceptInvite({ token });
            if (result.ok) router.push("/dashboard");
            else setError(result.error.message);
          })
        }
      >
        Join {teamName}
      </Button>
    </div>
  );
}
