import type { Coach, CoachPatch } from "../coaches/schema";
import { type CoachDeps, createCoach, updateCoach } from "../coaches/service";
import { AppError, type FieldIssue } from "../errors";
import { labelFor } from "../shared/issue-messages";
import { COACH_FORM_LABELS, type CoachFormValues, checkCoachForm } from "./coach-form";

/**
 * The admin console's coach tasks, on the coaches API's own domain functions (coaches/service.ts):
 * the same checks, the same words for their failures, the same side effects (a deactivation ends
 * the coach's web sessions).
 */

/** A failed save: the status the API would answer, and each field's message in words. */
export interface CoachFormFailure {
  ok: false;
  status: 400 | 409;
  fields: FieldIssue[];
}
export type CoachSaveResult = { ok: true; coach: Coach } | CoachFormFailure;

/** The domain's refusals (unknown style or level, email taken, a concurrent edit) as a failure. */
function refusal(error: unknown): CoachFormFailure {
  if (error instanceof AppError && (error.code === "validation_failed" || error.code === "conflict")) {
    const fields = error.fields?.length
      ? error.fields.map(inWords)
      : [{ path: "", message: sentence(error.message) }];
    return { ok: false, status: error.code === "conflict" ? 409 : 400, fields };
  }
  throw error;
}

const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;

/** A domain message that is a bare predicate ("is already used by another coach") gets its field's label. */
function inWords(f: FieldIssue): FieldIssue {
  if (!/^[a-z]/.test(f.message)) return f;
  const label = labelFor(
    f.path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    COACH_FORM_LABELS,
  );
  return { ...f, label, message: `${label} ${f.message}` };
}

export async function createCoachFromForm(deps: CoachDeps, form: CoachFormValues): Promise<CoachSaveResult> {
  const checked = checkCoachForm(form);
  if (!checked.ok) return { ok: false, status: 400, fields: checked.fields };
  try {
    return { ok: true, coach: await createCoach(deps, checked.input) };
  } catch (error) {
    return refusal(error);
  }
}

/**
 * Replaces every field the form shows. The optional ones left empty are removed (the API's
 * `PATCH` cannot clear them; the form must, or a cleared session booking URL would stay).
 * Unticking "active" deactivates the coach, with what that entails.
 */
export async function updateCoachFromForm(
  deps: CoachDeps,
  id: string,
  form: CoachFormValues,
): Promise<CoachSaveResult> {
  const checked = checkCoachForm(form);
  if (!checked.ok) return { ok: false, status: 400, fields: checked.fields };
  const patch: CoachPatch = { ...checked.input };
  for (const key of checked.cleared) patch[key] = undefined;
  try {
    return { ok: true, coach: await updateCoach(deps, id, patch) };
  } catch (error) {
    return refusal(error);
  }
}

/**
 * Deactivates or reactivates a coach through the API's own update: deactivating ends every web
 * session of the coach at once (coaches/service.ts), and takes them out of matching.
 */
export async function setCoachActive(deps: CoachDeps, id: string, active: boolean): Promise<Coach> {
  return updateCoach(deps, id, { active });
}

/** One line of the coach list: load against capacity, active or not. */
export interface CoachRow {
  id: string;
  name: string;
  email: string;
  activeClients: number;
  capacity: number;
  /** No room for another client: matching leaves the coach out (matching/index.ts). */
  atCapacity: boolean;
  active: boolean;
}

export const COACH_PAGE_SIZE = 100;

/** A page of every coach (the admin listing, an index query), with the cursor of the next page. */
export async function coachRows(
  deps: Pick<CoachDeps, "coaches">,
  cursor?: string,
): Promise<{ rows: CoachRow[]; cursor?: string }> {
  const page = await deps.coaches.list({ limit: COACH_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
  const rows = page.items.map((c) => ({
    id: c.id,
    name: c.name,
    email: c.email,
    activeClients: c.activeClients,
    capacity: c.capacity,
    atCapacity: !(c.activeClients < c.capacity),
    active: c.active,
  }));
  return page.cursor ? { rows, cursor: page.cursor } : { rows };
}
