// Host name resolution for integration tests: answers from a table, so no DNS query ever leaves the machine.
// test/setup-integration.ts installs it for every test file; a test adds the names it needs.
const table = new Map<string, string[]>();

export const testHosts = {
  /** Every name asked for, in order. */
  lookups: [] as string[],
  set(name: string, addresses: string[]) {
    table.set(name.toLowerCase(), addresses);
  },
  delete(name: string) {
    table.delete(name.toLowerCase());
  },
  async resolve(name: string): Promise<string[]> {
    testHosts.lookups.push(name);
    const addresses = table.get(name.toLowerCase());
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: "ENOTFOUND" });
    return addresses;
  },
};
