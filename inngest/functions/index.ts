import type { InngestFunction } from "inngest";
import { reviewsFunctions } from "./reviews-sync";

// Every Inngest function Starboard serves; app/api/inngest registers this list.
export const functions: InngestFunction.Any[] = [...reviewsFunctions];
