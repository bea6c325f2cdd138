// The dispatcher against a real HTTP receiver standing in for Inngest's event API, and against a refused port.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EVENTS } from "@/inngest/events";
import { withConfig } from "@/lib/env";
import { unreachableLoopbackUrl } from "@/test/unreachable";
import { dispatch, settleBackgroundWork } from "./dispatch";
import { defineWork } from "./work";

const ran: string[] = [];
const failedWith: string[] = [];
const work = defineWork({
  event: EVENTS.notificationsDeliverRequested,
  run: async ({ dedupeKey }, steps) => {
    await steps.sleep("wait", 5);
    ran.push(await steps.run("step", async () => dedupeKey));
    if (dedupeKey === "boom") throw new Error("it broke");
  },
  failed: async ({ dedupeKey }, error) => {
    failedWith.push(`${dedupeKey}: ${error.message}`);
  },
});

let inngest: http.Server;
let inngestUrl: string;
const received: { url: string; body: unknown }[] = [];
beforeAll(async () => {
  inngest = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ url: req.url ?? "", body: JSON.parse(body) });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ids: ["01J0000000000000000000000"], status: 200 }));
    });
  });
  await new Promise<void>((resolve) => inngest.listen(0, "127.0.0.1", resolve));
  inngestUrl = `http://127.0.0.1:${(inngest.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => inngest.close(() => resolve())));
beforeEach(() => {
  ran.length = 0;
  failedWith.length = 0;
  received.length = 0;
});

describe("dispatch", () => {
  it("without Inngest runs the work in this process, in the background, and settle waits for it", async () => {
    expect(await dispatch(work, { dedupeKey: "a" })).toBe("in-process");
    expect(ran).toEqual([]);
    await settleBackgroundWork();
    expect(ran).toEqual(["a"]);
  });

  it("records what an in-process run could not finish", async () => {
    await dispatch(work, { dedupeKey: "boom" });
    await settleBackgroundWork();
    expect(failedWith).toEqual(["boom: it broke"]);
  });

  it("sends the event to Inngest when it is configured and accepts it", async () => {
    await withConfig({ env: { INNGEST_DEV: "1", INNGEST_BASE_URL: inngestUrl } }, async () => {
      expect(await dispatch(work, { dedupeKey: "sent" })).toBe("inngest");
    });
    await settleBackgroundWork();
    expect(ran).toEqual([]);
    expect(received).toHaveLength(1);
    expect(JSON.stringify(received[0].body)).toContain('"name":"notifications/deliver.requested"');
    expect(JSON.stringify(received[0].body)).toContain('"dedupeKey":"sent"');
  });

  it("runs the work in-process when the configured Inngest cannot be reached", async () => {
    const refused = await unreachableLoopbackUrl();
    await withConfig({ env: { INNGEST_DEV: "1", INNGEST_BASE_URL: refused } }, async () => {
      expect(await dispatch(work, { dedupeKey: "fallback" })).toBe("in-process");
    });
    await settleBackgroundWork();
    expect(ran).toEqual(["fallback"]);
  });

  it("refuses a payload its event's schema does not accept, before anything is sent or run", async () => {
    await expect(dispatch(work, { dedupeKey: "" })).rejects.toThrow();
    await settleBackgroundWork();
    expect(ran).toEqual([]);
  });
});
