import {
  AGENDA_TEMPLATE_KEYS,
  EMAIL_COPY_KEYS,
  type SettingsForm,
  WEIGHT_KEYS,
} from "@coachflow/core/admin/settings-form";
import { WEIGHT_NAMES } from "@coachflow/core/admin/settings-labels";
import {
  AGENDA_PREVIEWS,
  type AgendaPreviewKey,
  EMAIL_PREVIEWS,
  type EmailPreviewKey,
} from "@coachflow/core/admin/settings-preview";
import type { Agenda } from "@coachflow/core/sessions/model";
import type { FormError } from "../web/form-errors";
import { ErrorSummary } from "../web/layout";
import { AdminLayout } from "./layout";
import { RELOAD_ID } from "./settings-fields";
import { AgendaTemplateFields, SettingsInput, SkillRows, TermRows } from "./settings-rows";

/** What a preview shows: the agenda, and the email as SES renders it (or why it could not). */
export interface SettingsPreview {
  agenda: Agenda;
  email: { subject: string; text: string } | { unavailable: true };
}

const EMAIL_COPY_LABELS: Record<(typeof EMAIL_COPY_KEYS)[number], string> = {
  followupIntro: "Opening of the follow-up email",
  welcomeIntro: "Opening of the welcome email",
};

/** The form's sections, linked from the top of this long page. */
const SECTIONS = [
  ["coaching-styles", "Coaching styles"],
  ["seniority-levels", "Seniority levels"],
  ["topics", "Topics"],
  ["matching-weights", "Matching weights"],
  ["skills", "Skills"],
  ["agenda-templates", "Agenda templates"],
  ["email-copy", "Email copy"],
  ["preview-and-save", "Preview and save"],
] as const;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A text as paragraphs (blank lines) and lines, without a stylesheet rule of its own. */
function Lines(props: { text: string }) {
  return (
    <>
      {props.text
        .trim()
        .split(/\n\s*\n/)
        .map((para) => (
          <p>
            {para.split("\n").map((line, i) => (
              <>
                {i > 0 ? <br /> : null}
                {line}
              </>
            ))}
          </p>
        ))}
    </>
  );
}

function PreviewSection(props: {
  preview: SettingsPreview;
  agendaKey: AgendaPreviewKey;
  emailKey: EmailPreviewKey;
}) {
  const { agenda, email } = props.preview;
  return (
    <section id="preview" aria-labelledby="preview-title" tabindex={-1}>
      <h2 id="preview-title">Preview (not saved)</h2>
      <p class="notice">
        This is how the settings below would look. Nothing is saved until you press “Save settings”.
      </p>
      <h3>Agenda: {AGENDA_PREVIEWS[props.agendaKey].label}</h3>
      <div class="card">
        <p>
          <strong>{agenda.title}</strong>
        </p>
        {agenda.sections.map((s) => (
          <>
            <p>
              <strong>{s.heading}</strong>
              {s.minutes ? <span class="muted"> ({s.minutes})</span> : null}
            </p>
            <ul>
              {s.points.map((p) => (
                <li>{p}</li>
              ))}
            </ul>
          </>
        ))}
      </div>
      <h3>Email: {EMAIL_PREVIEWS[props.emailKey]}</h3>
      {"unavailable" in email ? (
        <p>The email preview is not available right now; please try again in a minute.</p>
      ) : (
        <div class="card">
          <dl class="brief">
            <dt>Subject</dt>
            <dd>{email.subject}</dd>
          </dl>
          <Lines text={email.text} />
        </div>
      )}
    </section>
  );
}

