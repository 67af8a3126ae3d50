import { describe, expect, it } from "vitest";
import { defineContract } from "../../../packages/core/src/email/contract";
import { CONTRACTS } from "../../../packages/core/src/email/contract-registry";
import * as z from "../../../packages/core/src/shared/zod";

describe("template contracts", () => {
  it("carry their name, schema and subject fields (none unless named)", () => {
    const schema = z.object({ id: z.string() });
    const contract = defineContract({ name: "example", subjectFields: ["id"], schema });
    expect(contract).toEqual({ name: "example", schema, subjectFields: ["id"] });
    expect(defineContract({ name: "plain", schema }).subjectFields).toEqual([]);
  });

  it("each give a working schema", () => {
    for (const contract of CONTRACTS) {
      expect(z.safeParse(contract.schema, {}).success, contract.name).toBe(false);
    }
  });
});
