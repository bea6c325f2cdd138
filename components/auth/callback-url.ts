// The sign-up page reads an invite out of ?callbackUrl= (made safe by safeCallbackPath in lib/validation).

/** The token of an "/invite/<token>" callback: signing up with it joins the inviting team. */
export function inviteFromCallback(path: string | undefined): string | undefined {
  const match = path ? /^\/invite\/([^/?#]+)\/?$/.exec(path) : null;
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}
