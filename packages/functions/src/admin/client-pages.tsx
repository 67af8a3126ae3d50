import { type AdminClientView, adminClientView, findClients } from "@coachflow/core/admin/clients";
import { CLIENT_PHASES, type ClientPhase, PHASE_LABELS } from "@coachflow/core/admin/phases";
import type { ClientRow } from "@coachflow/core/admin/ports";
import { overrideMatches, rematchClient } from "@coachflow/core/clients/service";
import { AppError } from "@coachflow/core/errors";
import * as z from "@coachflow/core/shared/zod";
import type { Context, Hono } from "hono";
import type { AppDeps } from "../composition";
import type { FormError } from "../web/form-errors";
import { listField, parseForm } from "../web/forms";
import { ErrorSummary, FieldError } from "../web/layout";
import { AdminProblemPage } from "./error-pages";
import { dayText, instantText, kindText } from "./format";
import { AdminLayout } from "./layout";
import {
  type UnverifiedOutcome,
  UnverifiedSection,
  unverifiedErrors,
  unverifiedOutcome,
} from "./unverified-views";

const listQuery = z.object({
  status: z.optional(z.enum(CLIENT_PHASES)),
  q: z.optional(z.string().check(z.maxLength(200))),
  cursor: z.optional(z.string().check(z.maxLength(1024))),
});
const overrideForm = z.object({ coachIds: listField(64, 50) });

/** `/admin/clients` and `/admin/clients/{id}`: find a client, see them whole, rematch, override, export, erase. */
export function clientPageRoutes(app: Hono, deps: AppDeps) {
  app.get("/admin/clients", async (c) => {
    // The filter form sends `status=` for "Any status" (as the deliveries' form sends `provider=`).
    const query = z.safeParse(listQuery, {
      ...c.req.query(),
      ...(c.req.query("status") === "" ? { status: undefined } : {}),
    });
    if (!query.success)
      return c.html(
        <AdminProblemPage
          title="This list cannot be shown"
          text="Choose a status from the list (waitlisted, matched, booked, engaged or ended) and try again."
          back="/admin/clients"
        />,
        400,
      );
    const page = await findClients(await deps.admin.reads(), query.data);
    return c.html(<ClientListPage {...query.data} page={page} />);
  });

  app.get("/admin/clients/:id", async (c) => c.html(await clientPage(c, deps)));

  app.post("/admin/clients/:id/matches", async (c) => {
    const { coachIds } = await parseForm(c, overrideForm);
    const id = c.req.param("id");
    if (coachIds.length < 1 || coachIds.length > 3) {
      const error = {
        field: "override-first",
        message: coachIds.length === 0 ? "Choose at least one coach" : "Choose at most 3 coaches",
      };
      return c.html(await clientPage(c, deps, { errors: [error], chosen: coachIds }), 400);
    }
    try {
      await overrideMatches(deps.clients, id, coachIds);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
      const message = "One of the coaches chosen no longer exists: choose again";
      return c.html(await clientPage(c, deps, { errors: [{ field: "override-first", message }] }), 400);
    }
    return c.redirect(`/admin/clients/${encodeURIComponent(id)}?done=override`, 303);
  });

  app.post("/admin/clients/:id/rematch", async (c) => {
    const id = c.req.param("id");
    await rematchClient(deps.clients, id);
    return c.redirect(`/admin/clients/${encodeURIComponent(id)}?done=rematch`, 303);
  });
}

const viewDeps = (deps: AppDeps) => ({
  clients: deps.clients,
  bookings: deps.bookings.bookings,
  followups: deps.bookings.followups,
  reads: {
    emailLog: async (id: string, ids: readonly string[]) => (await deps.admin.reads()).emailLog(id, ids),
    unverifiedBookings: async (id?: string) => (await deps.admin.reads()).unverifiedBookings(id),
  },
});

async function clientPage(c: Context, deps: AppDeps, form?: { errors: FormError[]; chosen?: string[] }) {
  const view = await adminClientView(viewDeps(deps), c.req.param("id") ?? "");
  const done = c.req.query("done");
  const outcome = unverifiedOutcome((name) => c.req.query(name));
  const errors = [...(form?.errors ?? []), ...unverifiedErrors(outcome, view.unverified)];
  return (
    <ClientPage
      view={view}
      form={{ errors, ...(form?.chosen ? { chosen: form.chosen } : {}) }}
      outcome={outcome}
      done={done === "override" || done === "rematch" ? done : undefined}
    />
  );
}

