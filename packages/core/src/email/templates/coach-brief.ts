import { coachBrief } from "../contracts/coach-brief";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";
import { agendaHtml, agendaText } from "../partials";
import { coachBriefSample } from "./coach-brief-sample";

/** The sources of {@link coachBrief}: subject, HTML and text parts, and sample data. */
export const coachBriefTemplate = defineTemplate(coachBrief, {
  subject: "Coach brief: {{{text.kindLabel}}}, {{{text.sessionTime}}}",
  sample: coachBriefSample,
  html: htmlLayout({
    title: "Coach brief",
    audience: "coach",
    body: `
<h1 style="${css.h1}">Hi {{{html.coachName}}}, here is your brief</h1>
<p style="${css.p}"><strong>{{{html.kindLabel}}}</strong> with <strong>{{{html.client.name}}}</strong>, {{{html.sessionTime}}}.</p>
{{#if html.isIntro}}
<p style="${css.muted}">This is a first conversation: build rapport, understand their needs, and both decide whether you are a good fit.</p>
{{/if}}
{{#if html.bookingAnswers}}
<h2 style="${css.h2}">What they wrote when booking</h2>
{{#each html.bookingAnswers}}
<p style="margin:0 0 4px;font-weight:600;">{{{question}}}</p>
<p style="${css.p}white-space:pre-line;">{{{answer}}}</p>
{{/each}}
{{/if}}
<h2 style="${css.h2}">About {{{html.client.name}}}</h2>
<table style="${css.table}">
<tr><th style="${css.th}">Role</th><td style="${css.td}">{{{html.client.role}}}{{#if html.client.seniority}} ({{{html.client.seniority}}}){{/if}}</td></tr>
{{#if html.client.team}}
<tr><th style="${css.th}">Team</th><td style="${css.td}">{{{html.client.team}}}</td></tr>
{{/if}}
<tr><th style="${css.th}">Company</th><td style="${css.td}">{{{html.client.company}}}</td></tr>
</table>
<p style="margin:0 0 4px;font-weight:600;">Background</p>
<p style="${css.p}white-space:pre-line;">{{{html.client.background}}}</p>
<p style="margin:0 0 4px;font-weight:600;">Top-of-mind challenge</p>
<p style="${css.p}white-space:pre-line;">{{{html.client.challenge}}}</p>
{{#if html.client.goals}}
<p style="margin:0 0 4px;font-weight:600;">Goals in their words</p>
<p style="${css.p}white-space:pre-line;">{{{html.client.goals}}}</p>
{{/if}}
<h2 style="${css.h2}">Coaching preferences</h2>
<table style="${css.table}">
<tr><th style="${css.th}">Topics</th><td style="${css.td}">{{{html.preferences.topics}}}</td></tr>
<tr><th style="${css.th}">Languages</th><td style="${css.td}">{{{html.preferences.languages}}}</td></tr>
{{#if html.preferences.style}}
<tr><th style="${css.th}">Style</th><td style="${css.td}">{{{html.preferences.style}}}</td></tr>
{{/if}}
<tr><th style="${css.th}">Cadence</th><td style="${css.td}">{{{html.preferences.cadence}}}</td></tr>
</table>
{{#if html.smartGoals}}
<h2 style="${css.h2}">Documented SMART goals</h2>
<ul style="${css.list}">
{{#each html.smartGoals}}
<li>{{{text}}}. Measure: {{{measure}}}. By {{{targetDate}}}.</li>
{{/each}}
</ul>
{{/if}}
${agendaHtml}
<p style="${css.muted}">Add your own talking points where your experience meets their challenge, and review the agenda at least 5 minutes before you start.</p>
<p style="${css.p}"><a href="{{{html.sessionUrl}}}" style="${css.button}">Prepare on the session page</a></p>
`,
  }),
  text: textLayout({
    audience: "coach",
    body: `
Hi {{{text.coachName}}}, here is your brief.

{{{text.kindLabel}}} with {{{text.client.name}}}, {{{text.sessionTime}}}.
{{#if text.isIntro}}
This is a first conversation: build rapport, understand their needs, and both decide whether you are a good fit.
{{/if}}
{{#if text.bookingAnswers}}

WHAT THEY WROTE WHEN BOOKING
{{#each text.bookingAnswers}}
{{{question}}}
{{{answer}}}
{{/each}}
{{/if}}

ABOUT {{{text.client.name}}}
Role: {{{text.client.role}}}{{#if text.client.seniority}} ({{{text.client.seniority}}}){{/if}}
{{#if text.client.team}}
Team: {{{text.client.team}}}
{{/if}}
Company: {{{text.client.company}}}

Background:
{{{text.client.background}}}

Top-of-mind challenge:
{{{text.client.challenge}}}
{{#if text.client.goals}}

Goals in their words:
{{{text.client.goals}}}
{{/if}}

COACHING PREFERENCES
Topics: {{{text.preferences.topics}}}
Languages: {{{text.preferences.languages}}}
{{#if text.preferences.style}}
Style: {{{text.preferences.style}}}
{{/if}}
Cadence: {{{text.preferences.cadence}}}
{{#if text.smartGoals}}

DOCUMENTED SMART GOALS
{{#each text.smartGoals}}
- {{{text}}}. Measure: {{{measure}}}. By {{{targetDate}}}.
{{/each}}
{{/if}}

AGENDA: ${agendaText.trim()}

Add your own talking points where your experience meets their challenge, and review the agenda at least 5 minutes before you start.

Prepare on the session page:
{{{text.sessionUrl}}}
`,
  }),
});
