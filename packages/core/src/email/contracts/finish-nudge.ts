import { defineContract } from "../contract";
import { linkField, sessionEmailSchema } from "../schemas";

/** To the coach 2 hours after a session that is not finished yet: please finish the meeting. */
export const finishNudge = defineContract({
  name: "finish-nudge",
  subjectFields: ["kindLabel", "sessionTime"],
  // The session time is formatted in the reader's time zone.
  schema: () =>
    sessionEmailSchema({
      finishUrl: linkField,
    }),
});
