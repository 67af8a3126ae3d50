import { finishNudge } from "../contracts/finish-nudge";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";

/** The sources of {@link finishNudge}: subject, HTML and text parts, and sample data. */
export const finishNudgeTemplate = defineTemplate(finishNudge, {
  subject: "Please finish your meeting: {{{text.kindLabel}}}, {{{text.sessionTime}}}",
  sample: {
    programName: "Tech Lead Coaching Network",
    coachName: "Ada Mensah",
    clientName: "Sam Rivera",
    sessionTime: "Tue, 14 May 2024, 18:00 (Europe/Berlin)",
    kind: "regular",
    finishUrl: "https://app.coachflow.example/app/sessions/ses_01J9ZQ4N6Y3M8K2V5T7W9X1B3C/finish",
  },
  html: htmlLayout({
    title: "Please finish your meeting",
    audience: "coach",
    body: `
<h1 style="${css.h1}">Hi {{{html.coachName}}}, one last step</h1>
<p style="${css.p}">Your session with {{{html.clientName}}} on {{{html.sessionTime}}} is not finished yet. Finishing the meeting takes a couple of minutes:</p>
<ul style="${css.list}">
<li>record the key takeaways</li>
<li>add the action items, each with a due date</li>
<li>set the next step, such as the next session</li>
</ul>
<p style="${css.p}">Once you finish, {{{html.clientName}}} receives a follow-up with the takeaways and action items, and for recurring sessions the next one is set up. Your private notes stay private.</p>
<p style="${css.p}"><a href="{{{html.finishUrl}}}" style="${css.button}">Finish the meeting</a></p>
`,
  }),
  text: textLayout({
    audience: "coach",
    body: `
Hi {{{text.coachName}}}, one last step.

Your session with {{{text.clientName}}} on {{{text.sessionTime}}} is not finished yet. Finishing the meeting takes a couple of minutes:
- record the key takeaways
- add the action items, each with a due date
- set the next step, such as the next session

Once you finish, {{{text.clientName}}} receives a follow-up with the takeaways and action items, and for recurring sessions the next one is set up. Your private notes stay private.

Finish the meeting:
{{{text.finishUrl}}}
`,
  }),
});
