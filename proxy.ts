import { NextResponse, type NextRequest } from "next/server";
import { unmatchedApiRequest } from "@/lib/api/v1/unmatched";

// An optimistic gate: no session cookie → sign in. Every page, action and route still checks the session
// itself (a page-level check does not protect the actions it uses).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  // Unknown /api/v1 paths and methods answer in the API's JSON error shape; the routes themselves check callers.
  if (request.nextUrl.pathname.startsWith("/api/v1")) return unmatchedApiRequest(request.nextUrl.pathname, request.method) ?? NextResponse.next();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/dashboard/:path*", "/api/v1/:path*"] };
