import { agendaReminder } from "../contracts/agenda-reminder";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";
import { agendaHtml, agendaText } from "../partials";

/** The sources of {@link agendaReminder}: subject, HTML and text parts, and sample data. */
export const agendaReminderTemplate = defineTemplate(agendaReminder, {
  subject: "Starting soon: {{{text.kindLabel}}}, {{{text.sessionTime}}}",
  sample: {
    programName: "Tech Lead Coaching Network",
    coachName: "Ada Mensah",
    clientName: "Sam Rivera",
    sessionTime: "Tue, 14 May 2024, 18:00 (Europe/Berlin)",
    kind: "intro",
    sessionUrl: "https://app.coachflow.example/app/sessions/ses_01J9ZQ4N6Y3M8K2V5T7W9X1B3C",
    agenda: {
      title: "Intro session",
      sections: [
        { heading: "Build rapport", points: ["How each of you came to the program"] },
        { heading: "Their needs and goals", points: ["Top-of-mind challenge", "What success looks like"] },
        { heading: "How I coach", points: ["Approach, expectations, what the client can expect"] },
        { heading: "Decide together", points: ["Is this a good fit? Next steps"] },
      ],
    },
  },
  html: htmlLayout({
    title: "Your session starts soon",
    audience: "coach",
    body: `
<h1 style="${css.h1}">Hi {{{html.coachName}}}, your session starts in 10 minutes</h1>
<p style="${css.p}">Your session with {{{html.clientName}}} ({{{html.kindLabel}}}) starts at {{{html.sessionTime}}}. Now is a good moment to open the agenda and review it: at least 5 minutes ahead makes for a calmer start.</p>
${agendaHtml}
<p style="${css.p}"><a href="{{{html.sessionUrl}}}" style="${css.button}">Open the session page</a></p>
<p style="${css.muted}">During the session, capture key background, record action items with due dates, and confirm when you meet next.</p>
`,
  }),
  text: textLayout({
    audience: "coach",
    body: `
Hi {{{text.coachName}}}, your session starts in 10 minutes.

Your session with {{{text.clientName}}} ({{{text.kindLabel}}}) starts at {{{text.sessionTime}}}. Now is a good moment to open the agenda and review it: at least 5 minutes ahead makes for a calmer start.

AGENDA: ${agendaText.trim()}

Open the session page (agenda, your talking points, notes):
{{{text.sessionUrl}}}

During the session, capture key background, record action items with due dates, and confirm when you meet next.
`,
  }),
});
