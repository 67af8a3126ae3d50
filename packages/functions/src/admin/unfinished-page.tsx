import { UNFINISHED_AFTER_MS } from "@coachflow/core/admin/dashboard";
import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { instantText, kindText } from "./format";
import { AdminLayout } from "./layout";

/** `/admin/unfinished`: meetings their coach has not finished 24 hours after their end (the oldest 50). */
export function unfinishedRoutes(app: Hono, deps: AppDeps) {
  app.get("/admin/unfinished", async (c) => {
    const cutoff = new Date(deps.clock.now().getTime() - UNFINISHED_AFTER_MS).toISOString();
    const { count, sessions } = await (await deps.admin.reads()).unfinishedSessions(cutoff, 50);
    return c.html(
      <AdminLayout title="Meetings not finished" current="dashboard">
        <p>
          {count === 0
            ? "Every meeting that ended more than 24 hours ago has been finished by its coach."
            : `${count} ${count === 1 ? "meeting has" : "meetings have"} not been finished 24 hours after the end.`}
        </p>
        {sessions.length > 0 ? (
          <table>
            <thead>
              <tr>
                <th scope="col">Ended (UTC)</th>
                <th scope="col">Session</th>
                <th scope="col">Client</th>
                <th scope="col">Coach</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr>
                  <td>{instantText(s.endsAt)}</td>
                  <td>{kindText(s)}</td>
                  <td>
                    <a href={`/admin/clients/${encodeURIComponent(s.clientId)}`}>{s.clientId}</a>
                  </td>
                  <td>{s.coachId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </AdminLayout>,
    );
  });
}
