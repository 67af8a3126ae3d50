import { adminSignIn } from "../contracts/admin-sign-in";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";

/** The sources of {@link adminSignIn}: subject, HTML and text parts, and sample data. */
export const adminSignInTemplate = defineTemplate(adminSignIn, {
  subject: "Your sign-in link for the admin console",
  sample: {
    programName: "Tech Lead Coaching Network",
    signInUrl: "https://app.coachflow.example/admin/sign-in/3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    minutes: 15,
  },
  html: htmlLayout({
    title: "Sign in to the admin console",
    audience: "admin",
    body: `
<h1 style="${css.h1}">Here is your sign-in link for the admin console</h1>
<p style="${css.p}">Open this link in the same browser where you asked for it, then press "Sign in". It works once, for {{{html.minutes}}} minutes.</p>
<p style="${css.p}"><a href="{{{html.signInUrl}}}" style="${css.button}">Open the sign-in page</a></p>
<p style="${css.muted}">If you did not ask to sign in, you can ignore this email: nobody can use the link without your browser.</p>
`,
  }),
  text: textLayout({
    audience: "admin",
    body: `
Here is your sign-in link for the admin console.

Open this link in the same browser where you asked for it, then press "Sign in". It works once, for {{{text.minutes}}} minutes.

{{{text.signInUrl}}}

If you did not ask to sign in, you can ignore this email: nobody can use the link without your browser.
`,
  }),
});
