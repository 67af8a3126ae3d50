import { welcomePricing } from "../contracts/welcome-pricing";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";

/** The sources of {@link welcomePricing}: subject, HTML and text parts, and sample data. */
export const welcomePricingTemplate = defineTemplate(welcomePricing, {
  subject: "Looking forward to working with you",
  sample: {
    programName: "Tech Lead Coaching Network",
    clientName: "Sam Rivera",
    coachName: "Ada Mensah",
    intro:
      "Thank you for the intro conversation. Ada Mensah enjoyed getting to know you and hearing what you want to work on. The good news: Ada Mensah would like to be your coach.",
    pricingUrl: "https://ada-mensah.example/coaching/pricing",
    bookingUrl: "https://cal.com/ada-mensah/session?name=Sam%20Rivera&email=sam%40example.com",
  },
  html: htmlLayout({
    title: "Looking forward to working with you",
    audience: "client",
    body: `
<h1 style="${css.h1}">Hi {{{html.clientName}}}, let's work together</h1>
<p style="${css.p};white-space:pre-line;">{{{html.intro}}}</p>
<h2 style="${css.h2}">The options and what they cost</h2>
<p style="${css.p}">The pricing guide sets out the ways you can work with {{{html.coachName}}} and what each one costs. Take your time with it; if anything is unclear, reply to this email and we will help.</p>
<p style="${css.p}"><a href="{{{html.pricingUrl}}}">Read the pricing guide</a></p>
<h2 style="${css.h2}">How to start</h2>
<p style="${css.p}">When you are ready, book your first session at a time that suits you. In it, you and {{{html.coachName}}} will turn the goals you talked about into a plan you can act on.</p>
<p style="${css.p}"><a href="{{{html.bookingUrl}}}" style="${css.button}">Book your first session</a></p>
<p style="${css.p}">We are excited to see where this takes you.</p>
`,
  }),
  text: textLayout({
    audience: "client",
    body: `
Hi {{{text.clientName}}}, let's work together.

{{{text.intro}}}

THE OPTIONS AND WHAT THEY COST
The pricing guide sets out the ways you can work with {{{text.coachName}}} and what each one costs. Take your time with it; if anything is unclear, reply to this email and we will help.

Read the pricing guide:
{{{text.pricingUrl}}}

HOW TO START
When you are ready, book your first session at a time that suits you. In it, you and {{{text.coachName}}} will turn the goals you talked about into a plan you can act on.

Book your first session:
{{{text.bookingUrl}}}

We are excited to see where this takes you.
`,
  }),
});
