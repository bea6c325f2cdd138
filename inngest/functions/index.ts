import type { InngestFunction } from "inngest";

// Every Inngest function Starboard serves; app/api/inngest registers this list.
export const functions: InngestFunction.Any[] = [];
