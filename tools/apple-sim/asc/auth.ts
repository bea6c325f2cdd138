// App Store Connect's bearer tokens: ES256 JWTs signed with a key whose id is the header's kid, audience
// appstoreconnect-v1, at most 20 minutes long; team keys name their issuer, individual keys are sub "user".
import { decodeProtectedHeader, jwtVerify, type JWTPayload } from "jose";
import type { ApiKeys, SimKey } from "../model/api-keys";

type Auth = { key: SimKey } | { error: string };

/** Checks a bearer token the way App Store Connect does; the key it was signed with, or why it is refused. */
export async function authenticate(keys: ApiKeys, header: string | undefined): Promise<Auth> {
  const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : null;
  if (!token) return { error: "Authentication credentials are missing or invalid." };
  let kid: string | undefined;
  try {
    const h = decodeProtectedHeader(token);
    if (h.alg !== "ES256") return { error: "The token must be signed with ES256." };
    kid = h.kid;
  } catch {
    return { error: "The token is not a JWT." };
  }
  const key = kid ? keys.get(kid) : undefined;
  if (!key) return { error: "No key matches the token's kid." };
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key.publicKey, { algorithms: ["ES256"], audience: "appstoreconnect-v1" }));
  } catch {
    return { error: "The token signature, audience or expiry is invalid." };
  }
  if (typeof payload.iat !== "number" || typeof payload.exp !== "number") return { error: "iat and exp are required." };
  if (payload.exp - payload.iat > 20 * 60) return { error: "The token lifetime must not exceed 20 minutes." };
  if (key.type === "team" && (!payload.iss || payload.iss !== key.issuerId)) return { error: "The issuer does not match the key." };
  if (key.type === "individual" && (payload.sub !== "user" || payload.iss !== undefined)) {
    return { error: "Individual keys need sub \"user\" and no iss." };
  }
  return { key };
}