/** `/admin/settings`: the program's words, weights, skills, agendas and email copy in one form. */
export function SettingsPage(props: {
  form: SettingsForm;
  version: string;
  errors?: FormError[];
  stale?: boolean;
  notice?: string | undefined;
  preview?: SettingsPreview;
  agendaKey: AgendaPreviewKey;
  emailKey: EmailPreviewKey;
}) {
  const { form } = props;
  const errors = props.errors ?? [];
  const shared = { form, errors };
  return (
    <AdminLayout title="Program settings" current="settings">
      <ErrorSummary errors={errors} />
      {props.stale ? (
        <p class="notice" id={RELOAD_ID} tabindex={-1}>
          <a href="/admin/settings">Open the current settings</a> (what you typed on this page is not kept
          there).
        </p>
      ) : null}
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <nav aria-label="Settings sections">
        <p>
          {SECTIONS.map(([id, label], i) => (
            <>
              {i > 0 ? " · " : null}
              <a href={`#${id}`}>{label}</a>
            </>
          ))}
        </p>
      </nav>
      {props.preview ? (
        <PreviewSection preview={props.preview} agendaKey={props.agendaKey} emailKey={props.emailKey} />
      ) : null}
      <form method="post" action="/admin/settings" novalidate>
        <input type="hidden" name="version" value={props.version} />
        <p class="hint">
          Every list ends with an empty row: fill it in to add one more (preview to get another empty row).
          Tick “Remove” to take a row out. An id is the word stored with coaches and clients: leave it empty
          on a new row to make one from the label. Aliases and keywords are separated by commas.
        </p>
        <h2 id="coaching-styles">Coaching styles</h2>
        <TermRows list="coachingStyles" noun="coaching style" {...shared} />
        <h2 id="seniority-levels">Seniority levels</h2>
        <TermRows list="seniorityLevels" noun="seniority level" {...shared} />
        <h2 id="topics">Topics</h2>
        <p class="hint">Keywords are the words and stems matching looks for in a client's own text.</p>
        <TermRows list="topics" noun="topic" {...shared} />
        <h2 id="matching-weights">Matching weights</h2>
        <p class="hint" id="weights-hint">
          Out of 100 each, scaled to what applies to a client; load must be above 0. Diversity, from 0 to 1,
          is how much a second or third pick must differ from the earlier ones.
        </p>
        <div class="row">
          {WEIGHT_KEYS.map((k) => (
            <SettingsInput
              name={`matchingWeights.${k}`}
              label={`Weight of ${WEIGHT_NAMES[k]}`}
              inputmode="decimal"
              {...shared}
            />
          ))}
        </div>
        <h2 id="skills">Skills</h2>
        <p class="hint">The program's skills framework, offered to coaches when they finish a session.</p>
        <SkillRows {...shared} />
        <h2 id="agenda-templates">Agenda templates</h2>
        <p class="hint">
          Points are one per line. In a title, {"{{session}}"} is the session's name. A point that is{" "}
          {"{{goals}}"} or {"{{skills}}"} lists the client's goals or the program's skills; add |, then the
          line to show when there are none. Changes apply to sessions booked afterwards.
        </p>
        {AGENDA_TEMPLATE_KEYS.map((t) => (
          <AgendaTemplateFields template={t} {...shared} />
        ))}
        <h2 id="email-copy">Email copy</h2>
        {EMAIL_COPY_KEYS.map((k) => (
          <SettingsInput
            name={`emailCopy.${k}`}
            label={EMAIL_COPY_LABELS[k]}
            hint="{{coach}} is the coach's name."
            lines={4}
            {...shared}
          />
        ))}
        <h2 id="preview-and-save">Preview and save</h2>
        <div class="row">
          <div>
            <label for="previewAgenda">Agenda to preview</label>
            <select id="previewAgenda" name="previewAgenda">
              {Object.entries(AGENDA_PREVIEWS).map(([k, p]) => (
                <option value={k} selected={k === props.agendaKey}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="previewEmail">Email to preview</label>
            <select id="previewEmail" name="previewEmail">
              {Object.entries(EMAIL_PREVIEWS).map(([k, label]) => (
                <option value={k} selected={k === props.emailKey}>
                  {capital(label)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" class="secondary" formaction="/admin/settings/preview#preview">
          Preview agenda and email
        </button>{" "}
        <button type="submit">Save settings</button>
      </form>
    </AdminLayout>
  );
}
