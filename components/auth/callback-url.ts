// Shared by the sign-in and sign-up pages (server components) to read ?callbackUrl=.

/**
 * A callbackUrl we may send the user to: a path on this site. "//host" and "/\host" start with "/" too,
 * but browsers read them as another origin, so they are refused.
 */
export function safeCallbackPath(url: string | string[] | undefined): string | undefined {
  // A repeated ?callbackUrl= arrives as an array: refused rather than guessed at.
  return typeof url === "string" && url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : undefined;
}

/** The token of an "/invite/<token>" callback: signing up with it joins the inviting team. */
export function inviteFromCallback(path: string | undefined): string | undefined {
  const match = path ? /^\/invite\/([^/?#]+)\/?$/.exec(path) : null;
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}
