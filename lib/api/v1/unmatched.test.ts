import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const call = async (method: string, path: string) => {
  const response = proxy(new NextRequest(`http://starboard.test${path}`, { method }));
  const passed = response.headers.get("x-middleware-next") === "1";
  return { passed, status: response.status, allow: response.headers.get("allow"), body: passed ? null : await response.json() };
};

describe("requests under /api/v1 that no route takes", () => {
  it("an unknown path is a JSON 404 in the API's error shape", async () => {
    for (const path of ["/api/v1/nope", "/api/v1", "/api/v1/reviews/x/replies", "/api/v1/projects"]) {
      expect(await call("GET", path), path).toMatchObject({ passed: false, status: 404, body: { error: { code: "not_found", message: expect.stringContaining("openapi.json") } } });
    }
  });

  it("a wrong method is a JSON 405 naming the methods there are, with Allow", async () => {
    expect(await call("DELETE", "/api/v1/reviews")).toMatchObject({ status: 405, allow: "GET, HEAD, OPTIONS", body: { error: { code: "method_not_allowed", message: "DELETE is not allowed on /api/v1/reviews: use GET." } } });
    expect(await call("GET", "/api/v1/reviews/0b7c/response")).toMatchObject({ status: 405, allow: "PUT, DELETE, OPTIONS" });
    expect(await call("POST", "/api/v1/openapi.json")).toMatchObject({ status: 405, allow: "GET, HEAD, OPTIONS" });
  });

  it("lets every documented operation through to its route", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/reviews"],
      ["HEAD", "/api/v1/reviews"],
      ["PUT", "/api/v1/reviews/0b7c/response"],
      ["DELETE", "/api/v1/reviews/0b7c/response"],
      ["POST", "/api/v1/projects/p1/integrations/app-store-connect/copy"],
      ["GET", "/api/v1/openapi.json"],
      ["OPTIONS", "/api/v1/runs/r1"],
    ]) {
      expect((await call(method, path)).passed, `${method} ${path}`).toBe(true);
    }
  });

  it("leaves the dashboard gate as it was", async () => {
    const response = proxy(new NextRequest("http://starboard.test/dashboard/team"));
    expect(response.headers.get("location")).toBe("http://starboard.test/sign-in?callbackUrl=%2Fdashboard%2Fteam");
  });
});