function ClientListPage(props: {
  status?: ClientPhase | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  page: { items: ClientRow[]; cursor?: string; searched?: string };
}) {
  const { page } = props;
  const title = props.status ? `Clients: ${PHASE_LABELS[props.status].toLowerCase()}` : "Clients";
  const more = new URLSearchParams({
    ...(props.status ? { status: props.status } : {}),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
  return (
    <AdminLayout title={title} current="clients">
      <form method="get" action="/admin/clients" class="filters" aria-label="Find clients">
        <div>
          <label for="q">
            Name or email
            <span class="hint" id="q-hint">
              The start of a name or of an address
            </span>
          </label>
          <input
            type="text"
            id="q"
            name="q"
            value={props.q ?? ""}
            aria-describedby="q-hint"
            spellcheck={false}
          />
        </div>
        <div>
          <label for="status">Status</label>
          <select id="status" name="status">
            <option value="">Any status</option>
            {CLIENT_PHASES.map((p) => (
              <option value={p} selected={props.status === p}>
                {PHASE_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">Show clients</button>
        </div>
      </form>
      {page.searched ? (
        <p>
          {page.items.length === 0
            ? "No client"
            : `${page.items.length} ${page.items.length === 1 ? "client" : "clients"}`}{" "}
          whose name or email starts with “{page.searched}”. <a href="/admin/clients">Clear the search</a>
        </p>
      ) : null}
      {page.items.length === 0 ? (
        <p>No clients to show.</p>
      ) : (
        <table>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Status</th>
              <th scope="col">Applied</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((row) => (
              <tr>
                <td>
                  <a href={`/admin/clients/${encodeURIComponent(row.id)}`}>{row.name}</a>
                </td>
                <td>{row.email}</td>
                <td>{PHASE_LABELS[row.phase]}</td>
                <td>{dayText(row.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.cursor ? (
        <nav class="pager" aria-label="Pages">
          <a href={`/admin/clients?${more}`}>Next page</a>
        </nav>
      ) : null}
    </AdminLayout>
  );
}

const DONE = {
  override: "The coaches you chose are saved, and the client has been sent the new recommendations.",
  rematch: "Matching ran again; the client has been sent the new recommendations (or the waitlist email).",
};

function ClientPage(props: {
  view: AdminClientView;
  form?: { errors: FormError[]; chosen?: string[] };
  outcome?: UnverifiedOutcome | undefined;
  done?: "override" | "rematch" | undefined;
}) {
  const { client, phase, sessions, emails, candidates, unverified } = props.view;
  const errors = props.form?.errors ?? [];
  const overrideErrors = errors.filter((e) => e.field === "override-first");
  const chosen = new Set(props.form?.chosen ?? client.matches.map((m) => m.coachId));
  const id = encodeURIComponent(client.id);
  return (
    <AdminLayout
      title={client.name}
      current="clients"
      documentTitle={errors.length > 0 ? `Error: ${client.name}` : client.name}
    >
      <ErrorSummary errors={errors} />
      {props.done ? (
        <p class="notice" role="status">
          {DONE[props.done]}
        </p>
      ) : null}
      <h2>Profile</h2>
      <dl class="brief">
        <dt>Email</dt>
        <dd>{client.email}</dd>
        <dt>Status</dt>
        <dd>{PHASE_LABELS[phase]}</dd>
        <dt>Applied</dt>
        <dd>{dayText(client.createdAt)}</dd>
        <dt>Time zone</dt>
        <dd>{client.timezone}</dd>
        <dt>Topics</dt>
        <dd>{client.preferences.topics.join(", ") || "None given"}</dd>
        <dt>Languages</dt>
        <dd>{client.preferences.languages.join(", ")}</dd>
        {client.goals ? (
          <>
            <dt>Goals</dt>
            <dd>{client.goals}</dd>
          </>
        ) : null}
      </dl>

      <h2>Matches</h2>
      {client.matches.length === 0 ? (
        <p>No coach is recommended: the client is waiting for one.</p>
      ) : (
        <ol>
          {client.matches.map((m) => (
            <li>
              <strong>{m.name}</strong> (score {m.score.toFixed(2)}
              {client.matchedBy === "admin" ? ", chosen by an admin" : ""}): {m.reasons.join("; ")}
            </li>
          ))}
        </ol>
      )}
      <form method="post" action={`/admin/clients/${id}/rematch`}>
        <button type="submit" class="secondary">
          Run matching again
        </button>
      </form>

      <h2>Choose the coaches yourself</h2>
      <form method="post" action={`/admin/clients/${id}/matches`} novalidate>
        <fieldset {...(overrideErrors.length > 0 ? { "aria-describedby": "override-first-error" } : {})}>
          <legend>Coaches to recommend (1 to 3), with their load and how they fit</legend>
          <FieldError id="override-first" errors={errors} />
          <div class="choices">
            {candidates.map((cand, n) => (
              <label>
                <input
                  type="checkbox"
                  name="coachIds"
                  value={cand.coach.id}
                  id={n === 0 ? "override-first" : `override-${n}`}
                  checked={chosen.has(cand.coach.id)}
                />
                {cand.coach.name}: {cand.coach.activeClients} of {cand.coach.capacity} clients;{" "}
                {cand.fit
                  ? `fit ${cand.fit.score.toFixed(2)}${cand.fit.reasons.length > 0 ? ` (${cand.fit.reasons.join("; ")})` : ""}`
                  : `not proposed by matching: ${cand.excluded ?? "no fit"}`}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit">Save these coaches and email the client</button>
      </form>

      <h2>Sessions</h2>
      {sessions.length === 0 ? (
        <p>No session booked.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">Starts (UTC)</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr>
                <td>{kindText(s)}</td>
                <td>{instantText(s.startsAt)}</td>
                <td>{s.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Engagement</h2>
      <p>
        {client.engagement
          ? `${client.engagement.status === "active" ? "Active" : "Ended"}, ${client.engagement.mode}${client.engagement.cadence ? ` (${client.engagement.cadence})` : ""}, since ${dayText(client.engagement.since)}${client.engagement.endedAt ? `, ended ${dayText(client.engagement.endedAt)}` : ""}.`
          : "No engagement yet."}
      </p>

      <h2>Email log</h2>
      {emails.length === 0 ? (
        <p>No email sent to or about this client yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Email</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {emails.map((e) => (
              <tr>
                <td>{e.at ? instantText(e.at) : "–"}</td>
                <td>{e.job ?? e.key}</td>
                <td>{e.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <UnverifiedSection
        clientId={client.id}
        name={client.name}
        rows={unverified}
        errors={errors}
        outcome={props.outcome}
      />

      <h2>Their data</h2>
      <p>
        <a href={`/admin/clients/${id}/export`} download>
          Download everything held about {client.name} (JSON)
        </a>
      </p>
      <p>
        <a href={`/admin/clients/${id}/erase`}>Erase {client.name}</a>
      </p>
    </AdminLayout>
  );
}
