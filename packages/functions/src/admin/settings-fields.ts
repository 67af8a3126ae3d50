import type { SettingsFieldError } from "@coachflow/core/admin/settings-admin";
import type { FormError } from "../web/form-errors";

/** The HTML id of a settings form field (`coachingStyles.2.label` → `coachingStyles-2-label`). */
export const settingsId = (name: string) => name.replace(/\./g, "-");

/** Where the message that the settings changed meanwhile links: the way to the current settings. */
export const RELOAD_ID = "reload-settings";

/** The domain's messages (at form names) as the page's errors (at input ids). */
export const settingsFormErrors = (errors: readonly SettingsFieldError[]): FormError[] =>
  errors.map((e) => ({ field: e.field === "" ? RELOAD_ID : settingsId(e.field), message: e.message }));
