import { continueCheckin } from "../contracts/continue-checkin";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";

/** The sources of {@link continueCheckin}: subject, HTML and text parts, and sample data. */
export const continueCheckinTemplate = defineTemplate(continueCheckin, {
  subject: "Your starter sessions are complete: how would you like to continue?",
  sample: {
    programName: "Tech Lead Coaching Network",
    clientName: "Sam Rivera",
    coachName: "Ada Mensah",
    continueUrl: "https://app.coachflow.example/engagements/eng_01J9ZQ4N6Y3M8K2V5T7W9X1B3C/continue?t=2b7e",
    endUrl: "https://app.coachflow.example/engagements/eng_01J9ZQ4N6Y3M8K2V5T7W9X1B3C/end?t=2b7e",
  },
  html: htmlLayout({
    title: "How would you like to continue?",
    audience: "client",
    body: `
<h1 style="${css.h1}">Hi {{{html.clientName}}}, seven sessions in</h1>
<p style="${css.p}">You have completed all seven starter sessions with {{{html.coachName}}}. That is a real commitment, and a good moment to pause and look at how it is going.</p>
<p style="${css.p}">Would you like to keep working together? If you continue, your sessions can keep the rhythm you have found, or you and {{{html.coachName}}} can use the next one to rethink the structure so it fits you better. If you would rather wrap up here, that is a perfectly good outcome too.</p>
<p style="${css.p}">There is no wrong answer and no rush. Just pick what feels right:</p>
<p style="${css.p}"><a href="{{{html.continueUrl}}}" style="${css.button}">Yes, let's continue</a></p>
<p style="${css.p}"><a href="{{{html.endUrl}}}" style="${css.button}background:#57534e;">I'd like to wrap up</a></p>
<p style="${css.muted}">Not sure yet? Talk it over with {{{html.coachName}}} in your next conversation and decide afterwards.</p>
`,
  }),
  text: textLayout({
    audience: "client",
    body: `
Hi {{{text.clientName}}}, seven sessions in.

You have completed all seven starter sessions with {{{text.coachName}}}. That is a real commitment, and a good moment to pause and look at how it is going.

Would you like to keep working together? If you continue, your sessions can keep the rhythm you have found, or you and {{{text.coachName}}} can use the next one to rethink the structure so it fits you better. If you would rather wrap up here, that is a perfectly good outcome too.

There is no wrong answer and no rush. Just pick what feels right:

Yes, let's continue:
{{{text.continueUrl}}}

I'd like to wrap up:
{{{text.endUrl}}}

Not sure yet? Talk it over with {{{text.coachName}}} in your next conversation and decide afterwards.
`,
  }),
});
