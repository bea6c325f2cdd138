// /__sim/* — the test-side control API: JSON in, JSON out.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readJson, sendJson } from "./http";
import type { Scenario, SimAppInput, SimFaultInput, SimKeyInput, SimOptionsInput, SimReviewInput, StorefrontEntry } from "./scenario";
import type { SimState } from "./state";

export async function handleControl(sim: SimState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? "GET";
  const path = url.pathname.replace(/^\/__sim/, "").replace(/\/+$/, "") || "/";
  const body = method === "GET" || method === "DELETE" ? undefined : await readJson(req);
  const ok = (data: unknown = { ok: true }, status = 200) => sendJson(res, status, data);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const route = `${method} /${toPattern(parts).join("/")}`;
  try {
    switch (route) {
      case "GET /state":
      case "GET /":
        return ok(sim.summary());
      case "POST /scenario":
        sim.loadScenario(body as Scenario);
        return ok(sim.summary());
      case "POST /reset":
        sim.reset();
        return ok();
      case "PATCH /options":
      case "POST /options":
        return ok(sim.setOptions(body as SimOptionsInput));
      case "GET /apps":
        return ok(sim.listApps());
      case "POST /apps":
        return ok(sim.addApp(body as SimAppInput), 201);
      case "DELETE /apps/:":
        return ok({ removed: sim.removeApp(Number(parts[1])) });
      case "PUT /apps/:/storefronts/:":
        sim.setRatings(Number(parts[1]), parts[3], body as StorefrontEntry);
        return ok();
      case "POST /day":
      case "POST /day/advance":
        return ok({ day: sim.advanceDay((body as { changes?: never })?.changes) });
      case "GET /keys":
        return ok(sim.keys().map((k) => ({ keyId: k.keyId, issuerId: k.issuerId ?? null, type: k.type, apps: k.apps ?? null, publicKeyPem: k.publicKeyPem, privateKeyPem: k.privateKeyPem ?? null })));
      case "POST /keys": {
        const k = sim.addKey(body as SimKeyInput);
        return ok({ keyId: k.keyId, privateKeyPem: k.privateKeyPem ?? null }, 201);
      }
      case "POST /reviews": {
        const { ascAppId, review } = body as { ascAppId: string; review: SimReviewInput };
        const r = sim.addReview(ascAppId, review);
        return ok({ id: r.id }, 201);
      }
      case "DELETE /reviews/:":
        return ok({ removed: sim.deleteReview(parts[1]) });
      case "DELETE /responses/:":
        return ok({ removed: sim.deleteResponse(parts[1]) });
      case "POST /responses/publish":
        return ok({ published: sim.publishResponses((body as { id?: string } | undefined)?.id) });
      case "GET /faults":
        return ok(sim.listFaults());
      case "POST /faults":
        return ok({ id: sim.addFault(body as SimFaultInput) }, 201);
      case "DELETE /faults":
        sim.clearFaults();
        return ok();
      case "GET /log": {
        const limit = Number(url.searchParams.get("limit") ?? 200);
        return ok({ counters: sim.counters, entries: sim.log.slice(-limit) });
      }
      case "GET /counters":
        return ok(sim.counters);
      case "DELETE /log":
        sim.clearLog();
        return ok();
      default:
        return sendJson(res, 404, { error: `unknown control route ${method} ${path}` });
    }
  } catch (e) {
    return sendJson(res, 400, { error: e instanceof Error ? e.message : String(e) });
  }
}

// Positions that carry ids: /apps/:trackId/storefronts/:code, /reviews/:id, /responses/:id (except /responses/publish).
function toPattern(parts: string[]): string[] {
  return parts.map((p, i) => {
    if (i === 1 && (parts[0] === "apps" || parts[0] === "reviews")) return ":";
    if (i === 1 && parts[0] === "responses" && p !== "publish") return ":";
    if (i === 3 && parts[0] === "apps" && parts[2] === "storefronts") return ":";
    return p;
  });
}
