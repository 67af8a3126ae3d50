import type { LinkPayload } from "@coachflow/core/links/signed-links";
import { YOUR_DATA_STEPS, yourData } from "@coachflow/core/privacy/your-data";
import * as z from "@coachflow/core/shared/zod";
import type { Context } from "hono";
import { html } from "hono/html";
import type { AppDeps } from "../composition";
import { page } from "../pages/layout";
import { privacyOf } from "../privacy-deps";

const stepSchema = z.object({ step: z.enum(YOUR_DATA_STEPS) });

const button = (step: string, label: string) =>
  html`<form method="post"><input type="hidden" name="step" value="${step}"><button type="submit">${label}</button></form>`;

/** The page a "your data" link opens: nothing happens until the client presses a button. */
export function yourDataPage() {
  return page(
    "Your data",
    html`<h1>Your data</h1>
<p>Download everything the program holds about you as one file, or ask us to erase it.</p>
${button("download", "Download my data")}
${button("erase", "Erase my data")}`,
  );
}

const gonePage = () =>
  page(
    "Nothing held",
    html`<h1>Nothing held</h1><p>We hold no data under this link: it may have been erased already.</p>`,
  );

/** A press on the page: the export as a download, the erasure's confirmation step, or the erasure. */
export async function yourDataPress(c: Context, deps: AppDeps, link: LinkPayload) {
  const parsed = z.safeParse(stepSchema, await c.req.parseBody());
  if (!parsed.success) return c.html(page("Your data", html`<h1>Please choose a button</h1>`), 400);
  const privacy = privacyOf(deps);
  const outcome = await yourData(
    { ...privacy, mailer: deps.bookings.mailer, adminEmail: deps.config.adminEmail },
    link.c,
    parsed.data.step,
  );
  deps.logger.info("your-data link used", {
    clientId: link.c,
    step: parsed.data.step,
    outcome: outcome.kind,
  });
  switch (outcome.kind) {
    case "gone":
      return c.html(gonePage(), 404);
    case "export":
      c.header("content-disposition", `attachment; filename="${link.c}-export.json"`);
      return c.json(outcome.document);
    case "confirm":
      return c.html(
        page(
          "Erase your data?",
          html`<h1>Erase your data?</h1>
<p>Everything the program holds about you goes: your profile, sessions, goals, action items and reminders. This cannot be undone; your coach and the program team will no longer see any of it.</p>
${button("confirm-erase", "Yes, erase my data")}`,
        ),
      );
    case "erased":
      return c.html(
        page(
          "Your data is erased",
          html`<h1>Your data is erased</h1><p>We have erased everything we held about you and told the program team. If you apply again, you start afresh.</p>`,
        ),
      );
  }
}
