import { preworkReminder } from "../contracts/prework-reminder";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";
import { preworkHtml, preworkText } from "../partials";

/** The sources of {@link preworkReminder}: subject, HTML and text parts, and sample data. */
export const preworkReminderTemplate = defineTemplate(preworkReminder, {
  subject: "Tomorrow: {{{text.kindLabel}}}, {{{text.sessionTime}}}",
  sample: {
    programName: "Tech Lead Coaching Network",
    clientName: "Sam Rivera",
    coachName: "Ada Mensah",
    sessionTime: "Wed, 22 May 2024, 17:00 (Europe/Lisbon)",
    kind: "regular",
  },
  html: htmlLayout({
    title: "Your session is tomorrow",
    audience: "client",
    body: `
<h1 style="${css.h1}">Hi {{{html.clientName}}}, see you tomorrow</h1>
<p style="${css.p}">A friendly reminder: your session with {{{html.coachName}}} is on <strong>{{{html.sessionTime}}}</strong>. The call details are in your calendar invitation.</p>
${preworkHtml}
<p style="${css.p}">If something came up and you need to move the session, please use the links in the invitation so your coach knows in good time.</p>
`,
  }),
  text: textLayout({
    audience: "client",
    body: `
Hi {{{text.clientName}}}, see you tomorrow.

A friendly reminder: your session with {{{text.coachName}}} is on {{{text.sessionTime}}}. The call details are in your calendar invitation.

${preworkText.trim()}

If something came up and you need to move the session, please use the links in the invitation so your coach knows in good time.
`,
  }),
});
