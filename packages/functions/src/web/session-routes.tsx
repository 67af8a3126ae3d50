import { AppError, type FieldIssue } from "@coachflow/core/errors";
import { finishSession } from "@coachflow/core/followups/finish";
import { MAX_NOTES_CHARS } from "@coachflow/core/followups/schema";
import { putNotes } from "@coachflow/core/followups/service";
import * as z from "@coachflow/core/shared/zod";
import { type PreparedFinish, prepareFinish } from "@coachflow/core/workspace/finish-draft";
import { finishOutcome } from "@coachflow/core/workspace/finish-outcome";
import { openSession, sessionPage } from "@coachflow/core/workspace/session-page";
import {
  changeTalkingPoints,
  MAX_TALKING_POINT_CHARS,
  type TalkingPointChange,
} from "@coachflow/core/workspace/talking-points";
import type { Context, Hono } from "hono";
import type { AppDeps } from "../composition";
import { type FormError, formErrors } from "./form-errors";
import { field, listField, parseForm } from "./forms";
import { emptyDraft, FinishedPage, FinishPage, type FinishSessionView } from "./pages/finish";
import { SessionPage } from "./pages/session";
import { gateOf, principalOf, viewerOf } from "./viewer";

const notesForm = z.object({ notes: field(MAX_NOTES_CHARS + 1000), notesVersion: field(12) });
const pointForm = z.object({
  op: z.enum(["add", "edit", "remove", "dismiss"]),
  id: field(64),
  text: field(MAX_TALKING_POINT_CHARS + 100),
});
const finishForm = z.object({
  takeaways: field(40_000),
  notes: field(MAX_NOTES_CHARS + 1000),
  notesVersion: field(12),
  actionText: listField(600, 60),
  actionDue: listField(20, 60),
  offered: listField(600, 60),
  next: field(20),
  cadence: field(20),
  workTogether: field(5),
  skill: field(80),
  intent: field(20),
});

/** The hidden version field: a number, else none (the save is then made as sent). */
const versionOf = (v: string) => (/^\d{1,9}$/.test(v) ? Number(v) : undefined);
const isNotesConflict = (error: unknown) =>
  error instanceof AppError &&
  error.code === "conflict" &&
  /^(notes|privateNotes)$/.test(error.fields?.[0]?.path ?? "");

const MAX_TAKEAWAYS = 20;
const MAX_TAKEAWAY_CHARS = 1000;
const MAX_ACTIONS = 50;

