import { describe, expect, it } from "vitest";
import { classifyAddress } from "./address-policy";

describe("which addresses notifications may go to", () => {
  it.each([
    ["93.184.216.34"],
    ["8.8.8.8"],
    ["2606:4700:4700::1111"],
    ["::ffff:93.184.216.34"],
  ])("%s is public", (address) => {
    expect(classifyAddress(address)).toBe("public");
  });

  it.each([
    ["127.0.0.1"],
    ["127.255.0.9"],
    ["10.1.2.3"],
    ["172.16.0.1"],
    ["172.31.255.254"],
    ["192.168.1.1"],
    ["100.64.0.1"],
    ["::1"],
    ["fc00::1"],
    ["fd12:3456::1"],
    ["::ffff:127.0.0.1"],
    ["::ffff:10.0.0.1"],
  ])("%s is a private network (only with NOTIFICATIONS_ALLOW_PRIVATE_NETWORKS)", (address) => {
    expect(classifyAddress(address)).toBe("private");
  });

  it.each([
    ["0.0.0.0"],
    ["0.1.2.3"],
    ["169.254.169.254"],
    ["::ffff:169.254.169.254"],
    ["224.0.0.1"],
    ["255.255.255.255"],
    ["240.0.0.1"],
    ["192.0.2.10"],
    ["::"],
    ["fe80::1"],
    ["febf::1"],
    ["ff02::1"],
    ["64:ff9b::7f00:1"],
    ["2002:7f00:1::1"],
    ["2001:db8::1"],
    ["::7f00:1"],
  ])("%s is internal (never)", (address) => {
    expect(classifyAddress(address)).toBe("internal");
  });
});
