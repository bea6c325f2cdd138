/** "network": no HTTP answer at all (DNS failure, connection refused or reset): Apple is not reachable from here. */
export type ItunesErrorKind = "throttled" | "server" | "timeout" | "network" | "bad_response" | "http";

export class ItunesRequestError extends Error {
  override readonly name: string = "ItunesRequestError";
  constructor(
    message: string,
    readonly kind: ItunesErrorKind,
    readonly status: number | null,
    readonly storefront: string,
    readonly attempts: number,
    /** What the network layer said for kind "network", e.g. "connect ECONNREFUSED 127.0.0.1:9". */
    readonly detail: string | null = null,
  ) {
    super(message);
  }
}

/** Apple answered 400 for the storefront code: retrying will not help. */
export class ItunesUnknownStorefrontError extends ItunesRequestError {
  override readonly name = "ItunesUnknownStorefrontError";
  constructor(storefront: string) {
    super(`iTunes Lookup does not know the storefront "${storefront}"`, "http", 400, storefront, 1);
  }
}
