import { MAX_NOTES_CHARS } from "@coachflow/core/followups/schema";
import type { WebViewer } from "@coachflow/core/web-auth/model";
import type { FinishDraft } from "@coachflow/core/workspace/finish-draft";
import type { OutcomeLine } from "@coachflow/core/workspace/finish-outcome";
import type { FormError } from "../form-errors";
import { kindLabel, sessionTime } from "../format";
import { describedBy, ErrorSummary, FieldError, Layout, titleWithErrors } from "../layout";

/** Blank action item rows the form offers beyond those filled in ("Add another" offers more). */
export const BLANK_ACTION_ROWS = 2;

export interface FinishSessionView {
  id: string;
  kind: "intro" | "starter" | "regular";
  number?: number;
  startsAt: string;
  endsAt: string;
  clientName: string;
  /** The program's skills framework (decision 0024), offered for the skill explored; may be empty. */
  skills: { id: string; name: string }[];
}

export const emptyDraft = (): FinishDraft => ({
  takeaways: "",
  notes: "",
  actions: [],
  offered: [],
  next: "",
  cadence: "",
  workTogether: "",
  skill: "",
});

/** `/app/sessions/{id}/finish`: takeaways, action items, private notes, the next step. */
export function FinishPage(props: {
  viewer: WebViewer;
  session: FinishSessionView;
  draft: FinishDraft;
  errors?: FormError[];
  notice?: string;
  /** A finish refused because the notes changed since the form was read: the notes as saved now. */
  notesNow?: string;
}) {
  const { session, draft } = props;
  const errors = props.errors ?? [];
  const title = `Finish: ${kindLabel(session)} with ${session.clientName}`;
  const rows = [
    ...draft.actions,
    ...Array.from({ length: BLANK_ACTION_ROWS }, () => ({ text: "", dueDate: "" })),
  ];
  const fieldClass = (id: string) => (errors.some((e) => e.field === id) ? "field-error" : "");
  return (
    <Layout title={titleWithErrors(title, errors)} viewer={props.viewer}>
      <ErrorSummary errors={errors} />
      <p>
        <a href={`/app/sessions/${session.id}`}>Back to the session page</a>
      </p>
      <h1>{title}</h1>
      <p class="muted">{sessionTime(session, props.viewer.timezone)}</p>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <form method="post" action={`/app/sessions/${session.id}/finish`} novalidate>
        {draft.offered.map((o) => (
          <input type="hidden" name="offered" value={o} />
        ))}
        <div class={fieldClass("takeaways")}>
          <label for="takeaways">
            Key takeaways
            <span class="hint" id="takeaways-hint">
              One per line; {session.clientName} receives them. Start a line with [] to make it an action
              item.
            </span>
          </label>
          <FieldError id="takeaways" errors={errors} />
          <textarea id="takeaways" name="takeaways" rows={6} {...describedBy("takeaways", errors, true)}>
            {draft.takeaways}
          </textarea>
        </div>

        <fieldset>
          <legend>Action items</legend>
          <p class="hint" id="actions-hint">
            What {session.clientName} will do, each with a due date. Leave a row empty if you do not need it.
          </p>
          {rows.map((row, i) => (
            <div class="row">
              <div class={fieldClass(`action-${i}-text`)}>
                <label for={`action-${i}-text`}>Action item {i + 1}</label>
                <FieldError id={`action-${i}-text`} errors={errors} />
                <input
                  type="text"
                  id={`action-${i}-text`}
                  name="actionText"
                  maxlength={500}
                  value={row.text}
                  {...describedBy(`action-${i}-text`, errors)}
                />
              </div>
              <div class={fieldClass(`action-${i}-due`)}>
                <label for={`action-${i}-due`}>Due date of action item {i + 1}</label>
                <FieldError id={`action-${i}-due`} errors={errors} />
                <input
                  type="date"
                  id={`action-${i}-due`}
                  name="actionDue"
                  value={row.dueDate}
                  {...describedBy(`action-${i}-due`, errors)}
                />
              </div>
            </div>
          ))}
          <button type="submit" name="intent" value="more-rows" class="secondary">
            Add more action item rows
          </button>
        </fieldset>

        <div class={fieldClass("finish-notes")}>
          <label for="finish-notes">
            Private notes
            <span class="hint" id="finish-notes-hint">
              Only you can read these; they are never emailed. Start a line with [] to make it an action item.
            </span>
          </label>
          <FieldError id="finish-notes" errors={errors} />
          {props.notesNow !== undefined ? (
            <div class="card" id="notes-now">
              <h3>Your notes as saved now</h3>
              <p class="muted">
                They were saved in another tab, or joined with another session's notes when a booking was
                rescheduled. Copy what you need into your text below; finishing replaces these.
              </p>
              <pre>{props.notesNow || "(empty)"}</pre>
            </div>
          ) : null}
          <input type="hidden" name="notesVersion" value={draft.notesVersion ?? "0"} />
          <textarea
            id="finish-notes"
            name="notes"
            rows={8}
            maxlength={MAX_NOTES_CHARS}
            {...describedBy("finish-notes", errors, true)}
          >
            {draft.notes}
          </textarea>
        </div>

        {session.kind === "intro" ? (
          <fieldset class={fieldClass("work-yes")} {...describedBy("work-yes", errors)}>
            <legend>Do you want to work with {session.clientName}?</legend>
            <FieldError id="work-yes" errors={errors} />
            <div class="choices">
              <label>
                <input
                  type="radio"
                  id="work-yes"
                  name="workTogether"
                  value="yes"
                  checked={draft.workTogether === "yes"}
                />
                Yes: send the welcome email with my pricing
              </label>
              <label>
                <input
                  type="radio"
                  id="work-no"
                  name="workTogether"
                  value="no"
                  checked={draft.workTogether === "no"}
                />
                No: send a kind closing email
              </label>
            </div>
          </fieldset>
        ) : null}

        {session.kind !== "intro" && session.skills.length > 0 ? (
          <div class={fieldClass("skill")}>
            <label for="skill">Skill explored in this session (optional)</label>
            <FieldError id="skill" errors={errors} />
            <select id="skill" name="skill" {...describedBy("skill", errors)}>
              <option value="" selected={draft.skill === ""}>
                None
              </option>
              {session.skills.map((s) => (
                <option value={s.id} selected={draft.skill === s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}

        <fieldset class={fieldClass("next-recurring")}>
          <legend>What happens next?</legend>
          <FieldError id="next-recurring" errors={errors} />
          <div class="choices">
            <label>
              <input
                type="radio"
                id="next-recurring"
                name="next"
                value="recurring"
                checked={draft.next === "recurring"}
              />
              Recurring sessions
            </label>
            <label>
              <input
                type="radio"
                id="next-ad-hoc"
                name="next"
                value="ad-hoc"
                checked={draft.next === "ad-hoc"}
              />
              Book as needed (ad hoc)
            </label>
            <label>
              <input type="radio" id="next-end" name="next" value="end" checked={draft.next === "end"} />
              End the engagement
            </label>
          </div>
          <div class={fieldClass("cadence")}>
            <label for="cadence">How often, for recurring sessions</label>
            <FieldError id="cadence" errors={errors} />
            <select id="cadence" name="cadence" {...describedBy("cadence", errors)}>
              <option value="" selected={draft.cadence === ""}>
                Choose
              </option>
              <option value="weekly" selected={draft.cadence === "weekly"}>
                Every week
              </option>
              <option value="biweekly" selected={draft.cadence === "biweekly"}>
                Every two weeks
              </option>
              <option value="monthly" selected={draft.cadence === "monthly"}>
                Every month
              </option>
            </select>
          </div>
        </fieldset>

        <button type="submit" name="intent" value="finish">
          Finish meeting
        </button>
      </form>
    </Layout>
  );
}

/** After finishing: what was sent to whom, and what was scheduled. */
export function FinishedPage(props: {
  viewer: WebViewer;
  session: FinishSessionView & { clientId: string };
  lines: OutcomeLine[];
  alreadyFinished?: boolean;
}) {
  const sent = props.lines.filter((l) => l.kind === "sent");
  const scheduled = props.lines.filter((l) => l.kind === "scheduled");
  return (
    <Layout title="Meeting finished" viewer={props.viewer}>
      <h1>Meeting finished</h1>
      <p>
        {kindLabel(props.session)} with {props.session.clientName},{" "}
        {sessionTime(props.session, props.viewer.timezone)}.
      </p>
      <h2>Sent</h2>
      <ul>
        {sent.map((l) => (
          <li>{l.text}</li>
        ))}
      </ul>
      <h2>Scheduled</h2>
      <ul>
        {scheduled.map((l) => (
          <li>{l.text}</li>
        ))}
      </ul>
      <p>
        <a href={`/app/clients/${props.session.clientId}`}>{props.session.clientName}'s page</a> ·{" "}
        <a href="/app">Your sessions</a>
      </p>
    </Layout>
  );
}
