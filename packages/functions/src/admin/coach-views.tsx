import type { CoachRow } from "@coachflow/core/admin/coach-admin";
import type { CoachFormValues } from "@coachflow/core/admin/coach-form";
import { BOOKING_PROVIDERS } from "@coachflow/core/coaches/schema";
import type { Child } from "hono/jsx";
import type { FormError } from "../web/form-errors";
import { describedBy, ErrorSummary, FieldError } from "../web/layout";
import { firstBox } from "./coach-fields";
import { AdminLayout } from "./layout";

const PROVIDER_LABEL: Record<(typeof BOOKING_PROVIDERS)[number], string> = {
  calendly: "Calendly",
  calcom: "Cal.com",
};

function Notice(props: { text?: string | undefined }) {
  return props.text ? (
    <p class="notice" role="status">
      {props.text}
    </p>
  ) : null;
}

/** `/admin/coaches`: every coach, active or not, with their load against their capacity. */
export function CoachListPage(props: { rows: CoachRow[]; next?: string | undefined; notice?: string }) {
  return (
    <AdminLayout title="Coaches" current="coaches">
      <Notice text={props.notice} />
      <p>
        <a class="button" href="/admin/coaches/new">
          Add a coach
        </a>
      </p>
      {props.rows.length === 0 ? (
        <p>There are no coaches yet.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Coaches, with their load and whether they are active</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email address</th>
              <th scope="col">Load</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td>
                  <a href={`/admin/coaches/${r.id}`}>{r.name}</a>
                </td>
                <td>{r.email}</td>
                <td>
                  {r.activeClients} of {r.capacity} clients
                  {r.atCapacity ? <span class="muted"> (full)</span> : null}
                </td>
                <td>{r.active ? "Active" : "Inactive"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.next ? (
        <p>
          <a href={`/admin/coaches?cursor=${encodeURIComponent(props.next)}`}>Next page of coaches</a>
        </p>
      ) : null}
    </AdminLayout>
  );
}

/** The program's words the form offers: styles, levels and topics by id and label. */
export interface CoachFormChoices {
  styles: { id: string; label: string }[];
  levels: { id: string; label: string }[];
  topics: { id: string; label: string }[];
  timeZones: readonly string[];
}

interface FieldProps {
  id: keyof CoachFormValues & string;
  label: string;
  hint?: string;
  values: CoachFormValues;
  errors: FormError[];
  inputmode?: "url" | "numeric";
  type?: "text" | "email";
}

const fieldClass = (id: string, errors: readonly FormError[]) =>
  errors.some((e) => e.field === id) ? "field-error" : "";

function TextField(p: FieldProps) {
  return (
    <div class={fieldClass(p.id, p.errors)}>
      <label for={p.id}>
        {p.label}
        {p.hint ? (
          <span class="hint" id={`${p.id}-hint`}>
            {p.hint}
          </span>
        ) : null}
      </label>
      <FieldError id={p.id} errors={p.errors} />
      <input
        type={p.type ?? "text"}
        id={p.id}
        name={p.id}
        value={String(p.values[p.id])}
        {...(p.inputmode ? { inputmode: p.inputmode } : {})}
        {...(p.type === "email" ? { autocomplete: "off", spellcheck: false } : {})}
        {...describedBy(p.id, p.errors, Boolean(p.hint))}
      />
    </div>
  );
}

function Boxes(props: {
  name: "specialties" | "seniorityLevels";
  legend: string;
  hint: string;
  options: { id: string; label: string }[];
  values: CoachFormValues;
  errors: FormError[];
  children?: Child;
}) {
  const id = firstBox(props.name);
  const ticked = new Set(props.values[props.name]);
  return (
    <fieldset class={fieldClass(id, props.errors)} aria-describedby={`${props.name}-hint`}>
      <legend>{props.legend}</legend>
      <p class="hint" id={`${props.name}-hint`}>
        {props.hint}
      </p>
      <FieldError id={id} errors={props.errors} />
      <div class="choices">
        {props.options.map((o, i) => (
          <label>
            <input
              type="checkbox"
              id={`${props.name}-${i}`}
              name={props.name}
              value={o.id}
              checked={ticked.has(o.id)}
              {...(i === 0 ? describedBy(id, props.errors) : {})}
            />
            {o.label}
          </label>
        ))}
      </div>
      {props.children}
    </fieldset>
  );
}

/** `/admin/coaches/new` and `/admin/coaches/{id}`: every field of the coaches API. */
export function CoachFormPage(props: {
  mode: "new" | "edit";
  coachId?: string;
  coachName?: string;
  active?: boolean;
  values: CoachFormValues;
  errors?: FormError[];
  choices: CoachFormChoices;
  notice?: string | undefined;
  webhookSection?: Child;
}) {
  const v = props.values;
  const errors = props.errors ?? [];
  const title = props.mode === "new" ? "Add a coach" : `Coach: ${props.coachName}`;
  const action = props.mode === "new" ? "/admin/coaches/new" : `/admin/coaches/${props.coachId}`;
  const zones = props.choices.timeZones.includes(v.timezone)
    ? props.choices.timeZones
    : [v.timezone, ...props.choices.timeZones].filter(Boolean);
  const knownTopics = new Set(props.choices.topics.map((t) => t.id));
  return (
    <AdminLayout title={title} current="coaches">
      <ErrorSummary errors={errors} />
      <Notice text={props.notice} />
      <p>
        <a href="/admin/coaches">Back to all coaches</a>
      </p>
      {props.mode === "edit" ? <h2 id="profile">Profile</h2> : null}
      <form method="post" action={action} novalidate>
        <TextField id="name" label="Name" values={v} errors={errors} />
        <TextField id="email" label="Email address" type="email" values={v} errors={errors} />
        <div class={fieldClass("bio", errors)}>
          <label for="bio">
            Bio
            <span class="hint" id="bio-hint">
              What clients read about the coach in their recommendations.
            </span>
          </label>
          <FieldError id="bio" errors={errors} />
          <textarea id="bio" name="bio" rows={5} {...describedBy("bio", errors, true)}>
            {v.bio}
          </textarea>
        </div>
        <Boxes
          name="specialties"
          legend="Specialties"
          hint="The program's topics the coach helps with (1 to 20 in all)."
          options={props.choices.topics}
          values={{ ...v, specialties: v.specialties.filter((s) => knownTopics.has(s)) }}
          errors={errors}
        >
          <TextField
            id="otherSpecialties"
            label="Other specialties"
            hint="Not among the topics above; separated by commas, like public speaking, hiring."
            values={v}
            errors={errors}
          />
        </Boxes>
        <TextField
          id="languages"
          label="Languages"
          hint="Two-letter codes separated by commas, like en, pt."
          values={v}
          errors={errors}
        />
        <div class={fieldClass("timezone", errors)}>
          <label for="timezone">Time zone</label>
          <FieldError id="timezone" errors={errors} />
          <select id="timezone" name="timezone" {...describedBy("timezone", errors)}>
            {zones.map((z) => (
              <option value={z} selected={z === v.timezone}>
                {z}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="capacity"
          label="Capacity"
          hint="The most clients the coach takes at once, 0 to 500."
          inputmode="numeric"
          values={v}
          errors={errors}
        />
        <div class={fieldClass("style", errors)}>
          <label for="style">Coaching style</label>
          <FieldError id="style" errors={errors} />
          <select id="style" name="style" {...describedBy("style", errors)}>
            <option value="" selected={v.style === ""}>
              Choose a style
            </option>
            {props.choices.styles.map((s) => (
              <option value={s.id} selected={s.id === v.style}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <Boxes
          name="seniorityLevels"
          legend="Seniority levels"
          hint="The levels of the clients the coach works with (at least one)."
          options={props.choices.levels}
          values={v}
          errors={errors}
        />
        <fieldset class={fieldClass("bookingProvider-calendly", errors)}>
          <legend>Booking provider</legend>
          <FieldError id="bookingProvider-calendly" errors={errors} />
          <div class="choices">
            {BOOKING_PROVIDERS.map((p) => (
              <label>
                <input
                  type="radio"
                  id={`bookingProvider-${p}`}
                  name="bookingProvider"
                  value={p}
                  checked={v.bookingProvider === p}
                />
                {PROVIDER_LABEL[p]}
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          id="bookingUrl"
          label="Intro booking URL"
          hint="The page where clients book their intro, linked from the recommendation email."
          inputmode="url"
          values={v}
          errors={errors}
        />
        <TextField
          id="sessionBookingUrl"
          label="Session booking URL (optional)"
          hint="The page for later sessions. Leave it empty to use the intro booking URL for those too."
          inputmode="url"
          values={v}
          errors={errors}
        />
        <TextField id="pricingUrl" label="Pricing URL" inputmode="url" values={v} errors={errors} />
        <div class={fieldClass("welcomeMessage", errors)}>
          <label for="welcomeMessage">
            Welcome message (optional)
            <span class="hint" id="welcomeMessage-hint">
              The coach's own opening of the welcome email after an intro. Leave it empty for the program's.
            </span>
          </label>
          <FieldError id="welcomeMessage" errors={errors} />
          <textarea
            id="welcomeMessage"
            name="welcomeMessage"
            rows={4}
            {...describedBy("welcomeMessage", errors, true)}
          >
            {v.welcomeMessage}
          </textarea>
        </div>
        <div class={`choices ${fieldClass("active", errors)}`}>
          <FieldError id="active" errors={errors} />
          <label for="active">
            <input type="checkbox" id="active" name="active" value="yes" checked={v.active} />
            Active: matched with new clients, and able to sign in to the workspace
          </label>
        </div>
        <button type="submit">{props.mode === "new" ? "Create coach" : "Save changes"}</button>
      </form>

      {props.mode === "edit" ? (
        <>
          <h2 id="status">Status</h2>
          {props.active ? (
            <form method="post" action={`/admin/coaches/${props.coachId}/deactivate`}>
              <p>
                Deactivating takes the coach out of matching and signs them out of the workspace in every
                browser at once. Their clients and sessions stay as they are.
              </p>
              <button type="submit">Deactivate coach</button>
            </form>
          ) : (
            <form method="post" action={`/admin/coaches/${props.coachId}/reactivate`}>
              <p>This coach is inactive: not matched with new clients, and unable to sign in.</p>
              <button type="submit">Reactivate coach</button>
            </form>
          )}
          <section aria-labelledby="calcom-webhook">
            <h2 id="calcom-webhook">Cal.com webhook (URL and secret)</h2>
            {props.webhookSection}
          </section>
        </>
      ) : null}
    </AdminLayout>
  );
}
