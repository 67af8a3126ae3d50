import { coachRecommendations } from "../contracts/coach-recommendations";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";

/** The sources of {@link coachRecommendations}: subject, HTML and text parts, and sample data. */
export const coachRecommendationsTemplate = defineTemplate(coachRecommendations, {
  subject: "Your recommended coaches",
  sample: {
    programName: "Tech Lead Coaching Network",
    clientName: "Sam Rivera",
    coaches: [
      {
        name: "Ada Mensah",
        bio: "Engineering manager turned coach. Ten years leading platform teams; helps new tech leads find their footing.",
        reasons: ["Specializes in managing up and delegation", "Coaches in English and German"],
        bookingUrl:
          "https://calendly.com/ada-mensah/intro?name=Sam%20Rivera&email=sam%40example.com&utm_content=cor_01J9ZQ4N6Y3M8K2V5T7W9X1B3C",
      },
      {
        name: "Ravi Iyer",
        bio: "Staff engineer and long-time mentor with a practical, structured coaching style.",
        reasons: ["Works with tech leads at your seniority", "Shares your preferred structured style"],
        bookingUrl:
          "https://cal.com/ravi-iyer/intro?name=Sam%20Rivera&email=sam%40example.com&metadata%5Bref%5D=cor_01J9ZQ4N6Y3M8K2V5T7W9X1B3D",
      },
    ],
  },
  html: htmlLayout({
    title: "Your recommended coaches",
    audience: "client",
    body: `
<h1 style="${css.h1}">Hi {{{html.clientName}}},</h1>
<p style="${css.p}">Thank you for telling us about yourself and what you would like to work on. Based on your answers, we think these coaches are a great fit for you.</p>
{{#each html.coaches}}
<div style="${css.card}">
<p style="margin:0 0 4px;font-size:17px;font-weight:600;">{{{name}}}</p>
<p style="${css.muted}">{{{bio}}}</p>
<p style="margin:0 0 4px;">Why we matched you:</p>
<ul style="${css.list}">
{{#each reasons}}
<li>{{{this}}}</li>
{{/each}}
</ul>
<a href="{{{bookingUrl}}}" style="${css.button}">Book an intro session with {{{name}}}</a>
</div>
{{/each}}
<h2 style="${css.h2}">What happens next</h2>
<p style="${css.p}">Pick the coach who feels right and book a free intro session through their link. The intro is a relaxed conversation to get to know each other: your coach will ask about your background, your goals and the challenge on your mind, and you can ask how they work. Afterwards you both decide whether to continue, with no commitment.</p>
<p style="${css.p}">We will send a confirmation with a little preparation as soon as your session is booked.</p>
`,
  }),
  text: textLayout({
    audience: "client",
    body: `
Hi {{{text.clientName}}},

Thank you for telling us about yourself and what you would like to work on. Based on your answers, we think these coaches are a great fit for you.
{{#each text.coaches}}

{{{name}}}
{{{bio}}}
Why we matched you:
{{#each reasons}}
- {{{this}}}
{{/each}}
Book an intro session with {{{name}}}:
{{{bookingUrl}}}
{{/each}}

WHAT HAPPENS NEXT
Pick the coach who feels right and book a free intro session through their link. The intro is a relaxed conversation to get to know each other: your coach will ask about your background, your goals and the challenge on your mind, and you can ask how they work. Afterwards you both decide whether to continue, with no commitment.

We will send a confirmation with a little preparation as soon as your session is booked.
`,
  }),
});
