import { emailSchema } from "../../shared/validators";
import { z } from "../../shared/zod";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";
import { languageList, personName, programNameField, topicList } from "../schemas";

const count = z.int().check(z.minimum(0));

/**
 * To the program admin: a client was waitlisted and why no coach fit. Deliberately carries no
 * free-text answers (background, challenge, goals): name, email, topics and languages only.
 */
export const adminWaitlistAlert = defineTemplate({
  name: "admin-waitlist-alert",
  subject: "Client waitlisted: {{{text.clientId}}}",
  subjectFields: ["clientId"],
  schema: z.object({
    programName: programNameField,
    clientId: z.string().check(z.regex(/^cli_[0-9A-HJKMNP-TV-Z]{26}$/, { message: "must be a client id" })),
    clientName: personName,
    clientEmail: emailSchema,
    topics: topicList,
    languages: languageList,
    /** How many coaches were ruled out for each reason. */
    excluded: z.object({
      inactive: count,
      atCapacity: count,
      noSharedLanguage: count,
    }),
  }),
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
