import { describe, expect, it } from "vitest";
import { defineContract } from "../../../packages/core/src/email/contract";
import { CONTRACTS } from "../../../packages/core/src/email/contract-registry";
import * as z from "../../../packages/core/src/shared/zod";

describe("template contracts", () => {
  it("build their schema once, when it is first read, not when the contract is declared", () => {
    let builds = 0;
    const contract = defineContract({
      name: "example",
      subjectFields: ["id"],
      schema: () => {
        builds += 1;
        return z.object({ id: z.string() });
      },
    });
    expect(builds).toBe(0);
    expect(contract.name).toBe("example");
    expect(contract.subjectFields).toEqual(["id"]);
    const first = contract.schema;
    expect(contract.schema).toBe(first);
    expect(builds).toBe(1);
    expect(z.safeParse(first, { id: "a" }).success).toBe(true);
  });

  it("each give a working schema", () => {
    for (const contract of CONTRACTS) {
      expect(z.safeParse(contract.schema, {}).success, contract.name).toBe(false);
    }
  });
});
