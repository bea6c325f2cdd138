// POST /token, shaped like oauth2.googleapis.com/token for the service-account JWT bearer grant: the RS256 signature
// is checked against the account's public key, then iss, scope, aud, iat/exp. Errors are OAuth-style 400s.
import type { IncomingMessage, ServerResponse } from "node:http";
import { decodeJwt, decodeProtectedHeader, jwtVerify } from "jose";
import { readBody, sendJson } from "./http";
import type { GoogleSimState } from "./state";

export const KNOWN_SCOPES = ["https://www.googleapis.com/auth/androidpublisher", "https://www.googleapis.com/auth/devstorage.read_only", "https://www.googleapis.com/auth/cloud-platform"];
const GOOGLE_AUDIENCE = "https://oauth2.googleapis.com/token";

const TIME_MESSAGES = {
  timeframe: "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.",
  generic: "Invalid grant: the assertion is not yet valid or has expired.",
};

export async function handleToken(sim: GoogleSimState, req: IncomingMessage, res: ServerResponse, tokenUrl: string): Promise<void | "hang"> {
  const headers = { date: new Date(sim.now()).toUTCString(), "cache-control": "no-cache, no-store, max-age=0, must-revalidate" };
  let account: string | undefined;
  const reply = (status: number, body: unknown, fault?: string) => {
    sim.record({ method: "POST", path: "/token", endpoint: "token", status, account, fault: fault as never });
    sendJson(res, status, body, headers);
  };
  const oauthError = (error: string, description: string, fault?: string) => reply(400, { error, error_description: description }, fault);

  const fault = sim.takeFault("token");
  if (fault) {
    switch (fault.kind) {
      case "unreachable":
        sim.record({ method: "POST", path: "/token", endpoint: "token", status: 0, fault: "unreachable" });
        req.socket.destroy();
        return;
      case "timeout":
        sim.record({ method: "POST", path: "/token", endpoint: "token", status: 0, fault: "timeout" });
        return "hang";
      case "invalid_grant_signature":
        return oauthError("invalid_grant", "Invalid JWT Signature.", fault.kind);
      case "invalid_grant_time":
        return oauthError("invalid_grant", TIME_MESSAGES[sim.options.skewMessage], fault.kind);
      case "unauthorized_client":
        return oauthError("unauthorized_client", "Unauthorized client or scope in request.", fault.kind);
      case "malformed":
        sim.record({ method: "POST", path: "/token", endpoint: "token", status: 200, fault: "malformed" });
        res.writeHead(200, { "content-type": "application/json", ...headers });
        res.end('{"access_token": "ya29.');
        return;
      default:
        if (/^\d+$/.test(fault.kind)) return reply(Number(fault.kind), { error: "internal_failure", error_description: "Backend Error" }, fault.kind);
    }
  }

  const form = new URLSearchParams(await readBody(req));
  if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer") return oauthError("unsupported_grant_type", "Invalid grant_type: " + (form.get("grant_type") ?? ""));
  const assertion = form.get("assertion") ?? "";
  let claims: ReturnType<typeof decodeJwt>;
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(assertion);
    if (header.alg !== "RS256") return oauthError("invalid_grant", "Invalid JWT: the signing algorithm must be RS256.");
    kid = header.kid;
    claims = decodeJwt(assertion);
  } catch {
    return oauthError("invalid_request", "Invalid JWT: the assertion is not a JWT.");
  }
  const found = typeof claims.iss === "string" ? sim.accounts.get(claims.iss) : undefined;
  if (!found) return oauthError("invalid_grant", "Invalid grant: account not found");
  account = found.clientEmail;
  if (sim.options.requireKid && !kid) return oauthError("invalid_grant", "Invalid JWT: the header has no kid.");
  if (kid && found.privateKeyId && kid !== found.privateKeyId) return oauthError("invalid_grant", "Invalid JWT Signature.");
  try {
    // Times are checked below against this server's own clock, with Google's tolerance.
    await jwtVerify(assertion, found.publicKey, { algorithms: ["RS256"], currentDate: new Date((claims.iat ?? 0) * 1000) });
  } catch {
    return oauthError("invalid_grant", "Invalid JWT Signature.");
  }
  if (claims.sub !== undefined) return oauthError("unauthorized_client", "Unauthorized client or scope in request.");
  const scopes = typeof claims.scope === "string" ? claims.scope.split(" ").filter(Boolean) : [];
  if (scopes.length === 0 || scopes.some((s) => !KNOWN_SCOPES.includes(s))) return oauthError("unauthorized_client", "Unauthorized client or scope in request.");
  const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
  if (aud !== tokenUrl && aud !== GOOGLE_AUDIENCE) return oauthError("invalid_grant", "Invalid JWT: Failed audience check.");
  const now = Math.floor(sim.now() / 1000);
  const skew = sim.options.allowedSkewSeconds;
  const { iat, exp } = claims;
  if (typeof iat !== "number" || typeof exp !== "number" || exp - iat > 3600 || exp <= iat || iat > now + skew || exp < now - skew) {
    return oauthError("invalid_grant", TIME_MESSAGES[sim.options.skewMessage]);
  }
  const issued = sim.issueToken(found, scopes);
  return reply(200, { access_token: issued.token, expires_in: issued.expiresIn, token_type: "Bearer" });
}
