import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { linkField, programNameField } from "../schemas";

/** To an address of ADMIN_EMAILS that asked to sign in to the admin console (decision 0033). */
export const adminSignIn = defineContract({
  name: "admin-sign-in",
  schema: () =>
    z.object({
      programName: programNameField,
      signInUrl: linkField,
      minutes: z.int().check(z.minimum(1), z.maximum(60)),
    }),
});
