import type { Goal } from "@coachflow/core/sessions/model";
import type { WebViewer } from "@coachflow/core/web-auth/model";
import type { ClientPage as ClientPageData } from "@coachflow/core/workspace/client-page";
import type { FormError } from "../form-errors";
import { dateText, kindLabel, STATUS_TEXT, sessionTime } from "../format";
import { describedBy, ErrorSummary, FieldError, Layout, titleWithErrors } from "../layout";

/** Blank goal rows offered below the documented ones. */
export const BLANK_GOAL_ROWS = 1;

function engagementText(page: ClientPageData): string {
  const e = page.engagement;
  if (!e) return "No engagement with you yet.";
  if (e.status === "ended") return `Ended${e.endedAt ? ` on ${e.endedAt.slice(0, 10)}` : ""}.`;
  return e.mode === "recurring"
    ? `Active, recurring (${e.cadence ?? "cadence not set"}).`
    : "Active, booked as needed.";
}

/** `/app/clients/{id}`: timeline with this coach, goals, action items, engagement, "+ new session". */
export function ClientPage(props: {
  viewer: WebViewer;
  page: ClientPageData;
  errors?: FormError[];
  /** Goal rows as typed when saving failed. */
  goals?: Goal[];
  notice?: string;
}) {
  const { page, viewer } = props;
  const tz = viewer.timezone;
  const errors = props.errors ?? [];
  const client = page.client;
  const goals = [
    ...(props.goals ?? client.smartGoals ?? []),
    ...Array.from({ length: BLANK_GOAL_ROWS }, () => ({ text: "", measure: "", targetDate: "" })),
  ];
  const base = `/app/clients/${client.id}`;
  const cls = (id: string) => (errors.some((e) => e.field === id) ? "field-error" : "");
  return (
    <Layout title={titleWithErrors(client.name, errors)} viewer={viewer}>
      <ErrorSummary errors={errors} />
      <h1>{client.name}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <p>
        {client.role}
        {client.company ? `, ${client.company}` : ""} · Engagement: {engagementText(page)}
      </p>
      <form method="post" action={`${base}/new-session`}>
        <button type="submit">+ New session</button>
        <span class="hint">Emails {client.name} your booking link.</span>
      </form>

      <h2 id="skills">Skills covered</h2>
      {page.skillsCovered.length === 0 ? (
        <p>No skill of the program's framework recorded yet.</p>
      ) : (
        <ul>
          {page.skillsCovered.map((s) => (
            <li>
              {s.name} (<a href={`/app/sessions/${s.sessionId}`}>{dateText(s.startsAt, tz)}</a>)
            </li>
          ))}
        </ul>
      )}

      <h2 id="timeline">Sessions with you</h2>
      {page.timeline.length === 0 ? (
        <p>No sessions yet.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Sessions with {client.name}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Session</th>
              <th scope="col">Status</th>
              <th scope="col">Takeaways</th>
            </tr>
          </thead>
          <tbody>
            {page.timeline.map((s) => (
              <tr>
                <td>
                  <a href={`/app/sessions/${s.id}`}>{sessionTime(s, tz)}</a>
                </td>
                <td>{kindLabel(s)}</td>
                <td>{STATUS_TEXT[s.status]}</td>
                <td>
                  {s.finish && s.finish.takeaways.length > 0 ? (
                    <ul>
                      {s.finish.takeaways.map((t) => (
                        <li>{t}</li>
                      ))}
                    </ul>
                  ) : (
                    "None"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="goals">SMART goals</h2>
      <form method="post" action={`${base}/goals`} novalidate>
        {goals.map((g, i) => (
          <fieldset>
            <legend>Goal {i + 1}</legend>
            <div class={cls(`goal-${i}-text`)}>
              <label for={`goal-${i}-text`}>Goal</label>
              <FieldError id={`goal-${i}-text`} errors={errors} />
              <input
                type="text"
                id={`goal-${i}-text`}
                name="goalText"
                value={g.text}
                {...describedBy(`goal-${i}-text`, errors)}
              />
            </div>
            <div class="row">
              <div class={cls(`goal-${i}-measure`)}>
                <label for={`goal-${i}-measure`}>How it is measured</label>
                <FieldError id={`goal-${i}-measure`} errors={errors} />
                <input
                  type="text"
                  id={`goal-${i}-measure`}
                  name="goalMeasure"
                  value={g.measure}
                  {...describedBy(`goal-${i}-measure`, errors)}
                />
              </div>
              <div class={cls(`goal-${i}-date`)}>
                <label for={`goal-${i}-date`}>Target date</label>
                <FieldError id={`goal-${i}-date`} errors={errors} />
                <input
                  type="date"
                  id={`goal-${i}-date`}
                  name="goalDate"
                  value={g.targetDate}
                  {...describedBy(`goal-${i}-date`, errors)}
                />
              </div>
            </div>
          </fieldset>
        ))}
        <p class="hint">To remove a goal, clear its fields. An empty row adds a goal.</p>
        <button type="submit">Save goals</button>
      </form>

      <h2 id="actions">Action items</h2>
      {page.actionItems.length === 0 ? (
        <p>No action items yet.</p>
      ) : (
        <ul class="plain">
          {page.actionItems.map((a) => (
            <li class="card">
              <form method="post" action={`${base}/action-items/${a.id}`}>
                <input type="hidden" name="done" value={a.done ? "false" : "true"} />
                {a.done ? <s>{a.text}</s> : a.text}{" "}
                <span class="muted">
                  (due {dateText(a.dueDate, tz)}
                  {a.done ? ", done" : ""})
                </span>{" "}
                <button type="submit" class="small secondary">
                  {a.done ? "Mark not done" : "Mark done"}
                  <span class="visually-hidden">: {a.text}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
