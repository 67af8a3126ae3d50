import {
  type AgendaTemplateKey,
  removed,
  rowsOf,
  type SettingsForm,
} from "@coachflow/core/admin/settings-form";
import { AGENDA_TEMPLATE_NAMES } from "@coachflow/core/admin/settings-labels";
import type { FormError } from "../web/form-errors";
import { describedBy, FieldError } from "../web/layout";
import { settingsId } from "./settings-fields";

/** The form's rows of a list: those it holds, then one empty row to add another. */
export function rowsWithBlank(form: SettingsForm, prefix: string): number[] {
  const rows = rowsOf(form, prefix);
  return [...rows, (rows.at(-1) ?? -1) + 1];
}

const fieldClass = (id: string, errors: readonly FormError[]) =>
  errors.some((e) => e.field === id) ? "field-error" : "";

/**
 * One input of the settings form, named by its path. `label` is what the page shows, `context`
 * (visually hidden) completes it for a screen reader ("Label" + " of coaching style 3").
 */
export function SettingsInput(props: {
  name: string;
  label: string;
  context?: string;
  hint?: string;
  form: SettingsForm;
  errors: readonly FormError[];
  lines?: number;
  inputmode?: "decimal";
}) {
  const id = settingsId(props.name);
  const value = props.form[props.name] ?? "";
  const aria = describedBy(id, props.errors, Boolean(props.hint));
  return (
    <div class={fieldClass(id, props.errors)}>
      <label for={id}>
        {props.label}
        {props.context ? <span class="visually-hidden"> {props.context}</span> : null}
        {props.hint ? (
          <span class="hint" id={`${id}-hint`}>
            {props.hint}
          </span>
        ) : null}
      </label>
      <FieldError id={id} errors={props.errors} />
      {props.lines ? (
        <textarea id={id} name={props.name} rows={props.lines} {...aria}>
          {value}
        </textarea>
      ) : (
        <input
          type="text"
          id={id}
          name={props.name}
          value={value}
          {...(props.inputmode ? { inputmode: props.inputmode } : {})}
          {...aria}
        />
      )}
    </div>
  );
}

/** The "remove" box of a row: ticked, the row is left out when the settings are saved. */
function RemoveBox(props: { row: string; what: string; form: SettingsForm; errors: readonly FormError[] }) {
  const id = settingsId(`${props.row}.remove`);
  return (
    <div class={`choices ${fieldClass(id, props.errors)}`}>
      <FieldError id={id} errors={props.errors} />
      <label for={id}>
        <input
          type="checkbox"
          id={id}
          name={`${props.row}.remove`}
          value="yes"
          checked={removed(props.form, props.row)}
          {...describedBy(id, props.errors)}
        />
        Remove {props.what}
      </label>
    </div>
  );
}

/** Coaching styles, seniority levels or topics: id, label, aliases (and keywords), a row each. */
export function TermRows(props: {
  list: "coachingStyles" | "seniorityLevels" | "topics";
  noun: string;
  form: SettingsForm;
  errors: readonly FormError[];
}) {
  const { list, noun, form, errors } = props;
  const known = new Set(rowsOf(form, list));
  return (
    <>
      {rowsWithBlank(form, list).map((row) => {
        const at = `${list}.${row}`;
        const what = `${noun} ${row + 1}`;
        const shared = { form, errors, context: `of ${what}` };
        return (
          <div class="card">
            <div class="row">
              <SettingsInput name={`${at}.label`} label="Label" {...shared} />
              <SettingsInput name={`${at}.id`} label="Id" {...shared} />
              <SettingsInput name={`${at}.aliases`} label="Aliases" {...shared} />
            </div>
            {list === "topics" ? (
              <SettingsInput name={`${at}.keywords`} label="Keywords" {...shared} />
            ) : null}
            {known.has(row) ? <RemoveBox row={at} what={what} form={form} errors={errors} /> : null}
          </div>
        );
      })}
    </>
  );
}

export function SkillRows(props: { form: SettingsForm; errors: readonly FormError[] }) {
  const { form, errors } = props;
  const known = new Set(rowsOf(form, "skills"));
  return (
    <>
      {rowsWithBlank(form, "skills").map((row) => {
        const at = `skills.${row}`;
        const what = `skill ${row + 1}`;
        const shared = { form, errors, context: `of ${what}` };
        return (
          <div class="card">
            <div class="row">
              <SettingsInput name={`${at}.name`} label="Name" {...shared} />
              <SettingsInput name={`${at}.id`} label="Id" {...shared} />
            </div>
            <SettingsInput name={`${at}.description`} label="Description" {...shared} />
            {known.has(row) ? <RemoveBox row={at} what={what} form={form} errors={errors} /> : null}
          </div>
        );
      })}
    </>
  );
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** One agenda template: its title and its sections (heading, time box, points one per line). */
export function AgendaTemplateFields(props: {
  template: AgendaTemplateKey;
  form: SettingsForm;
  errors: readonly FormError[];
}) {
  const { template, form, errors } = props;
  const name = AGENDA_TEMPLATE_NAMES[template];
  const prefix = `agendaTemplates.${template}.sections`;
  const known = new Set(rowsOf(form, prefix));
  return (
    <fieldset>
      <legend>{name}</legend>
      <SettingsInput
        name={`agendaTemplates.${template}.title`}
        label="Title"
        context={`of the ${lower(name)}`}
        form={form}
        errors={errors}
      />
      {rowsWithBlank(form, prefix).map((row) => {
        const at = `${prefix}.${row}`;
        const what = `${lower(name)} section ${row + 1}`;
        const shared = { form, errors, context: `of ${what}` };
        return (
          <div class="card">
            <div class="row">
              <SettingsInput name={`${at}.heading`} label="Heading" {...shared} />
              <SettingsInput name={`${at}.minutes`} label="Time" {...shared} />
            </div>
            <SettingsInput name={`${at}.points`} label="Points" lines={4} {...shared} />
            {known.has(row) ? <RemoveBox row={at} what={what} form={form} errors={errors} /> : null}
          </div>
        );
      })}
    </fieldset>
  );
}
