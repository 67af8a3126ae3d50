import { createHash } from "node:crypto";
import { stableJson } from "../shared/stable-json";
import type { IntakeInput } from "./schema";

/** A stable hash of the (already normalized) intake answers: equal answers, equal hash. */
export function answersHash(input: IntakeInput): string {
  return createHash("sha256").update(stableJson(input)).digest("hex");
}
