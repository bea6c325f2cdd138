// When storefront after storefront gets no HTTP answer at all (DNS, refused, reset), Apple is not reachable from
// here: a run stops asking, says so, and counts what it did not try, instead of walking 175 storefronts.
import { ItunesRequestError } from "./errors";

/** Storefronts in a row whose calls failed below HTTP before a run takes iTunes Lookup as unreachable. */
export const UNREACHABLE_AFTER_STOREFRONTS = 3;

/** The network-level reason of a failed call, or null when Apple did answer (with an error status) or it timed out. */
export function unreachableDetail(error: unknown): string | null {
  return error instanceof ItunesRequestError && error.kind === "network" ? (error.detail ?? "network error") : null;
}

export class ItunesReachability {
  private streak = 0;
  private lastDetail: string | null = null;

  /** One storefront's result, in the order they finished; a failure with Apple's HTTP answer (networkDetail null) resets the streak. */
  record(result: { answered: true } | { answered: false; networkDetail: string | null }): void {
    if (result.answered || result.networkDetail === null) {
      this.streak = 0;
      return;
    }
    this.streak++;
    this.lastDetail = result.networkDetail;
  }

  get unreachable(): boolean {
    return this.streak >= UNREACHABLE_AFTER_STOREFRONTS;
  }

  /** "iTunes Lookup unreachable: connect ECONNREFUSED 127.0.0.1:9", once unreachable. */
  get reason(): string | null {
    return this.unreachable ? `iTunes Lookup unreachable: ${this.lastDetail}` : null;
  }
}
