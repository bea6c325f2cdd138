// /__sim/* — the test-side control API of the Google simulator: JSON in, JSON out.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendJson } from "./http";
import type { GoogleScenario, GoogleSimFaultInput, GoogleSimOptionsInput, SimAccountInput, SimPlayReviewInput } from "./scenario";
import type { GoogleSimState } from "./state";

export async function handleControl(sim: GoogleSimState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? "GET";
  const path = url.pathname.replace(/^\/__sim/, "").replace(/\/+$/, "") || "/";
  const text = method === "GET" || method === "DELETE" ? "" : await readBody(req);
  const ok = (data: unknown = { ok: true }, status = 200) => sendJson(res, status, data);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  try {
    const body: unknown = text.trim() ? JSON.parse(text) : undefined;
    const route = `${method} /${parts.map((p, i) => (i === 1 && (parts[0] === "reviews" || parts[0] === "accounts") ? ":" : p)).join("/")}`;
    switch (route) {
      case "GET /":
      case "GET /state":
        return ok(sim.summary());
      case "POST /scenario":
        sim.loadScenario(body as GoogleScenario);
        return ok(sim.summary());
      case "POST /reset":
        sim.reset();
        return ok();
      case "POST /options":
        return ok(sim.setOptions(body as GoogleSimOptionsInput));
      case "GET /accounts":
        return ok([...sim.accounts.values()].map((a) => ({ clientEmail: a.clientEmail, privateKeyId: a.privateKeyId, keyFile: a.keyFile, packages: a.packages, canReply: a.canReply, bucketAccess: a.bucketAccess, apiEnabled: a.apiEnabled })));
      case "POST /accounts": {
        const a = sim.addAccount(body as SimAccountInput);
        return ok({ clientEmail: a.clientEmail, keyFile: a.keyFile }, 201);
      }
      case "PATCH /accounts/:":
        sim.updateAccount(parts[1], body as Parameters<typeof sim.updateAccount>[1]);
        return ok();
      case "POST /reviews": {
        const { packageName, review } = body as { packageName: string; review: SimPlayReviewInput };
        return ok({ id: sim.upsertReview(packageName, review).id }, 201);
      }
      case "DELETE /reviews/:":
        return ok({ removed: sim.deleteReview(parts[1]) });
      case "POST /objects": {
        const { name, text: content } = body as { name: string; text: string };
        sim.objects.set(name, content);
        return ok({ name }, 201);
      }
      case "POST /tokens/expire":
        sim.expireTokens();
        return ok();
      case "POST /quota/reset":
        sim.resetQuotas();
        return ok();
      case "GET /faults":
        return ok(sim.listFaults());
      case "POST /faults":
        return ok({ id: sim.addFault(body as GoogleSimFaultInput) }, 201);
      case "DELETE /faults":
        sim.clearFaults();
        return ok();
      case "GET /log":
        return ok({ counters: sim.counters, entries: sim.log.slice(-Number(url.searchParams.get("limit") ?? 200)) });
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
