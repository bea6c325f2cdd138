import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "./client-address";

const headers = (h: Record<string, string>) => new Headers(h);

describe("the client address of a request", () => {
  it("is the socket address the server stamped, whatever X-Forwarded-For or X-Real-IP claim, when no proxy is trusted", () => {
    const h = headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.2" });
    expect(clientAddress(h, 0)).toBe("203.0.113.7");
  });

  it("with one trusted proxy, is the address that proxy appended (the last X-Forwarded-For entry), not one the client wrote before it", () => {
    const h = headers({ [CLIENT_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "1.1.1.1, 198.51.100.9" });
    expect(clientAddress(h, 1)).toBe("198.51.100.9");
  });

  it("with two trusted proxies, skips both of their entries", () => {
    const h = headers({ [CLIENT_ADDRESS_HEADER]: "10.0.0.3", "x-forwarded-for": "6.6.6.6, 198.51.100.9, 10.0.0.2" });
    expect(clientAddress(h, 2)).toBe("198.51.100.9");
  });

  it("with a trusted proxy but no X-Forwarded-For, is the socket address", () => {
    expect(clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: "10.0.0.2" }), 1)).toBe("10.0.0.2");
  });

  it("is 'unknown' when the server stamped nothing and no proxy is trusted", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.1" }), 0)).toBe("unknown");
  });
});
