import type { CoachFormValues } from "@coachflow/core/admin/coach-form";
import type { FieldIssue } from "@coachflow/core/errors";
import type { FormError } from "../web/form-errors";

/** The id of the first box of a group of checkboxes or radios (the summary links to it). */
export const firstBox = (name: string) => `${name}-0`;

/**
 * The input of the coach form a message belongs to: a path of the coaches API (`specialties.3`,
 * `seniorityLevels.0`) to the id of the field, box group or text input that holds it.
 */
export function coachFieldId(path: string, form: CoachFormValues): string {
  const [head, index] = path.split(".");
  switch (head) {
    case "specialties":
      // The ticked topics come first in the list, then the typed ones.
      return index !== undefined && Number(index) >= form.specialties.length
        ? "otherSpecialties"
        : firstBox("specialties");
    case "seniorityLevels":
      return firstBox("seniorityLevels");
    case "bookingProvider":
      return "bookingProvider-calendly";
    case "":
    case undefined:
      return "name";
    default:
      return head;
  }
}

/** The domain's field messages as the form's errors, each at its input. */
export const coachFormErrors = (fields: readonly FieldIssue[], form: CoachFormValues): FormError[] =>
  fields.map((f) => ({ field: coachFieldId(f.path, form), message: f.message }));
