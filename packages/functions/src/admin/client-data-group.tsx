import type { Client } from "@coachflow/core/clients/model";
import { getClient } from "@coachflow/core/clients/service";
import { eraseClient, exportClient } from "@coachflow/core/privacy/erase";
import * as z from "@coachflow/core/shared/zod";
import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { privacyOf } from "../privacy-deps";
import { field, parseForm } from "../web/forms";
import { ErrorSummary, FieldError } from "../web/layout";
import { adminBase } from "./base";
import { AdminLayout } from "./layout";

const eraseForm = z.object({ confirm: field(10) });

/**
 * A client's data from the console: the JSON export and the erasure behind its confirmation
 * (`/admin/clients/{id}/export`, `/erase`). A route group of its own (routes/groups.ts): these
 * load the privacy store, and the client pages (admin/clients-group.ts) the matching and the email
 * log, so that neither cold start loads the other's. Same guards and sign-in as every console page.
 */
export function clientDataRoutes(app: Hono, deps: AppDeps, _docs: OpenApiRegistry) {
  adminBase(app, deps);
  app.get("/admin/clients/:id/export", async (c) => {
    const id = c.req.param("id");
    const doc = await exportClient(privacyOf(deps), id, { includePrivateNotes: false });
    c.header("content-disposition", `attachment; filename="${id}-export.json"`);
    return c.json(doc);
  });

  app.get("/admin/clients/:id/erase", async (c) => {
    const client = await getClient(deps.clients, c.req.param("id"));
    return c.html(<ErasePage client={client} />);
  });

  app.post("/admin/clients/:id/erase", async (c) => {
    const id = c.req.param("id");
    const { confirm } = await parseForm(c, eraseForm);
    if (confirm !== "yes") {
      const client = await getClient(deps.clients, id);
      return c.html(<ErasePage client={client} error />, 400);
    }
    await eraseClient(privacyOf(deps), id);
    return c.html(
      <AdminLayout title="Client erased" current="clients">
        <p class="notice">
          Everything the program held about this client is erased. Only a record of the erasure (its id and
          time) remains.
        </p>
        <p>
          <a href="/admin/clients">Back to the clients</a>
        </p>
      </AdminLayout>,
    );
  });
}

function ErasePage(props: { client: Client; error?: boolean }) {
  const { client } = props;
  const errors = props.error ? [{ field: "confirm", message: "Tick the box to confirm the erasure" }] : [];
  return (
    <AdminLayout
      title={`Erase ${client.name}?`}
      current="clients"
      documentTitle={props.error ? `Error: Erase ${client.name}?` : `Erase ${client.name}?`}
    >
      <ErrorSummary errors={errors} />
      <p>
        This deletes every item, schedule, email record and webhook body about {client.name} ({client.email}),
        and cannot be undone. Their coach loses nothing else; a record of the erasure (its id and time)
        remains.
      </p>
      <form method="post" action={`/admin/clients/${encodeURIComponent(client.id)}/erase`} novalidate>
        <div class={props.error ? "field-error" : ""}>
          <FieldError id="confirm" errors={errors} />
          <label for="confirm" class="inline-choice">
            <input
              type="checkbox"
              id="confirm"
              name="confirm"
              value="yes"
              {...(props.error ? { "aria-describedby": "confirm-error", "aria-invalid": "true" } : {})}
            />{" "}
            I understand that everything about {client.name} will be erased
          </label>
        </div>
        <button type="submit" class="danger">
          Erase {client.name}
        </button>
      </form>
      <p>
        <a href={`/admin/clients/${encodeURIComponent(client.id)}`}>Keep {client.name} and go back</a>
      </p>
    </AdminLayout>
  );
}
