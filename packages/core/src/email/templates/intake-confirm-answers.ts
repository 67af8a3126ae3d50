import { intakeConfirmAnswers } from "../contracts/intake-confirm-answers";
import { defineTemplate } from "../define";
import { css, htmlLayout, textLayout } from "../layout";

/** The sources of {@link intakeConfirmAnswers}: subject, HTML and text parts, and sample data. */
export const intakeConfirmAnswersTemplate = defineTemplate(intakeConfirmAnswers, {
  subject: "Confirm your new answers",
  sample: {
    programName: "Tech Lead Coaching Network",
    confirmUrl:
      "https://app.coachflow.example/intake/confirm/3q2-7w.eyJhIjoiY29uZmlybS1hbnN3ZXJzIn0.c2lnbmF0dXJl",
    hours: 24,
  },
  html: htmlLayout({
    title: "Confirm your new answers",
    audience: "client",
    body: `
<h1 style="${css.h1}">Please confirm your new answers</h1>
<p style="${css.p}">Someone, we hope you, sent new answers to the coaching application form of {{{html.programName}}} with this email address. To keep your profile safe, nothing changes until you confirm them.</p>
<p style="${css.p}"><a href="{{{html.confirmUrl}}}" style="${css.button}">Review and confirm</a></p>
<p style="${css.p}">The link works once, for {{{html.hours}}} hours. Once you confirm, we update your profile and tell you what comes next.</p>
<p style="${css.muted}">If you did not send new answers, ignore this email: your profile stays exactly as it is.</p>
`,
  }),
  text: textLayout({
    audience: "client",
    body: `
Please confirm your new answers.

Someone, we hope you, sent new answers to the coaching application form of {{{text.programName}}} with this email address. To keep your profile safe, nothing changes until you confirm them.

Review and confirm: {{{text.confirmUrl}}}

The link works once, for {{{text.hours}}} hours. Once you confirm, we update your profile and tell you what comes next.

If you did not send new answers, ignore this email: your profile stays exactly as it is.
`,
  }),
});
