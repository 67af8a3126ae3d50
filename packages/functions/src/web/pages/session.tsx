import { MAX_NOTES_CHARS } from "@coachflow/core/followups/schema";
import type { WebViewer } from "@coachflow/core/web-auth/model";
import type { SessionPage as SessionPageData } from "@coachflow/core/workspace/session-page";
import { MAX_TALKING_POINT_CHARS } from "@coachflow/core/workspace/talking-points";
import type { FormError } from "../form-errors";
import { dateText, instantText, kindLabel, sessionTime } from "../format";
import { describedBy, ErrorSummary, FieldError, Layout, titleWithErrors } from "../layout";

export interface SessionPageProps {
  viewer: WebViewer;
  page: SessionPageData;
  errors?: FormError[];
  /** What the coach typed when a submit failed, by field id. */
  typed?: Record<string, string>;
  notice?: string;
  /** A save refused because the notes changed since the page was read: show them as saved now. */
  notesChanged?: boolean;
}

/** `/app/sessions/{id}`: everything to prepare and run the call. */
export function SessionPage(props: SessionPageProps) {
  const { detail, own, suggestions } = props.page;
  const tz = props.viewer.timezone;
  const errors = props.errors ?? [];
  const typed = props.typed ?? {};
  const client = detail.client;
  const title = `${kindLabel(detail)} with ${client.name}`;
  const base = `/app/sessions/${detail.id}`;
  return (
    <Layout title={titleWithErrors(title, errors)} viewer={props.viewer}>
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <p>
        {sessionTime(detail, tz)} · <a href={`/app/clients/${client.id}`}>{client.name}'s page</a>
      </p>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {detail.status === "scheduled" ? (
        <p>
          <a class="button" href={`${base}/finish`}>
            Finish meeting
          </a>
        </p>
      ) : (
        <p class="notice">This session is {detail.status}.</p>
      )}

      <h2 id="agenda">Agenda: {detail.agenda.title}</h2>
      {detail.agenda.sections.map((section) => (
        <div class="card">
          <h3>
            {section.heading}
            {section.minutes ? <span class="muted"> ({section.minutes})</span> : null}
          </h3>
          <ul>
            {section.points.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </div>
      ))}

      <h2 id="talking-points">Your talking points</h2>
      <p class="muted">Private to you: never sent to {client.name}.</p>
      {own.talkingPoints.points.length === 0 ? <p>You have no talking points yet.</p> : null}
      <ul class="plain">
        {own.talkingPoints.points.map((point, i) => {
          const id = `point-${point.id}`;
          return (
            <li class="card">
              <form method="post" action={`${base}/talking-points`}>
                <input type="hidden" name="op" value="edit" />
                <input type="hidden" name="id" value={point.id} />
                <label for={id}>Talking point {i + 1}</label>
                <FieldError id={id} errors={errors} />
                <input
                  type="text"
                  id={id}
                  name="text"
                  maxlength={MAX_TALKING_POINT_CHARS}
                  value={typed[id] ?? point.text}
                  {...describedBy(id, errors)}
                />
                <button type="submit" class="small">
                  Save<span class="visually-hidden"> talking point {i + 1}</span>
                </button>
              </form>
              <form method="post" action={`${base}/talking-points`} class="inline">
                <input type="hidden" name="op" value="remove" />
                <input type="hidden" name="id" value={point.id} />
                <button type="submit" class="small secondary">
                  Remove<span class="visually-hidden"> talking point {i + 1}</span>
                </button>
              </form>
            </li>
          );
        })}
      </ul>
      <form method="post" action={`${base}/talking-points`}>
        <input type="hidden" name="op" value="add" />
        <label for="new-point">
          Add a talking point
          <span class="hint" id="new-point-hint">
            Where your experience meets their challenge
          </span>
        </label>
        <FieldError id="new-point" errors={errors} />
        <input
          type="text"
          id="new-point"
          name="text"
          maxlength={MAX_TALKING_POINT_CHARS}
          value={typed["new-point"] ?? ""}
          {...describedBy("new-point", errors, true)}
        />
        <button type="submit">Add talking point</button>
      </form>

      {suggestions.length > 0 ? (
        <section aria-labelledby="suggested">
          <h3 id="suggested">Suggested talking points</h3>
          <p class="muted">
            {detail.kind === "intro"
              ? "From what made this match: your specialties and what they wrote."
              : "From open action items and goals that are due soon."}{" "}
            Keep one as it is or edit it first, or dismiss it.
          </p>
          <ul class="plain">
            {suggestions.map((text, i) => {
              const id = `suggestion-${i}`;
              return (
                <li class="card">
                  <form method="post" action={`${base}/talking-points`}>
                    <input type="hidden" name="op" value="add" />
                    <label for={id}>Suggestion {i + 1}</label>
                    <input type="text" id={id} name="text" maxlength={MAX_TALKING_POINT_CHARS} value={text} />
                    <button type="submit" class="small">
                      Keep<span class="visually-hidden"> suggestion {i + 1}</span>
                    </button>
                  </form>
                  <form method="post" action={`${base}/talking-points`} class="inline">
                    <input type="hidden" name="op" value="dismiss" />
                    <input type="hidden" name="text" value={text} />
                    <button type="submit" class="small secondary">
                      Dismiss<span class="visually-hidden"> suggestion {i + 1}</span>
                    </button>
                  </form>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <h2 id="brief">Client brief</h2>
      {!("preferences" in client) ? (
        <p>Not shown: you no longer work with {client.name}.</p>
      ) : (
        <>
          <dl class="brief">
            <dt>Background</dt>
            <dd>{client.background || "Not given"}</dd>
            <dt>Role</dt>
            <dd>
              {client.role || "Not given"}
              {client.seniority ? ` (${client.seniority})` : ""}
            </dd>
            <dt>Team and company</dt>
            <dd>{[client.team, client.company].filter(Boolean).join(", ") || "Not given"}</dd>
            <dt>Top challenge</dt>
            <dd>{client.challenge || "Not given"}</dd>
            {client.goals ? (
              <>
                <dt>Their goals</dt>
                <dd>{client.goals}</dd>
              </>
            ) : null}
            <dt>Preferences</dt>
            <dd>
              Topics: {client.preferences.topics.join(", ") || "none given"}; languages:{" "}
              {client.preferences.languages.join(", ")}
              {client.preferences.style ? `; style: ${client.preferences.style}` : ""}; cadence:{" "}
              {client.preferences.cadence}
            </dd>
          </dl>

          <h2 id="goals">SMART goals</h2>
          {detail.goals.length === 0 ? (
            <p>
              No goals documented yet.{" "}
              <a href={`/app/clients/${client.id}#goals`}>Document them on {client.name}'s page</a>.
            </p>
          ) : (
            <ul>
              {detail.goals.map((g) => (
                <li>
                  {g.text}. Measure: {g.measure}. Target: {dateText(g.targetDate, tz)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <h2 id="takeaways">Previous takeaways</h2>
      {detail.previousTakeaways.length === 0 ? (
        <p>No earlier sessions with takeaways.</p>
      ) : (
        detail.previousTakeaways.map((p) => (
          <div class="card">
            <h3>{dateText(p.startsAt, tz)}</h3>
            <ul>
              {p.takeaways.map((t) => (
                <li>{t}</li>
              ))}
            </ul>
          </div>
        ))
      )}

      <h2 id="actions">Open action items</h2>
      {detail.openActionItems.length === 0 ? (
        <p>No open action items.</p>
      ) : (
        <ul>
          {detail.openActionItems.map((a) => (
            <li>
              {a.text} (due {dateText(a.dueDate, tz)})
            </li>
          ))}
        </ul>
      )}

      <h2 id="notes-heading">Private notes</h2>
      <form method="post" action={`${base}/notes`}>
        <label for="notes">
          Your notes
          <span class="hint" id="notes-hint">
            Only you can read these.{" "}
            {own.notesSavedAt ? `Last saved ${instantText(own.notesSavedAt, tz)}.` : "Not saved yet."} Start a
            line with [] to make it an action item when you finish.
          </span>
        </label>
        <FieldError id="notes" errors={errors} />
        {props.notesChanged ? (
          <div class="card" id="notes-now">
            <h3>Your notes as saved now</h3>
            <p class="muted">
              They were saved in another tab, or joined with another session's notes when a booking was
              rescheduled. Copy what you need into your text below; saving again replaces these.
            </p>
            <pre>{detail.notes || "(empty)"}</pre>
          </div>
        ) : null}
        {/* The version read, so a save over notes changed meanwhile is refused, not written over. */}
        <input type="hidden" name="notesVersion" value={String(detail.notesVersion ?? 0)} />
        <textarea
          id="notes"
          name="notes"
          rows={10}
          maxlength={MAX_NOTES_CHARS}
          {...describedBy("notes", errors, true)}
        >
          {typed.notes ?? detail.notes ?? ""}
        </textarea>
        <button type="submit">Save notes</button>
      </form>
    </Layout>
  );
}
