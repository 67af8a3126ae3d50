import { adminWaitlistAlert } from "../contracts/admin-waitlist-alert";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";

/** The sources of {@link adminWaitlistAlert}: subject, HTML and text parts, and sample data. */
export const adminWaitlistAlertTemplate = defineTemplate(adminWaitlistAlert, {
  subject: "Client waitlisted: {{{text.clientId}}}",
  sample: {
    programName: "Tech Lead Coaching Network",
    clientId: "cli_01J9ZQ4N6Y3M8K2V5T7W9X1B3C",
    clientName: "Sam Rivera",
    clientEmail: "sam@example.com",
    topics: ["managing-up", "delegation"],
    languages: ["en", "pt"],
    excluded: { inactive: 2, atCapacity: 5, noSharedLanguage: 1 },
  },
  html: htmlLayout({
    title: "Client waitlisted",
    audience: "admin",
    body: `
<h1 style="${css.h1}">A client was waitlisted</h1>
<p style="${css.p}">No coach was eligible for this client, so they were told we are finding the right coach. Consider adding capacity or onboarding a coach who fits.</p>
<table style="${css.table}">
<tr><th style="${css.th}">Client id</th><td style="${css.td}">{{{html.clientId}}}</td></tr>
<tr><th style="${css.th}">Name</th><td style="${css.td}">{{{html.clientName}}}</td></tr>
<tr><th style="${css.th}">Email</th><td style="${css.td}">{{{html.clientEmail}}}</td></tr>
<tr><th style="${css.th}">Topics</th><td style="${css.td}">{{{html.topics}}}</td></tr>
<tr><th style="${css.th}">Languages</th><td style="${css.td}">{{{html.languages}}}</td></tr>
</table>
<h2 style="${css.h2}">Why no coach fit</h2>
<ul style="${css.list}">
<li>Inactive: {{{html.excluded.inactive}}}</li>
<li>At capacity: {{{html.excluded.atCapacity}}}</li>
<li>No shared language: {{{html.excluded.noSharedLanguage}}}</li>
</ul>
`,
  }),
  text: textLayout({
    audience: "admin",
    body: `
A client was waitlisted.

No coach was eligible for this client, so they were told we are finding the right coach. Consider adding capacity or onboarding a coach who fits.

Client id: {{{text.clientId}}}
Name: {{{text.clientName}}}
Email: {{{text.clientEmail}}}
Topics: {{{text.topics}}}
Languages: {{{text.languages}}}

WHY NO COACH FIT
- Inactive: {{{text.excluded.inactive}}}
- At capacity: {{{text.excluded.atCapacity}}}
- No shared language: {{{text.excluded.noSharedLanguage}}}
`,
  }),
});
