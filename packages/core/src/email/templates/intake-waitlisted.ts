import { intakeWaitlisted } from "../contracts/intake-waitlisted";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";

/** The sources of {@link intakeWaitlisted}: subject, HTML and text parts, and sample data. */
export const intakeWaitlistedTemplate = defineTemplate(intakeWaitlisted, {
  subject: "We received your coaching application",
  sample: {
    programName: "Tech Lead Coaching Network",
    clientName: "Sam Rivera",
  },
  html: htmlLayout({
    title: "We received your coaching application",
    audience: "client",
    body: `
<h1 style="${css.h1}">Hi {{{html.clientName}}},</h1>
<p style="${css.p}">Thank you for applying to {{{html.programName}}}. We have your answers and everything we need for now.</p>
<p style="${css.p}">Right now none of our coaches is a good match who also has room for a new client, so we are finding the right person for you rather than suggesting someone who fits less well. As soon as a coach is available who fits your goals and languages, we will email you their details and a link to book a free intro session.</p>
<p style="${css.p}">There is nothing you need to do in the meantime. Thank you for your patience; we will be in touch.</p>
`,
  }),
  text: textLayout({
    audience: "client",
    body: `
Hi {{{text.clientName}}},

Thank you for applying to {{{text.programName}}}. We have your answers and everything we need for now.

Right now none of our coaches is a good match who also has room for a new client, so we are finding the right person for you rather than suggesting someone who fits less well. As soon as a coach is available who fits your goals and languages, we will email you their details and a link to book a free intro session.

There is nothing you need to do in the meantime. Thank you for your patience; we will be in touch.
`,
  }),
});
