import { coachSignIn } from "../contracts/coach-sign-in";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";

/** The sources of {@link coachSignIn}: subject, HTML and text parts, and sample data. */
export const coachSignInTemplate = defineTemplate(coachSignIn, {
  subject: "Your sign-in link for the coach workspace",
  sample: {
    programName: "Tech Lead Coaching Network",
    coachName: "Ada Mensah",
    signInUrl: "https://app.coachflow.example/app/sign-in/3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    minutes: 15,
  },
  html: htmlLayout({
    title: "Sign in to your coach workspace",
    audience: "coach",
    body: `
<h1 style="${css.h1}">Hi {{{html.coachName}}}, here is your sign-in link</h1>
<p style="${css.p}">Open this link in the same browser where you asked for it, then press "Sign in". It works once, for {{{html.minutes}}} minutes.</p>
<p style="${css.p}"><a href="{{{html.signInUrl}}}" style="${css.button}">Open the sign-in page</a></p>
<p style="${css.muted}">If you did not ask to sign in, you can ignore this email: nobody can use the link without your browser.</p>
`,
  }),
  text: textLayout({
    audience: "coach",
    body: `
Hi {{{text.coachName}}}, here is your sign-in link.

Open this link in the same browser where you asked for it, then press "Sign in". It works once, for {{{text.minutes}}} minutes.

{{{text.signInUrl}}}

If you did not ask to sign in, you can ignore this email: nobody can use the link without your browser.
`,
  }),
});
