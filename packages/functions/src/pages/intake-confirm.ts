import type { ConfirmOutcome } from "@coachflow/core/intake/confirm";
import { PENDING_ANSWERS_HOURS } from "@coachflow/core/intake/pending";
import { html } from "hono/html";
import { page } from "./layout";

/*
 * The pages of a confirmation of changed intake answers (decision 0029): what the form shows after
 * changed answers from a known address, and what the emailed link opens. None of them names the
 * client or shows an answer.
 */

/** After changed answers from a known address (202): check the email, nothing changed yet. */
export const checkEmailPage = () =>
  page(
    "Check your email",
    html`<h1>Check your email</h1>
<p>We already have an application from this email address. To keep it safe, we have emailed that address a link to confirm the new answers: nothing changes until you open it and confirm, within ${PENDING_ANSWERS_HOURS} hours.</p>
<p>If the email does not arrive, check your spam folder, or send the form again later.</p>`,
  );

/** What the link opens (GET): which answers would change, and the button that confirms them. */
export const confirmPage = (changed: readonly string[]) =>
  page(
    "Confirm your new answers",
    html`<h1>Confirm your new answers</h1>
<p>Someone, we hope you, sent new answers to the coaching application form with your email address. Confirming changes these answers: ${changed.join(", ") || "your answers"}.</p>
<form method="post"><button type="submit">Confirm my new answers</button></form>
<p>If it was not you, close this page: nothing changes, and the link stops working after ${PENDING_ANSWERS_HOURS} hours.</p>`,
  );

/** After the press: the profile is updated. */
export function confirmedPage(outcome: Extract<ConfirmOutcome, { kind: "confirmed" }>) {
  const next = outcome.overrideKept
    ? "The program team chose your coaches for you: they stay your coaches, and the team has been told about your new answers."
    : outcome.client.status === "matched"
      ? "We matched you again with coaches who fit your new answers and have emailed you the list, with a link to book a free intro session."
      : "Right now no coach who fits your new answers has room for a new client. We are on it and will email you as soon as one does.";
  return page("Your answers are updated", html`<h1>Your answers are updated</h1><p>${next}</p>`);
}

/** A link already used, expired, or whose client is gone (410). */
export const linkUsedPage = () =>
  page(
    "This link has been used",
    html`<h1>This link has already been used or has expired</h1><p>Nothing was changed. To change your answers, send the application form again: we will email you a new link.</p>`,
  );

/** A tampered, malformed or expired link (400). */
export const linkProblemPage = () =>
  page(
    "This link does not work",
    html`<h1>This link does not work</h1><p>It may have expired or been copied incompletely. Nothing was changed. To change your answers, send the application form again: we will email you a new link.</p>`,
  );
