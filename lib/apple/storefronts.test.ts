import { describe, expect, it } from "vitest";
import { STOREFRONTS, countryCodeToTerritory, countryName, getStorefront, isStorefront, storefrontForTerritory, territoryToCountryCode } from "./storefronts";

describe("storefronts", () => {
  it("lists the 175 storefronts with territory and English name", () => {
    expect(STOREFRONTS).toHaveLength(175);
    expect(getStorefront("US")).toEqual({ storefront: "us", territory: "USA", name: "United States" });
    expect(getStorefront("xk")).toEqual({ storefront: "xk", territory: "XKS", name: "Kosovo" });
    expect(STOREFRONTS.every((s) => s.name && !/,/.test(s.name))).toBe(true);
    expect(isStorefront("zz")).toBe(false);
    expect(storefrontForTerritory("deu")?.storefront).toBe("de");
    expect(countryName("de")).toBe("Germany");
  });

  it("maps every storefront territory back to its storefront", () => {
    for (const s of STOREFRONTS) expect(territoryToCountryCode(s.territory)).toBe(s.storefront);
  });

  it("maps ASC-only territories and never crashes on unknown codes", () => {
    expect(territoryToCountryCode("XKS")).toBe("xk");
    expect(territoryToCountryCode("GUM")).toBe("gu");
    expect(territoryToCountryCode("ANT")).toBeNull();
    expect(territoryToCountryCode("???")).toBeNull();
    expect(territoryToCountryCode("")).toBeNull();
    expect(territoryToCountryCode(null)).toBeNull();
    expect(countryCodeToTerritory("xk")).toBe("XKS");
  });
});