/** The session page (agenda, talking points, brief, notes) and finishing the meeting. */
export function sessionRoutes(app: Hono, deps: AppDeps) {
  const jobs = deps.bookings;
  /** The session of the URL, opened for this request's viewer (one call: see openSession). */
  const open = async (c: Context) => {
    const { workspace } = await deps.web();
    return { workspace, ...(await openSession(jobs, workspace, await gateOf(c, deps), c.req.param("id")!)) };
  };
  const renderSession = async (
    c: Context,
    extra: {
      errors?: FormError[];
      typed?: Record<string, string>;
      notice?: string;
      notesChanged?: boolean;
      status?: 200 | 400 | 409;
    } = {},
  ) => {
    const { workspace } = await deps.web();
    const page = await sessionPage(jobs, workspace, await gateOf(c, deps), c.req.param("id")!);
    return c.html(
      <SessionPage
        viewer={page.viewer}
        page={page}
        {...(extra.errors ? { errors: extra.errors } : {})}
        {...(extra.typed ? { typed: extra.typed } : {})}
        {...(extra.notice ? { notice: extra.notice } : {})}
        {...(extra.notesChanged ? { notesChanged: true } : {})}
      />,
      extra.status ?? 200,
    );
  };

  app.get("/app/sessions/:id", async (c) => {
    const saved = c.req.query("saved");
    const notice =
      saved === "notes"
        ? "Your notes are saved."
        : saved === "points"
          ? "Talking points updated."
          : undefined;
    return renderSession(c, notice ? { notice } : {});
  });

  app.post("/app/sessions/:id/notes", async (c) => {
    const { notes, notesVersion } = await parseForm(c, notesForm);
    if (notes.length > MAX_NOTES_CHARS)
      return renderSession(c, {
        errors: [formErrors.notesTooLong("notes", MAX_NOTES_CHARS)],
        typed: { notes },
        status: 400,
      });
    const opened = await open(c);
    try {
      await putNotes(opened.deps, opened.principal, opened.session.id, notes, versionOf(notesVersion));
    } catch (error) {
      if (!isNotesConflict(error)) throw error;
      // Nothing saved: the page again, with the notes as saved now beside the coach's own text.
      return renderSession(c, {
        errors: [{ field: "notes", message: sentence((error as AppError).message) }],
        typed: { notes },
        notesChanged: true,
        status: 409,
      });
    }
    return c.redirect(`/app/sessions/${c.req.param("id")}?saved=notes#notes-heading`, 303);
  });

  app.post("/app/sessions/:id/talking-points", async (c) => {
    const form = await parseForm(c, pointForm);
    const text = form.text.trim();
    const fieldId = form.op === "edit" ? `point-${form.id}` : "new-point";
    if ((form.op === "add" || form.op === "edit") && (text === "" || text.length > MAX_TALKING_POINT_CHARS)) {
      const error =
        text === ""
          ? formErrors.talkingPointMissing(fieldId)
          : formErrors.talkingPointTooLong(fieldId, MAX_TALKING_POINT_CHARS);
      return renderSession(c, { errors: [error], typed: { [fieldId]: form.text }, status: 400 });
    }
    const change: TalkingPointChange =
      form.op === "add"
        ? { op: "add", text }
        : form.op === "edit"
          ? { op: "edit", id: form.id, text }
          : form.op === "remove"
            ? { op: "remove", id: form.id }
            : { op: "dismiss", text };
    const opened = await open(c);
    await changeTalkingPoints(
      opened.deps,
      opened.workspace,
      opened.principal,
      opened.session.id,
      change,
      opened.first.talkingPoints,
    );
    return c.redirect(`/app/sessions/${c.req.param("id")}?saved=points#talking-points`, 303);
  });

  /** The session (404 unless it is this coach's) and what the finish pages show of it. */
  const finishView = async (c: Context) => {
    const { session, first } = await open(c);
    const [client, program] = await Promise.all([jobs.clients.get(session.clientId), jobs.program.current()]);
    const notes = session.status === "scheduled" ? first.notes?.notes : undefined;
    const notesVersion = String(first.notes?.version ?? 0);
    if (!client) throw new AppError("not_found", "client not found");
    const view: FinishSessionView = {
      id: session.id,
      kind: session.kind,
      ...(session.number ? { number: session.number } : {}),
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      clientName: client.name,
      skills: program.settings.skills.map(({ id, name }) => ({ id, name })),
    };
    return { session, client, notes, notesVersion, view };
  };

  app.get("/app/sessions/:id/finish", async (c) => {
    const { session, notes, notesVersion, view } = await finishView(c);
    if (session.status === "finished") return c.redirect(`/app/sessions/${session.id}/finished`, 303);
    if (session.status === "cancelled")
      throw new AppError("conflict", "this session was cancelled; there is nothing to finish");
    return c.html(
      <FinishPage
        viewer={viewerOf(c)}
        session={view}
        draft={{ ...emptyDraft(), notes: notes ?? "", notesVersion }}
      />,
    );
  });

  app.post("/app/sessions/:id/finish", async (c) => {
    const form = await parseForm(c, finishForm);
    const { session, view, ...now } = await finishView(c);
    if (session.status === "finished") return c.redirect(`/app/sessions/${session.id}/finished`, 303);
    const prepared = prepareFinish({
      takeaways: form.takeaways,
      notes: form.notes,
      notesVersion: form.notesVersion,
      actions: form.actionText.map((text, i) => ({ text, dueDate: form.actionDue[i] ?? "" })),
      offered: form.offered,
      next: form.next,
      cadence: form.cadence,
      workTogether: form.workTogether,
      skill: form.skill,
    });
    const render = (errors: FormError[], notice?: string, status: 200 | 400 | 409 = 400) =>
      c.html(
        <FinishPage
          viewer={viewerOf(c)}
          session={view}
          draft={prepared.draft}
          errors={errors}
          {...(notice ? { notice } : {})}
        />,
        status,
      );
    if (form.intent === "more-rows") return render([], undefined, 200);
    if (prepared.newProposals.length > 0) {
      const first = prepared.draft.actions.length - prepared.newProposals.length;
      const proposal = formErrors.proposedToConfirm(prepared.newProposals.length);
      return render([{ ...proposal, field: `action-${first}-due` }], undefined, 200);
    }
    const errors = finishFormErrors(prepared, view);
    if (errors.length > 0) return render(errors);
    try {
      await finishSession(jobs, principalOf(c), session.id, {
        takeaways: prepared.takeaways,
        actionItems: prepared.actions.map(({ text, dueDate }) => ({ text, dueDate })),
        privateNotes: form.notes,
        ...(versionOf(form.notesVersion) !== undefined
          ? { notesVersion: versionOf(form.notesVersion)! }
          : {}),
        // No next step is asked for after an intro the coach does not go ahead with: it ends.
        next:
          prepared.next?.type === "recurring"
            ? { type: "recurring", cadence: prepared.next.cadence! }
            : (prepared.next ?? { type: "end" }),
        ...(prepared.workTogether !== undefined ? { workTogether: prepared.workTogether } : {}),
        ...(prepared.skill !== undefined ? { skill: prepared.skill } : {}),
      });
    } catch (error) {
      if (error instanceof AppError && error.code === "validation_failed")
        return render(serviceErrors(error.fields ?? [], prepared, view));
      if (isNotesConflict(error))
        // Nothing finished: the form again, at the notes' current version, with them as saved now.
        return c.html(
          <FinishPage
            viewer={viewerOf(c)}
            session={view}
            draft={{ ...prepared.draft, notesVersion: now.notesVersion }}
            errors={[{ field: "finish-notes", message: sentence((error as AppError).message) }]}
            notesNow={now.notes ?? ""}
          />,
          409,
        );
      if (error instanceof AppError && error.code === "conflict")
        return render(
          [
            {
              field: error.fields?.[0]?.path === "workTogether" ? "work-yes" : "takeaways",
              message: sentence(error.message),
            },
          ],
          undefined,
          409,
        );
      throw error;
    }
    return c.redirect(`/app/sessions/${session.id}/finished`, 303);
  });

  app.get("/app/sessions/:id/finished", async (c) => {
    const { session, client, view } = await finishView(c);
    if (session.status !== "finished" || !session.finish)
      return c.redirect(`/app/sessions/${session.id}/finish`, 303);
    const items = await jobs.followups.getActionItems(session.finish.actionItemIds);
    return c.html(
      <FinishedPage
        viewer={viewerOf(c)}
        session={{ ...view, clientId: client.id }}
        lines={finishOutcome(session, client, items)}
      />,
    );
  });
}

