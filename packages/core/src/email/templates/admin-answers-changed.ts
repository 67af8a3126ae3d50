import { adminAnswersChanged } from "../contracts/admin-answers-changed";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";

/** The sources of {@link adminAnswersChanged}: subject, HTML and text parts, and sample data. */
export const adminAnswersChangedTemplate = defineTemplate(adminAnswersChanged, {
  subject: "Client changed their answers: {{{text.clientId}}}",
  sample: {
    programName: "Tech Lead Coaching Network",
    clientId: "cli_01J9ZQ4N6Y3M8K2V5T7W9X1B3C",
    clientName: "Sam Rivera",
    clientEmail: "sam@example.com",
    changed: "top challenge, topics, how often to meet",
    coaches: "Ada Mensah",
  },
  html: htmlLayout({
    title: "Client changed their answers",
    audience: "admin",
    body: `
<h1 style="${css.h1}">A client changed their answers</h1>
<p style="${css.p}">A client whose coaches you chose sent new intake answers and confirmed them from their email address. Their profile is updated; your choice of coaches was kept, so they were not matched again.</p>
<table style="${css.table}">
<tr><th style="${css.th}">Client id</th><td style="${css.td}">{{{html.clientId}}}</td></tr>
<tr><th style="${css.th}">Name</th><td style="${css.td}">{{{html.clientName}}}</td></tr>
<tr><th style="${css.th}">Email</th><td style="${css.td}">{{{html.clientEmail}}}</td></tr>
<tr><th style="${css.th}">Changed</th><td style="${css.td}">{{{html.changed}}}</td></tr>
<tr><th style="${css.th}">Coaches kept</th><td style="${css.td}">{{{html.coaches}}}</td></tr>
</table>
<p style="${css.muted}">If the new answers call for other coaches, choose them again or let the matcher choose (rematch) from the admin API.</p>
`,
  }),
  text: textLayout({
    audience: "admin",
    body: `
A client changed their answers.

A client whose coaches you chose sent new intake answers and confirmed them from their email address. Their profile is updated; your choice of coaches was kept, so they were not matched again.

Client id: {{{text.clientId}}}
Name: {{{text.clientName}}}
Email: {{{text.clientEmail}}}
Changed: {{{text.changed}}}
Coaches kept: {{{text.coaches}}}

If the new answers call for other coaches, choose them again or let the matcher choose (rematch) from the admin API.
`,
  }),
});
