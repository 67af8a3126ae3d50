import { css } from "./layout";

/**
 * Blocks that several templates share, as Handlebars source composed at definition time (SES
 * stored templates cannot share registered partials). Each block reads the same field names in
 * every template that uses it.
 */

/** The agenda (`agenda`: title, sections with heading, optional minutes, points). */
export const agendaHtml = `
<h2 style="${css.h2}">{{{html.agenda.title}}}</h2>
{{#each html.agenda.sections}}
<p style="margin:12px 0 4px;font-weight:600;">{{{heading}}}{{#if minutes}} <span style="font-weight:normal;color:#57534e;">({{{minutes}}})</span>{{/if}}</p>
{{#if points}}
<ul style="${css.list}">
{{#each points}}
<li>{{{this}}}</li>
{{/each}}
</ul>
{{/if}}
{{/each}}
`;

export const agendaText = `
{{{text.agenda.title}}}
{{#each text.agenda.sections}}

* {{{heading}}}{{#if minutes}} ({{{minutes}}}){{/if}}
{{#each points}}
  - {{{this}}}
{{/each}}
{{/each}}
`;

/** What the client can do before a session (grounded in seed 002). Fixed copy, no data. */
export const preworkHtml = `
<h2 style="${css.h2}">A little preparation</h2>
<p style="${css.p}">Before the session, take a few minutes to pick one work challenge from the past two to four weeks that you would like to talk through. It does not need to be well defined: working out what the problem really is, is part of the session. Choose something about how you work, lead or grow rather than a technical question. For example:</p>
<ul style="${css.list}">
<li>communication with a particular teammate is hard</li>
<li>work and the rest of life are out of balance</li>
<li>you are wondering whether to leave your company</li>
<li>you find it hard to speak up in meetings or on video calls</li>
</ul>
`;

export const preworkText = `
A LITTLE PREPARATION
Before the session, take a few minutes to pick one work challenge from the past two to four weeks that you would like to talk through. It does not need to be well defined: working out what the problem really is, is part of the session. Choose something about how you work, lead or grow rather than a technical question. For example:
- communication with a particular teammate is hard
- work and the rest of life are out of balance
- you are wondering whether to leave your company
- you find it hard to speak up in meetings or on video calls
`;

/** What the session will feel like: intro (seed 004) or a regular hour (seed 002). Needs `isIntro`. */
export const expectHtml = `
<h2 style="${css.h2}">What to expect</h2>
{{#if html.isIntro}}
<p style="${css.p}">The intro session is a relaxed conversation to get to know each other. Your coach will ask about your background, your goals and the challenge on your mind, and will explain how they work. It helps you both decide whether you are a good fit, with no commitment. If you decide to continue, your coach will follow up with the options for working together.</p>
{{else}}
<p style="${css.p}">The hour is yours. Your coach keeps an eye on the time, and it usually goes roughly like this:</p>
<ul style="${css.list}">
<li>about 25 minutes to understand the problem</li>
<li>about 25 minutes to work out a plan of attack</li>
<li>about 10 minutes to review, share feedback and agree on next steps</li>
</ul>
{{/if}}
`;

export const expectText = `
WHAT TO EXPECT
{{#if text.isIntro}}
The intro session is a relaxed conversation to get to know each other. Your coach will ask about your background, your goals and the challenge on your mind, and will explain how they work. It helps you both decide whether you are a good fit, with no commitment. If you decide to continue, your coach will follow up with the options for working together.
{{else}}
The hour is yours. Your coach keeps an eye on the time, and it usually goes roughly like this:
- about 25 minutes to understand the problem
- about 25 minutes to work out a plan of attack
- about 10 minutes to review, share feedback and agree on next steps
{{/if}}
`;

/**
 * Accountability without shame (seeds 002 and 003): a plan that slipped is something to talk about
 * at the next session, honestly. Fixed copy, no data.
 */
export const slippedHtml = `
<p style="${css.muted}">If something does not get done, that is fine: plans slip. Bring it to your next session and be honest about what held you back. Working that out together is part of coaching, and it is often where the real progress starts.</p>
`;

export const slippedText = `
If something does not get done, that is fine: plans slip. Bring it to your next session and be honest about what held you back. Working that out together is part of coaching, and it is often where the real progress starts.
`;

/** The last line of a reminder: how to stop this kind of reminder. Needs `unsubscribeUrl`. */
export const unsubscribeHtml = `
<p style="margin:24px 0 0;font-size:12px;color:#78716c;">Prefer not to get these emails? <a href="{{{html.unsubscribeUrl}}}" style="color:#78716c;">Stop these reminders</a>.</p>
`;

export const unsubscribeText = `
Prefer not to get these emails? Stop these reminders:
{{{text.unsubscribeUrl}}}
`;
