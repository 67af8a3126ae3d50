import { notFound } from "@coachflow/core/errors";
import * as z from "@coachflow/core/shared/zod";
import { DELIVERY_OUTCOMES, type Delivery } from "@coachflow/core/webhooks/deliveries";
import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { AdminProblemPage } from "./error-pages";
import { instantText } from "./format";
import { AdminLayout } from "./layout";

const PROVIDERS = ["calendly", "calcom"] as const;
const PROVIDER_NAMES = { calendly: "Calendly", calcom: "Cal.com" } as const;
const listQuery = z.object({
  status: z._default(z.enum(DELIVERY_OUTCOMES), "failed"),
  provider: z.optional(z.enum(PROVIDERS)),
  cursor: z.optional(z.string().check(z.maxLength(1024))),
});

/** `/admin/deliveries`: the webhook delivery log by outcome and provider; one delivery; replay. */
export function deliveryPageRoutes(app: Hono, deps: AppDeps) {
  app.get("/admin/deliveries", async (c) => {
    const query = z.safeParse(listQuery, {
      ...c.req.query(),
      ...(c.req.query("provider") === "" ? { provider: undefined } : {}),
    });
    if (!query.success)
      return c.html(
        <AdminProblemPage
          title="This list cannot be shown"
          text="Choose an outcome (processed, ignored, rejected or failed) and a provider (Calendly or Cal.com) from the lists."
          back="/admin/deliveries"
        />,
        400,
      );
    const { status, provider, cursor } = query.data;
    const page = await (await deps.admin.reads()).listDeliveries(
      { outcome: status, ...(provider ? { provider } : {}) },
      { limit: 25, ...(cursor ? { cursor } : {}) },
    );
    const more = new URLSearchParams({
      status,
      ...(provider ? { provider } : {}),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    });
    return c.html(
      <AdminLayout title="Webhook deliveries" current="deliveries">
        <form method="get" action="/admin/deliveries" class="filters" aria-label="Filter deliveries">
          <div>
            <label for="status">Outcome</label>
            <select id="status" name="status">
              {DELIVERY_OUTCOMES.map((o) => (
                <option value={o} selected={status === o}>
                  {o[0]!.toUpperCase() + o.slice(1)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="provider">Provider</label>
            <select id="provider" name="provider">
              <option value="">Any provider</option>
              {PROVIDERS.map((p) => (
                <option value={p} selected={provider === p}>
                  {PROVIDER_NAMES[p]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit">Show deliveries</button>
          </div>
        </form>
        {page.items.length === 0 ? (
          <p>
            No {status} deliveries{provider ? ` from ${PROVIDER_NAMES[provider]}` : ""} in the last 30 days.
          </p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Received (UTC)</th>
                <th scope="col">Provider</th>
                <th scope="col">Event</th>
                <th scope="col">Outcome</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((d) => (
                <tr>
                  <td>
                    <a href={`/admin/deliveries/${encodeURIComponent(d.id)}`}>{instantText(d.receivedAt)}</a>
                  </td>
                  <td>{PROVIDER_NAMES[d.provider]}</td>
                  <td>{d.eventName ?? "–"}</td>
                  <td>
                    {d.outcome} ({d.httpStatus})
                  </td>
                  <td>{d.reason ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {page.cursor ? (
          <nav class="pager" aria-label="Pages">
            <a href={`/admin/deliveries?${more}`}>Next page</a>
          </nav>
        ) : null}
      </AdminLayout>,
    );
  });

  app.get("/admin/deliveries/:id", async (c) => {
    const delivery = await deps.deliveries.get(c.req.param("id"));
    if (!delivery) throw notFound("delivery");
    const replayed = c.req.query("replayed");
    return c.html(<DeliveryPage delivery={delivery} replayed={replayed === "1"} />);
  });
}

/** The body as a person reads it: indented JSON when it parses, else as it came. */
function readable(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function DeliveryPage(props: { delivery: Delivery; replayed: boolean }) {
  const d = props.delivery;
  return (
    <AdminLayout title={`Delivery from ${PROVIDER_NAMES[d.provider]}`} current="deliveries">
      {props.replayed ? (
        <p class="notice" role="status">
          Replayed: the outcome below is the replay's.
        </p>
      ) : null}
      <dl class="brief">
        <dt>Outcome</dt>
        <dd>
          {d.outcome} (HTTP {d.httpStatus})
        </dd>
        <dt>Why</dt>
        <dd>{d.reason ?? "–"}</dd>
        <dt>Event</dt>
        <dd>{d.eventName ?? "–"}</dd>
        <dt>Received (UTC)</dt>
        <dd>{instantText(d.receivedAt)}</dd>
        <dt>Attempts</dt>
        <dd>
          {d.attempts}, the last {instantText(d.lastAttemptAt)}
        </dd>
        <dt>Session</dt>
        <dd>{d.sessionId ?? "–"}</dd>
        <dt>Body hash</dt>
        <dd>
          <code>{d.bodyHash}</code>
        </dd>
      </dl>
      <h2>Headers</h2>
      {d.headers && Object.keys(d.headers).length > 0 ? (
        <dl class="brief">
          {Object.entries(d.headers).map(([name, value]) => (
            <>
              <dt>{name}</dt>
              <dd>
                <code>{value}</code>
              </dd>
            </>
          ))}
        </dl>
      ) : (
        <p>No headers were kept for this delivery (signatures and secrets never are).</p>
      )}
      <h2>Body</h2>
      {d.body === undefined ? (
        <p>The body was not kept: a delivery whose signature did not check out keeps none.</p>
      ) : (
        <>
          <pre>{readable(d.body)}</pre>
          <form method="post" action={`/admin/deliveries/${encodeURIComponent(d.id)}/replay`}>
            <button type="submit">Replay this delivery</button>
          </form>
        </>
      )}
      <p>
        <a href={`/admin/deliveries?status=${d.outcome}`}>Back to the {d.outcome} deliveries</a>
      </p>
    </AdminLayout>
  );
}
