/** GET a dashboard API route; throws the server's own error message (already in words) on failure. */
export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!res.ok || body === null) throw new Error(body?.error?.message ?? `The server answered ${res.status}. Try again.`);
  return body;
}
