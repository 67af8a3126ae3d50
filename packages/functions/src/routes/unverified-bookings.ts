import * as z from "@coachflow/core/shared/zod";
import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { requireRole } from "../http/auth";
import { adminSecurity, errorResponses, idParams } from "../http/openapi";
import type { OpenApiRegistry } from "../http/openapi-registry";

const unverifiedBookingSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  bookerId: z.string(),
  coachId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(["scheduled", "cancelled", "finished"]),
  name: z.string(),
  email: z.string(),
  answers: z.array(z.object({ question: z.string(), answer: z.string() })),
  bookedAt: z.string(),
});
const linkedSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  kind: z.enum(["intro", "starter", "regular"]),
  number: z.optional(z.number()),
});
const json = (schema: z.core.$ZodType) => ({ content: { "application/json": { schema } } });

/**
 * Bookings matched by email alone that wait for a decision (decision 0030), for the admin: the
 * list, and "it is theirs" (link) or "it is not" (reject). The admin console builds on these.
 */
export function unverifiedBookingRoutes(app: Hono, deps: AppDeps, docs: OpenApiRegistry) {
  const admin = requireRole(deps.auth, "admin");
  app.get("/v1/unverified-bookings", admin, async (c) =>
    c.json({ unverifiedBookings: await (await deps.unverified()).list() }),
  );
  app.post("/v1/unverified-bookings/:id/link", admin, async (c) => {
    const s = await (await deps.unverified()).link(c.req.param("id"));
    return c.json({
      id: s.id,
      clientId: s.clientId,
      kind: s.kind,
      ...(s.number ? { number: s.number } : {}),
    });
  });
  app.post("/v1/unverified-bookings/:id/reject", admin, async (c) => {
    await (await deps.unverified()).reject(c.req.param("id"));
    return c.json({ id: c.req.param("id"), status: "rejected" });
  });

  const tags = ["Unverified bookings (admin)"];
  docs.registerPath({
    method: "get",
    path: "/v1/unverified-bookings",
    tags,
    summary:
      "Bookings matched to a client by email alone, with a coach who does not work with them, waiting for a decision",
    security: adminSecurity,
    responses: {
      200: {
        description: "Oldest first; each with the booking's own details",
        ...json(z.object({ unverifiedBookings: z.array(unverifiedBookingSchema) })),
      },
      ...errorResponses(401, 403),
    },
  });
  docs.registerPath({
    method: "post",
    path: "/v1/unverified-bookings/{id}/link",
    tags,
    summary: "It is the client's: the session moves to them (numbered in their pair with the coach)",
    security: adminSecurity,
    request: { params: idParams },
    responses: {
      200: { description: "Linked", ...json(linkedSchema) },
      ...errorResponses(401, 403, 404, 409),
    },
  });
  docs.registerPath({
    method: "post",
    path: "/v1/unverified-bookings/{id}/reject",
    tags,
    summary: "It is not the client's: off the list; the session keeps the booking's own details only",
    security: adminSecurity,
    request: { params: idParams },
    responses: {
      200: { description: "Rejected", ...json(z.object({ id: z.string(), status: z.literal("rejected") })) },
      ...errorResponses(401, 403, 404),
    },
  });
}
