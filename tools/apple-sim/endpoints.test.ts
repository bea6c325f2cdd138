// The extension point: a family defined outside families.ts brings its endpoints, faults and control routes,
// and the fault rules refuse what could never fire.
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { Created, defineFamily, type Protocol } from "./endpoints";
import { simFamilies } from "./families";
import { startAppleSim, type RunningAppleSim } from "./index";
import { itunesFamily } from "./itunes/lookup";
import { defineFaults } from "./model/faults";

const echoed: string[] = [];
const echoProtocol: Protocol<{ caller: string }> = {
  failure: (call, kind) => call.json(kind === "agreement" ? 403 : Number(kind), { problem: `echo failed (${kind})` }),
  truncated: '{"echo":',
  admit(call) {
    const caller = call.req.headers["x-caller"];
    if (typeof caller === "string") return { caller };
    call.json(401, { problem: "who is calling?" });
    return null;
  },
  unknown: { owns: (p) => p.startsWith("/echo/"), endpoint: "echo.unknown", answer: (call) => call.json(404, { problem: "no such echo" }) },
};
const echoFamily = defineFamily({
  name: "echo",
  protocol: echoProtocol,
  faults: defineFaults({ endpoints: ["echo.word"], data: { shout: ["echo.word"] }, fields: { word: z.string().optional() }, targets: { word: ["echo.word"] } }),
  endpoints: [
    {
      id: "echo.word",
      methods: ["GET"],
      path: /^\/echo\/([^/]+)$/,
      target: (call) => ({ word: call.params[0] }),
      handle(call, { caller }) {
        const word = call.fault?.kind === "shout" ? call.params[0].toUpperCase() : call.params[0];
        echoed.push(word);
        call.json(200, { word, caller });
      },
    },
  ],
  control: { "GET /echoed": () => echoed, "DELETE /echoed": () => new Created({ cleared: echoed.splice(0).length }) },
});

let apple: RunningAppleSim | undefined;
afterEach(async () => {
  await apple?.stop();
  apple = undefined;
  echoed.length = 0;
});

const get = async (path: string, headers: Record<string, string> = { "x-caller": "test" }) => {
  const res = await fetch(`${apple!.url}${path}`, { headers });
  return { status: res.status, json: await res.json() };
};
const control = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${apple!.url}/__sim${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
};

describe("endpoint families", () => {
  it("serves a new family's endpoints, data faults, failures and control routes next to Apple's", async () => {
    apple = await startAppleSim({ families: [...simFamilies, echoFamily], scenario: { apps: [{ trackId: 1, bundleId: "b", name: "N", storefronts: { us: { averageRating: 4, ratingCount: 1 } } }] } });
    expect(await get("/echo/hi")).toEqual({ status: 200, json: { word: "hi", caller: "test" } });
    expect(await get("/echo/hi", {})).toEqual({ status: 401, json: { problem: "who is calling?" } });
    expect((await get("/echo/a/b")).status).toBe(404);

    expect((await control("POST", "/faults", { endpoint: "echo.word", kind: "shout", word: "hi" })).status).toBe(201);
    expect((await get("/echo/hi")).json.word).toBe("HI");
    expect((await get("/echo/ho")).json.word).toBe("ho");
    await control("POST", "/faults", { endpoint: "echo.word", kind: 503, count: 1 });
    expect(await get("/echo/ho")).toEqual({ status: 503, json: { problem: "echo failed (503)" } });

    expect((await control("GET", "/echoed")).json).toEqual(["hi", "HI", "ho"]);
    expect(await control("DELETE", "/echoed")).toEqual({ status: 201, json: { cleared: 3 } });
    expect(apple.sim.log.map((e) => [e.endpoint, e.status, e.fault ?? null])).toEqual([
      ["echo.word", 200, null],
      ["echo.word", 401, null],
      ["echo.unknown", 404, null],
      ["echo.word", 200, "shout"],
      ["echo.word", 200, null],
      ["echo.word", 503, "503"],
    ]);
    expect((await fetch(`${apple.url}/lookup?country=us&id=1`)).status).toBe(200);
  });

  it("refuses faults that could never fire, saying why", async () => {
    apple = await startAppleSim({ families: [...simFamilies, echoFamily] });
    const refused = async (fault: unknown, message: RegExp) => {
      const res = await control("POST", "/faults", fault);
      expect(res.status).toBe(400);
      expect(res.json.error).toMatch(message);
    };
    await refused({ endpoint: "asc.reviews", kind: 500, storefront: "de" }, /storefront/);
    await refused({ endpoint: "asc.review", kind: 500, app: "A1" }, /app limits faults on asc\.reviews only/);
    await refused({ endpoint: "echo.word", kind: "non_numeric" }, /kind/);
    await refused({ endpoint: "itunes.lookup", kind: "shout" }, /kind/);
    await refused({ endpoint: "nope", kind: 500 }, /unknown fault endpoint "nope"; known: itunes\.lookup, .*echo\.word/);
    expect((await control("GET", "/faults")).json).toEqual([]);
  });

  it("will not let two families claim one endpoint", async () => {
    await expect(startAppleSim({ families: [itunesFamily, itunesFamily] })).rejects.toThrow("two fault rules for endpoint itunes.lookup");
  });
});
