import { unverifiedRows } from "@coachflow/core/admin/unverified-rows";
import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { instantText } from "./format";
import { AdminLayout } from "./layout";

/**
 * `/admin/unverified`: the unverified bookings waiting for a decision (the dashboard's figure),
 * oldest first, each linked to the page of the client whose address it used, where it is linked
 * or rejected (decision 0036).
 */
export function unverifiedListRoutes(app: Hono, deps: AppDeps) {
  app.get("/admin/unverified", async (c) => {
    const rows = await unverifiedRows({ reads: await deps.admin.reads(), clients: deps.clients });
    return c.html(
      <AdminLayout title="Unverified bookings" current="dashboard">
        <p>
          {rows.length === 0
            ? "No booking is waiting for a decision."
            : `${rows.length} ${rows.length === 1 ? "booking was" : "bookings were"} made with a client's address, with a coach who does not work with them. Open the client to link or reject each.`}
        </p>
        {rows.length > 0 ? (
          <table>
            <thead>
              <tr>
                <th scope="col">Booked (UTC)</th>
                <th scope="col">Name on the booking</th>
                <th scope="col">Email on the booking</th>
                <th scope="col">Starts (UTC)</th>
                <th scope="col">Coach</th>
                <th scope="col">Client with this address</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr>
                  <td>{instantText(u.bookedAt)}</td>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{instantText(u.startsAt)}</td>
                  <td>{u.coachName}</td>
                  <td>
                    <a href={`/admin/clients/${encodeURIComponent(u.clientId)}#unverified-bookings`}>
                      Decide on the client's page
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </AdminLayout>,
    );
  });
}
