import "server-only";

/** POSTs JSON with a timeout; anything but 2xx is an error carrying the status and the start of the answer. */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Starboard-Notifications/1", ...headers },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const e = error as Error;
    throw new Error(e.name === "TimeoutError" ? `No answer within ${Math.round(timeoutMs / 1000)} s.` : `Could not connect: ${e.message}`);
  }
  if (response.status >= 200 && response.status < 300) {
    await response.body?.cancel();
    return;
  }
  const text = (await response.text().catch(() => "")).slice(0, 200);
  throw new Error(`HTTP ${response.status}${text ? `: ${text}` : ""}`);
}
