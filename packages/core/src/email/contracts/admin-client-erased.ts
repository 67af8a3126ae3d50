import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { programNameField } from "../schemas";

/** To the program admin: a client erased their data through their "your data" link (0026). */
export const adminClientErased = defineContract({
  name: "admin-client-erased",
  subjectFields: [],
  schema: () =>
    z.object({
      programName: programNameField,
      /** The erased client's id: all that is left of them (the tombstone). */
      clientId: z.string().check(z.regex(/^cli_[0-9A-Z]{26}$/)),
      /** When, as an ISO 8601 timestamp. */
      erasedAt: z.iso.datetime({ offset: true }),
    }),
});
