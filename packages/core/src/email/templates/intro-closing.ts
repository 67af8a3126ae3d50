import { introClosing } from "../contracts/intro-closing";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";

/** The sources of {@link introClosing}: subject, HTML and text parts, and sample data. */
export const introClosingTemplate = defineTemplate(introClosing, {
  subject: "Thank you for your intro session",
  sample: {
    programName: "Tech Lead Coaching Network",
    clientName: "Sam Rivera",
    coachName: "Ada Mensah",
    applyUrl: "https://coachflow.example/apply",
  },
  html: htmlLayout({
    title: "Thank you for your intro session",
    audience: "client",
    body: `
<h1 style="${css.h1}">Hi {{{html.clientName}}},</h1>
<p style="${css.p}">Thank you for taking the time to meet {{{html.coachName}}} and for sharing what is on your mind. That takes openness, and it is appreciated.</p>
<p style="${css.p}">After your conversation, {{{html.coachName}}} feels that another coach would be a better match for what you are looking for, so you will not be continuing together. This is about fit, not about you: coaching works best when the pairing is right, and an intro session is there to find that out.</p>
<h2 style="${css.h2}">Finding another coach</h2>
<p style="${css.p}">We would be glad to suggest other coaches who suit your goals. Just reply to this email and we will send you new recommendations{{#if html.applyUrl}}, or <a href="{{{html.applyUrl}}}">apply again</a> with anything you would like to add{{/if}}.</p>
<p style="${css.p}">We wish you all the best, and we hope to hear from you.</p>
`,
  }),
  text: textLayout({
    audience: "client",
    body: `
Hi {{{text.clientName}}},

Thank you for taking the time to meet {{{text.coachName}}} and for sharing what is on your mind. That takes openness, and it is appreciated.

After your conversation, {{{text.coachName}}} feels that another coach would be a better match for what you are looking for, so you will not be continuing together. This is about fit, not about you: coaching works best when the pairing is right, and an intro session is there to find that out.

FINDING ANOTHER COACH
We would be glad to suggest other coaches who suit your goals. Just reply to this email and we will send you new recommendations{{#if text.applyUrl}}, or apply again with anything you would like to add:
{{{text.applyUrl}}}
{{else}}.
{{/if}}

We wish you all the best, and we hope to hear from you.
`,
  }),
});
