import type { IntakeResponse } from "@coachflow/core/intake/service";
import { html } from "hono/html";
import { page } from "./layout";

/** What the form shows after a successful intake: the coaches and their booking links. */
export function recommendationsPage(result: IntakeResponse) {
  if (result.status === "waitlisted") {
    return page(
      "We are finding your coach",
      html`<h1>Thank you, we have your application</h1>
<p>Right now no coach who fits you has room for a new client. We are on it and will email you as soon as one does.</p>`,
    );
  }
  return page(
    "Your recommended coaches",
    html`<h1>Your recommended coaches</h1>
<p>These coaches fit what you told us. Book a free intro session with the one you would like to meet; we have also emailed you this list.</p>
${result.matches.map(
  (m) => html`<section class="coach" aria-labelledby="${m.coachId}">
<h2 id="${m.coachId}">${m.name}</h2>
<ul>${m.reasons.map((r) => html`<li>${r}</li>`)}</ul>
<p><a class="book" href="${m.bookingUrl}">Book an intro session with ${m.name}</a></p>
</section>`,
)}`,
  );
}

/** What a post caught by the honeypot sees: a success like any other, though nothing was kept. */
export function receivedPage() {
  return page(
    "Thank you",
    html`<h1>Thank you, we have your application</h1>
<p>We will email you about the coaches who fit you.</p>`,
  );
}
