import { AppError } from "../errors";
import type { Program } from "../program/program";
import { type ProgramSettings, programSettingsSchema } from "../program/schema";
import { type ProgramDeps, readProgram, replaceProgram } from "../program/service";
import { issueMessages } from "../shared/issue-messages";
import * as z from "../shared/zod";
import { rowsOf, type SettingsForm, settingsCandidate, TERM_LISTS } from "./settings-form";
import { SETTINGS_FORM_LABELS } from "./settings-labels";

/**
 * The admin console's settings tasks, on the API's own rules (program/service.ts): the same
 * schema, the same `If-Match` check of the version the admin read, the same refusal to remove a
 * word still in use. Failures name the form field each message belongs to.
 */

/** A message at one field of the form (`field` is the form's name of the input). */
export interface SettingsFieldError {
  field: string;
  message: string;
}

export type SettingsCheck =
  | { ok: true; settings: ProgramSettings }
  | { ok: false; status: 400; errors: SettingsFieldError[] };

export type SettingsSaveResult =
  | { ok: true; program: Program }
  | {
      ok: false;
      /** 400 invalid, 409 a word still in use, 412 changed since it was read, 428 no version sent. */
      status: 400 | 409 | 412 | 428;
      errors: SettingsFieldError[];
      /** The settings changed since the form was read: the admin must read them again. */
      stale?: boolean;
    };

/** The form checked by the settings schema, each message worded by the form's labels. */
export function checkSettingsForm(form: SettingsForm): SettingsCheck {
  const { candidate, formPath, fieldOf } = settingsCandidate(form);
  const parsed = z.safeParse(programSettingsSchema, candidate, { reportInput: true });
  if (parsed.success) return { ok: true, settings: parsed.data };
  // Numbered as the form numbers its rows: the document leaves removed and empty rows out.
  const issues = parsed.error.issues.map((i) => ({ ...i, path: formPath(i.path) }));
  const messages = issueMessages(issues, SETTINGS_FORM_LABELS);
  const fields = new Map(
    parsed.error.issues.map((i) => [formPath(i.path).map(String).join("."), fieldOf(i.path)]),
  );
  return {
    ok: false,
    status: 400,
    errors: messages.map((m) => ({ field: fields.get(m.path) ?? fieldOf([]), message: m.message })),
  };
}

export const STALE_SETTINGS =
  "Someone saved the program settings after you opened this page, so yours were not saved. " +
  "What you typed is still below: open the current settings, then make your changes there again.";

/**
 * Saves the form as the new settings if `version` (the ETag the page was rendered with) is still
 * the stored one, exactly as `PUT /v1/program` with `If-Match` would.
 */
export async function saveSettingsForm(
  deps: ProgramDeps,
  form: SettingsForm,
  version: string,
): Promise<SettingsSaveResult> {
  const checked = checkSettingsForm(form);
  if (!checked.ok) return checked;
  try {
    return { ok: true, program: await replaceProgram(deps, checked.settings, version || undefined) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "precondition_failed" || error.code === "precondition_required") {
      const status = error.code === "precondition_failed" ? 412 : 428;
      return { ok: false, status, stale: true, errors: [{ field: "", message: STALE_SETTINGS }] };
    }
    if (error.code === "conflict" && error.fields?.length) {
      const current = await readProgram(deps);
      return { ok: false, status: 409, errors: inUseErrors(form, current, checked.settings, error) };
    }
    throw error;
  }
}

/**
 * The API's 409 for words still in use, one message per word, each at the row of the word
 * removed (its "remove" box), found by the word's label the message quotes.
 */
function inUseErrors(
  form: SettingsForm,
  current: Program,
  next: ProgramSettings,
  error: AppError,
): SettingsFieldError[] {
  return (error.fields ?? []).map((f) => {
    const list = TERM_LISTS.find((l) => l === f.path);
    const rows = list ? rowsOf(form, list) : [];
    const fallback = list ? `${list}.${rows[0] ?? 0}.id` : "coachingStyles.0.id";
    if (!list) return { field: fallback, message: f.message };
    const kept = new Set(next[list].map((t) => t.id));
    const term = current.settings[list].find((t) => !kept.has(t.id) && f.message.includes(`"${t.label}"`));
    const row = term ? rows.find((r) => form[`${list}.${r}.id`]?.trim() === term.id) : undefined;
    return { field: row === undefined ? fallback : `${list}.${row}.remove`, message: f.message };
  });
}