const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
const isRealDate = (d: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** The finish form's own checks, in the words of its labels. */
function finishFormErrors(p: PreparedFinish, view: FinishSessionView): FormError[] {
  const errors: FormError[] = [];
  if (p.takeaways.length > MAX_TAKEAWAYS) errors.push(formErrors.tooManyTakeaways(MAX_TAKEAWAYS));
  p.takeaways.forEach((t, i) => {
    if (t.length > MAX_TAKEAWAY_CHARS) errors.push(formErrors.takeawayTooLong(i + 1, MAX_TAKEAWAY_CHARS));
  });
  if (p.actions.length > MAX_ACTIONS) errors.push(formErrors.tooManyActions(MAX_ACTIONS));
  for (const a of p.actions) {
    if (!a.text) errors.push(formErrors.actionTextMissing(a.row));
    else if (a.text.length > 500) errors.push(formErrors.actionTextTooLong(a.row, 500));
    if (!a.dueDate) errors.push(formErrors.actionDueMissing(a.row));
    else if (!isRealDate(a.dueDate)) errors.push(formErrors.actionDueInvalid(a.row));
  }
  if (p.draft.notes.length > MAX_NOTES_CHARS)
    errors.push(formErrors.notesTooLong("finish-notes", MAX_NOTES_CHARS));
  if (view.kind === "intro" && p.workTogether === undefined)
    errors.push(formErrors.workTogetherMissing(view.clientName));
  if (!p.next && !(view.kind === "intro" && p.workTogether === false)) errors.push(formErrors.nextMissing());
  else if (p.next?.type === "recurring" && !p.next.cadence) errors.push(formErrors.cadenceMissing());
  return errors;
}

/** The domain's field issues (dates in the past, the intro decision) as form errors. */
function serviceErrors(
  fields: readonly FieldIssue[],
  p: PreparedFinish,
  view: FinishSessionView,
): FormError[] {
  return fields.map((f) => {
    const due = /^actionItems\.(\d+)\.dueDate$/.exec(f.path);
    if (due) return formErrors.actionDuePast(p.actions[Number(due[1])]?.row ?? 0);
    if (f.path === "workTogether") return formErrors.workTogetherMissing(view.clientName);
    if (f.path === "skill") return { field: "skill", message: sentence(f.message) };
    return { field: "takeaways", message: sentence(f.message) };
  });
}
