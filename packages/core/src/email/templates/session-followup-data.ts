import { text } from "../../shared/validators";
import { z } from "../../shared/zod";
import {
  actionItemSchema,
  checkStarterNumber,
  dateLabelField,
  linkField,
  personName,
  programNameField,
  sessionKindShape,
  sessionTimeField,
  systemText,
  withKindLabel,
} from "../schemas";

/** What comes after the session; the coach chose it when finishing the meeting (seed 001). */
const nextSchema = z.discriminatedUnion("type", [
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

type NextStep = z.output<typeof nextSchema>;

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

const sessionFollowupFields = z
  .object({
    programName: programNameField,
    clientName: personName,
    coachName: personName,
    /** Formatted in the client's time zone. */
    sessionTime: sessionTimeField,
    ...sessionKindShape,
    takeaways: z.array(text(500)).check(z.maxLength(20)),
    actionItems: z.array(actionItemSchema).check(z.maxLength(50)),
    next: nextSchema,
  })
  .check(z.superRefine(checkStarterNumber));

export const sessionFollowupSchema = z.pipe(
  sessionFollowupFields,
  z.transform((value: z.output<typeof sessionFollowupFields>) => withNextFlags(withKindLabel(value))),
);

export const sessionFollowupSample: z.input<typeof sessionFollowupSchema> = {
  programName: "Tech Lead Coaching Network",
  clientName: "Sam Rivera",
  coachName: "Ada Mensah",
  sessionTime: "Tue, 2 June 2026, 17:00 (Europe/Lisbon)",
  kind: "starter",
  starterNumber: 3,
  takeaways: [
    "Delegating the on-call rota is less about the rota and more about trusting the team with a decision.",
    "Saying “not this sprint” to your manager is a way of protecting the team's focus, not a refusal.",
  ],
  actionItems: [
    {
      text: "Ask Priya to own the on-call rota for June and agree on how she will check in with you.",
      dueDate: "2026-06-05",
      dueLabel: "Friday, 5 June 2026",
      doneUrl: "https://app.coachflow.example/action-items/act_01J9ZQ4N6Y3M8K2V5T7W9X1B3C/done?t=9f2c",
    },
    {
      text: "Write down three moments this week where you held back in a meeting, and what stopped you.",
      dueDate: "2026-06-12",
      dueLabel: "Friday, 12 June 2026",
      doneUrl: "https://app.coachflow.example/action-items/act_01J9ZQ4N6Y3M8K2V5T7W9X1B3D/done?t=4e1a",
    },
  ],
  next: {
    type: "recurring",
    cadenceLabel: "every two weeks",
    suggestedDateLabel: "Tuesday, 16 June 2026",
    bookingUrl: "https://cal.com/ada-mensah/session?name=Sam%20Rivera&email=sam%40example.com",
  },
};
