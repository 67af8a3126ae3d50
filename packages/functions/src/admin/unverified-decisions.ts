import { AppError } from "@coachflow/core/errors";
import * as z from "@coachflow/core/shared/zod";
import type { Context, Hono } from "hono";
import type { AppDeps } from "../composition";
import { adminAction } from "./admin-action";

/** The ids in the path: as the program makes them (a prefix, `_`, a ULID); anything else names nothing. */
const anId = z.string().check(z.regex(/^[a-z]{3}_[0-9A-Z]{26}$/));
const params = z.object({ id: anId, sessionId: anId });

const pageOf = (c: Context) => `/admin/clients/${encodeURIComponent(c.req.param("id") ?? "")}`;

/**
 * "Link to this client" and "Reject" on a client's console page (decision 0036): the API's own
 * decisions (`linkUnverified`, `rejectUnverified`, decision 0030), scoped to bookings made with
 * this client's address, served by the webhooks' group, whose chunk holds them (as the replay,
 * `adminAction`). Back to the client's page with the outcome in the query, which the page words:
 * `decided=linked|rejected`, or `problem=gone` (decided meanwhile, or not made with this client's
 * address) and `problem=conflict` (the client is gone), with the booking's id.
 */
export function unverifiedDecisionRoutes(app: Hono, deps: AppDeps) {
  for (const decision of ["link", "reject"] as const) {
    adminAction(app, deps, `/admin/clients/:id/unverified/:sessionId/${decision}`, pageOf, async (c) => {
      const clientId = c.req.param("id") ?? "";
      const sessionId = c.req.param("sessionId") ?? "";
      const booking = `booking=${encodeURIComponent(sessionId)}`;
      // Ids the program never made are no booking of this client's: the page says so, nothing is read.
      if (!z.safeParse(params, { id: clientId, sessionId }).success)
        return `${pageOf(c)}?problem=gone&${booking}#unverified-bookings`;
      const decisions = await deps.unverified();
      try {
        if (decision === "link") await decisions.link(sessionId, { by: "admin", clientId });
        else await decisions.reject(sessionId, clientId);
      } catch (error) {
        if (!(error instanceof AppError) || (error.code !== "not_found" && error.code !== "conflict"))
          throw error;
        const problem = error.code === "not_found" ? "gone" : "conflict";
        return `${pageOf(c)}?problem=${problem}&${booking}#unverified-bookings`;
      }
      return `${pageOf(c)}?decided=${decision === "link" ? "linked" : "rejected"}&${booking}`;
    });
  }
}
