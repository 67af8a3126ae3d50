import { sessionFollowup } from "../contracts/session-followup";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";
import { slippedHtml, slippedText } from "../partials";
import { sessionFollowupSample } from "./session-followup-sample";

/** The sources of {@link sessionFollowup}: subject, HTML and text parts, and sample data. */
export const sessionFollowupTemplate = defineTemplate(sessionFollowup, {
  subject: "Thank you for today's session",
  sample: sessionFollowupSample,
  html: htmlLayout({
    title: "Thank you for today's session",
    audience: "client",
    body: `
<h1 style="${css.h1}">Thank you, {{{html.clientName}}}</h1>
<p style="${css.muted}">{{{html.kindLabel}}} with {{{html.coachName}}} · {{{html.sessionTime}}}</p>
<p style="${css.p}">{{{html.intro}}}</p>
{{#if html.skill}}
<p style="${css.p}">The skill you explored today: <strong>{{{html.skill}}}</strong>.</p>
{{/if}}
{{#if html.takeaways}}
<h2 style="${css.h2}">Key takeaways</h2>
<ul style="${css.list}">
{{#each html.takeaways}}
<li style="white-space:pre-line;">{{{this}}}</li>
{{/each}}
</ul>
{{/if}}
{{#if html.actionItems}}
<h2 style="${css.h2}">Your action items</h2>
<p style="${css.p}">What you agreed to work on before the next session. Mark each one as done when you have finished it.</p>
{{#each html.actionItems}}
<div style="${css.card}">
<p style="margin:0 0 4px;white-space:pre-line;">{{{text}}}</p>
<p style="margin:0;color:#57534e;">Due <time datetime="{{{dueDate}}}">{{{dueLabel}}}</time> · <a href="{{{doneUrl}}}">Mark as done</a></p>
</div>
{{/each}}
${slippedHtml}
{{/if}}
<h2 style="${css.h2}">What comes next</h2>
{{#if html.next.isRecurring}}
<p style="${css.p}">You meet {{{html.coachName}}} {{{html.next.cadenceLabel}}}, so please book your next session for around <strong>{{{html.next.suggestedDateLabel}}}</strong>.</p>
<p style="${css.p}"><a href="{{{html.next.bookingUrl}}}" style="${css.button}">Book your next session</a></p>
{{/if}}
{{#if html.next.isAdHoc}}
<p style="${css.p}">If you would like to keep this momentum going, have a look at the monthly coaching package: a steady rhythm of sessions with {{{html.coachName}}}, so the next conversation is always on the calendar and your action items get a regular check-in. No rush; it is there whenever it suits you.</p>
<p style="${css.p}"><a href="{{{html.next.monthlyPackageUrl}}}" style="${css.button}">See the monthly package</a></p>
{{/if}}
{{#if html.next.isEnd}}
<p style="${css.p}">This was your last session together for now. Thank you for your trust and for the work you put in between sessions. Keep going with what you have started, and if you would like coaching again later, simply reply to this email.</p>
{{/if}}
`,
  }),
  text: textLayout({
    audience: "client",
    body: `
Thank you, {{{text.clientName}}}.

{{{text.kindLabel}}} with {{{text.coachName}}} · {{{text.sessionTime}}}

{{{text.intro}}}
{{#if text.skill}}

The skill you explored today: {{{text.skill}}}.
{{/if}}
{{#if text.takeaways}}

KEY TAKEAWAYS
{{#each text.takeaways}}
- {{{this}}}
{{/each}}
{{/if}}
{{#if text.actionItems}}

YOUR ACTION ITEMS
What you agreed to work on before the next session. Mark each one as done when you have finished it.
{{#each text.actionItems}}

- {{{text}}}
  Due {{{dueLabel}}}. Mark as done:
  {{{doneUrl}}}
{{/each}}

${slippedText.trim()}
{{/if}}

WHAT COMES NEXT
{{#if text.next.isRecurring}}
You meet {{{text.coachName}}} {{{text.next.cadenceLabel}}}, so please book your next session for around {{{text.next.suggestedDateLabel}}}.

Book your next session:
{{{text.next.bookingUrl}}}
{{/if}}
{{#if text.next.isAdHoc}}
If you would like to keep this momentum going, have a look at the monthly coaching package: a steady rhythm of sessions with {{{text.coachName}}}, so the next conversation is always on the calendar and your action items get a regular check-in. No rush; it is there whenever it suits you.

See the monthly package:
{{{text.next.monthlyPackageUrl}}}
{{/if}}
{{#if text.next.isEnd}}
This was your last session together for now. Thank you for your trust and for the work you put in between sessions. Keep going with what you have started, and if you would like coaching again later, simply reply to this email.
{{/if}}
`,
  }),
});
