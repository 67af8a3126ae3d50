import { actionItemReminder } from "../contracts/action-item-reminder";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";
import { slippedHtml, slippedText, unsubscribeHtml, unsubscribeText } from "../partials";

/** The sources of {@link actionItemReminder}: subject, HTML and text parts, and sample data. */
export const actionItemReminderTemplate = defineTemplate(actionItemReminder, {
  subject: "Reminder: an action item is due soon",
  sample: {
    programName: "Tech Lead Coaching Network",
    clientName: "Sam Rivera",
    coachName: "Ada Mensah",
    item: {
      text: "Ask Priya to own the on-call rota for June and agree on how she will check in with you.",
      dueLabel: "Friday, 5 June 2026",
    },
    doneUrl: "https://app.coachflow.example/action-items/act_01J9ZQ4N6Y3M8K2V5T7W9X1B3C/done?t=9f2c",
    unsubscribeUrl: "https://app.coachflow.example/reminders/stop?kind=action-items&t=7c3d",
  },
  html: htmlLayout({
    title: "An action item is due soon",
    audience: "client",
    body: `
<h1 style="${css.h1}">Hi {{{html.clientName}}}, a friendly reminder</h1>
<p style="${css.p}">In your session with {{{html.coachName}}}, you agreed on this action item:</p>
<div style="${css.card}">
<p style="margin:0 0 4px;white-space:pre-line;">{{{html.item.text}}}</p>
<p style="margin:0;color:#57534e;">Due {{{html.item.dueLabel}}}</p>
</div>
<p style="${css.p}">Already done? Well done. Let us know with one click.</p>
<p style="${css.p}"><a href="{{{html.doneUrl}}}" style="${css.button}">Mark as done</a></p>
${slippedHtml}
${unsubscribeHtml}
`,
  }),
  text: textLayout({
    audience: "client",
    body: `
Hi {{{text.clientName}}}, a friendly reminder.

In your session with {{{text.coachName}}}, you agreed on this action item:

- {{{text.item.text}}}
  Due {{{text.item.dueLabel}}}

Already done? Well done. Let us know with one click.

Mark as done:
{{{text.doneUrl}}}

${slippedText.trim()}

${unsubscribeText.trim()}
`,
  }),
});
