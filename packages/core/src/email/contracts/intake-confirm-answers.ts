import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { linkField, programNameField } from "../schemas";

/**
 * To the address of a known client when someone sent different intake answers with it: nothing
 * changes until its owner confirms through the link (decision 0029). Carries nothing the sender
 * typed, not even the name they gave: the owner reads only what the program wrote.
 */
export const intakeConfirmAnswers = defineContract({
  name: "intake-confirm-answers",
  schema: () =>
    z.object({
      programName: programNameField,
      confirmUrl: linkField,
      /** How long the link works. */
      hours: z.int().check(z.minimum(1), z.maximum(72)),
    }),
});
