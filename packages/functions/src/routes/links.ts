import { applyLink } from "@coachflow/core/followups/links";
import { verifyLink } from "@coachflow/core/links/signed-links";
import type { Hono } from "hono";
import { html } from "hono/html";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { page } from "../pages/layout";
import { yourDataPage, yourDataPress } from "./your-data";

const WORDS = {
  "action-item-done": { title: "Mark an action item as done", button: "Mark as done" },
  continue: { title: "Continue coaching", button: "Yes, let's continue" },
  end: { title: "End the engagement", button: "End my coaching engagement" },
  unsubscribe: { title: "Stop reminders", button: "Stop reminders" },
  "confirm-booking": { title: "Did you book this session?", button: "Yes, I booked it" },
} as const;

const problem = () =>
  page(
    "This link does not work",
    html`<h1>This link does not work</h1><p>It may have expired or been copied incompletely. Nothing was changed. If you need help, reply to the email the link came in.</p>`,
  );

/**
 * Signed links from emails, usable without an account. Opening one (GET) only shows what it would
 * do, so a mail scanner that follows links changes nothing; the button (POST) does it. One-click
 * unsubscribe (RFC 8058) posts to the same address.
 */
export function linkRoutes(app: Hono, deps: AppDeps, docs: OpenApiRegistry) {
  // The previous secret still verifies the links it signed, during a rotation (decision 0018).
  const { linkSecret: secret, linkSecretPrevious: previous } = deps.config;
  app.get("/l/:token", (c) => {
    const check = verifyLink(secret, c.req.param("token"), deps.clock.now(), previous);
    if (!check.ok) return c.html(problem(), 400);
    if (check.payload.a === "your-data") return c.html(yourDataPage());
    // A confirmation of changed answers opens under /intake/confirm/ (decision 0029), not here.
    if (check.payload.a === "confirm-answers") return c.html(problem(), 400);
    const words = WORDS[check.payload.a];
    return c.html(
      page(
        words.title,
        html`<h1>${words.title}</h1><form method="post"><button type="submit">${words.button}</button></form>`,
      ),
    );
  });
  app.post("/l/:token", async (c) => {
    const check = verifyLink(secret, c.req.param("token"), deps.clock.now(), previous);
    if (!check.ok) return c.html(problem(), 400);
    if (check.payload.a === "your-data") return yourDataPress(c, deps, check.payload);
    const outcome =
      check.payload.a === "confirm-booking"
        ? // "Is this you?" (decision 0030): loaded on first use, with the admin's decisions.
          await (await deps.unverified()).confirm(check.payload)
        : await applyLink(deps.bookings, check.payload);
    if (!outcome) return c.html(problem(), 400);
    const status = "status" in outcome ? outcome.status : undefined;
    deps.logger.info("signed link used", {
      action: check.payload.a,
      clientId: check.payload.c,
      ...(status ? { status } : {}),
    });
    return c.html(
      page(outcome.title, html`<h1>${outcome.title}</h1><p>${outcome.message}</p>`),
      status ?? 200,
    );
  });
  docs.registerPath({
    method: "post",
    path: "/l/{token}",
    tags: ["Client links"],
    summary:
      'Carry out a signed link from an email (GET shows a confirmation page); a "your data" link takes a form field `step`: download, erase, confirm-erase',
    responses: {
      200: { description: "An HTML page saying what changed" },
      400: { description: "Tampered or expired: a friendly page, nothing changed" },
      409: {
        description:
          "A session-7 check-in link superseded by a later decision on the engagement: nothing changed",
      },
    },
  });
}
