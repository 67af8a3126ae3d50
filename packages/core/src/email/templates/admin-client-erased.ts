import { adminClientErased } from "../contracts/admin-client-erased";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";

/** The sources of {@link adminClientErased}: subject, HTML and text parts, and sample data. */
export const adminClientErasedTemplate = defineTemplate(adminClientErased, {
  subject: "A client erased their data",
  sample: {
    programName: "Tech Lead Coaching Network",
    clientId: "cli_01J9Z3V8Q6W4XK2M5N7P8R9S0T",
    erasedAt: "2024-05-14T16:00:00Z",
  },
  html: htmlLayout({
    title: "A client erased their data",
    audience: "admin",
    body: `
<h1 style="${css.h1}">A client erased their data</h1>
<p style="${css.p}">A client confirmed the erasure of their data through the "your data" link in one of their emails. Everything the program held about them is gone: their profile, sessions, action items, emails log and booking deliveries, and their pending reminders. Only the id below and the time are kept, so that old links and reminders do nothing.</p>
<table style="${css.table}">
<tr><th style="${css.th}">Client id</th><td style="${css.td}">{{{html.clientId}}}</td></tr>
<tr><th style="${css.th}">Erased at</th><td style="${css.td}">{{{html.erasedAt}}}</td></tr>
</table>
<p style="${css.muted}">Nothing is needed from you, unless records outside coachflow (invoices, calendars) name this client.</p>
`,
  }),
  text: textLayout({
    audience: "admin",
    body: `
A client erased their data.

A client confirmed the erasure of their data through the "your data" link in one of their emails. Everything the program held about them is gone: their profile, sessions, action items, emails log and booking deliveries, and their pending reminders. Only the id below and the time are kept, so that old links and reminders do nothing.

Client id: {{{text.clientId}}}
Erased at: {{{text.erasedAt}}}

Nothing is needed from you, unless records outside coachflow (invoices, calendars) name this client.
`,
  }),
});
