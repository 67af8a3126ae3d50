import { text } from "../../shared/validators";
import * as z from "../../shared/zod";
import { defineContract } from "../contract";
import { actionItemSchema, dateLabelField, linkField, sessionEmailSchema, systemText } from "../schemas";

/** What comes after the session; the coach chose it when finishing the meeting (seed 001). */
const nextSchema = () =>
  z.discriminatedUnion("type", [
    z.object({
      type: z.literal("recurring"),
      /** How often they meet, as a phrase: "every two weeks". */
      cadenceLabel: systemText(80),
      /** Formatted for the client: "Friday, 19 June 2026". */
      suggestedDateLabel: dateLabelField,
      bookingUrl: linkField,
    }),
    z.object({ type: z.literal("ad-hoc"), monthlyPackageUrl: linkField }),
    z.object({ type: z.literal("end") }),
  ]);

type NextStep = z.output<ReturnType<typeof nextSchema>>;

/** Handlebars has no equality helper in SES, so the template branches on one flag per variant. */
function withNextFlags<T extends { next: NextStep }>(value: T) {
  const { type } = value.next;
  return {
    ...value,
    next: {
      ...value.next,
      isRecurring: type === "recurring",
      isAdHoc: type === "ad-hoc",
      isEnd: type === "end",
    },
  };
}

/** The session fields every session email has (the time in the client's zone), then the follow-up's own. */
function sessionFollowupSchema() {
  return z.pipe(
    sessionEmailSchema({
      /** The program's opening paragraph (its settings' `emailCopy.followupIntro`). */
      intro: text(1000),
      /** The skill of the program's framework explored in the session, when the coach recorded one. */
      skill: z.optional(text(200)),
      takeaways: z.array(text(500)).check(z.maxLength(20)),
      actionItems: z.array(actionItemSchema).check(z.maxLength(50)),
      next: nextSchema(),
    }),
    z.transform(withNextFlags),
  );
}

/**
 * To the client once the coach finishes a session (seed 001, follow-up): thanks, the key takeaways,
 * the action items with due dates and a "Mark as done" link each, and the next step. Never coach notes.
 */
export const sessionFollowup = defineContract({
  name: "session-followup",
  schema: sessionFollowupSchema,
});
