import { AppError } from "@coachflow/core/errors";
import { sendNewSessionLink, setActionItemDone, setGoals } from "@coachflow/core/followups/service";
import type { Goal } from "@coachflow/core/sessions/model";
import * as z from "@coachflow/core/shared/zod";
import { clientPage } from "@coachflow/core/workspace/client-page";
import type { Context, Hono } from "hono";
import type { AppDeps } from "../composition";
import { type FormError, formErrors } from "./form-errors";
import { listField, parseForm } from "./forms";
import { ClientPage } from "./pages/client";
import { gateOf, principalOf, signedIn } from "./viewer";

const goalsForm = z.object({
  goalText: listField(600, 21),
  goalMeasure: listField(600, 21),
  goalDate: listField(20, 21),
});
const doneForm = z.object({ done: z.enum(["true", "false"]) });
const MAX_GOAL_CHARS = 500;

const NOTICES: Record<string, string> = {
  goals: "Goals saved.",
  sent: "We emailed your booking link to the client.",
  item: "Action item updated.",
};

/** A client's page: timeline, goals, action items, "+ new session". */
export function clientRoutes(app: Hono, deps: AppDeps) {
  const jobs = deps.bookings;
  const render = async (
    c: Context,
    extra: { errors?: FormError[]; goals?: Goal[]; notice?: string } = {},
  ) => {
    const { workspace } = await deps.web();
    const page = await clientPage(jobs, workspace, await gateOf(c, deps), c.req.param("id")!);
    return c.html(
      <ClientPage
        viewer={page.viewer}
        page={page}
        {...(extra.errors ? { errors: extra.errors } : {})}
        {...(extra.goals ? { goals: extra.goals } : {})}
        {...(extra.notice ? { notice: extra.notice } : {})}
      />,
      extra.errors?.length ? 400 : 200,
    );
  };
  const back = (c: Context, what: keyof typeof NOTICES, anchor: string) =>
    c.redirect(`/app/clients/${encodeURIComponent(c.req.param("id")!)}?saved=${what}#${anchor}`, 303);

  app.get("/app/clients/:id", (c) => {
    const notice = NOTICES[c.req.query("saved") ?? ""];
    return render(c, notice ? { notice } : {});
  });

  app.post("/app/clients/:id/goals", async (c) => {
    await signedIn(c, deps);
    const form = await parseForm(c, goalsForm);
    const rows = form.goalText.map((text, i) => ({
      text: text.trim(),
      measure: (form.goalMeasure[i] ?? "").trim(),
      targetDate: (form.goalDate[i] ?? "").trim(),
    }));
    const kept = rows.map((g, row) => ({ ...g, row })).filter((g) => g.text || g.measure || g.targetDate);
    const errors = kept.flatMap((g) => goalErrors(g));
    const goals = kept.map(({ row: _r, ...g }) => g);
    if (errors.length > 0) return render(c, { errors, goals: rows });
    try {
      await setGoals(jobs, principalOf(c), c.req.param("id"), goals);
    } catch (error) {
      if (error instanceof AppError && error.code === "validation_failed") {
        const past = (error.fields ?? []).flatMap((f) => {
          const m = /^goals\.(\d+)\.targetDate$/.exec(f.path);
          return m ? [formErrors.goalDatePast(kept[Number(m[1])]?.row ?? 0)] : [];
        });
        return render(c, { errors: past, goals: rows });
      }
      throw error;
    }
    return back(c, "goals", "goals");
  });

  app.post("/app/clients/:id/new-session", async (c) => {
    await signedIn(c, deps);
    await sendNewSessionLink(jobs, principalOf(c), c.req.param("id"));
    return back(c, "sent", "timeline");
  });

  app.post("/app/clients/:id/action-items/:itemId", async (c) => {
    await signedIn(c, deps);
    const { done } = await parseForm(c, doneForm);
    await setActionItemDone(jobs, principalOf(c), c.req.param("itemId"), done === "true");
    return back(c, "item", "actions");
  });
}

function goalErrors(g: { row: number; text: string; measure: string; targetDate: string }): FormError[] {
  const errors: FormError[] = [];
  if (!g.text) errors.push(formErrors.goalTextMissing(g.row));
  else if (g.text.length > MAX_GOAL_CHARS) errors.push(formErrors.goalTooLong(g.row, "text", MAX_GOAL_CHARS));
  if (!g.measure) errors.push(formErrors.goalMeasureMissing(g.row));
  else if (g.measure.length > MAX_GOAL_CHARS)
    errors.push(formErrors.goalTooLong(g.row, "measure", MAX_GOAL_CHARS));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(g.targetDate)) errors.push(formErrors.goalDateMissing(g.row));
  return errors;
}
