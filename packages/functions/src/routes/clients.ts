import { overrideMatches, rematchClient } from "@coachflow/core/clients/service";
import { visibleClient } from "@coachflow/core/followups/service";
import { coveredSkills } from "@coachflow/core/program/skills";
import type { Session } from "@coachflow/core/sessions/model";
import type { FieldLabels } from "@coachflow/core/shared/issue-messages";
import * as z from "@coachflow/core/shared/zod";
import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { principal, requireRole } from "../http/auth";
import { readJson } from "../http/body";
import { adminSecurity, coachOrAdminSecurity, errorResponses, idParams } from "../http/openapi";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { intakeResponseSchema } from "./intake-schemas";

export const matchesBodySchema = z.object({
  coachIds: z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(
    z.minLength(1),
    z.maxLength(3),
    z.refine((ids) => new Set(ids).size === ids.length, { message: "must not name a coach twice" }),
  ),
});

export const MATCHES_LABELS: FieldLabels = {
  coachIds: "Coaches",
  "coachIds.#": "Coach #",
};

const sessionSummarySchema = z.object({
  id: z.string(),
  coachId: z.string(),
  kind: z.enum(["intro", "starter", "regular"]),
  number: z.optional(z.number().check(z.int())),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(["scheduled", "cancelled", "finished"]),
  /** The program skill the session explored, when its coach recorded one at finish. */
  skill: z.optional(z.string()),
  /** A booking matched by email alone, not yet confirmed as its client's (decision 0030). */
  unverified: z.optional(z.boolean()),
});

/** What an admin sees of a session in a client's view (no agenda, no notes). */
export function sessionSummary(s: Session): z.infer<typeof sessionSummarySchema> {
  return {
    id: s.id,
    coachId: s.coachId,
    kind: s.kind,
    ...(s.number ? { number: s.number } : {}),
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    status: s.status,
    ...(s.finish?.skill ? { skill: s.finish.skill } : {}),
    ...(s.unverified ? { unverified: true } : {}),
  };
}

export const clientViewSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  status: z.enum(["matched", "waitlisted"]),
  matchedBy: z.enum(["matcher", "admin"]),
  matches: intakeResponseSchema.shape.matches,
  sessions: z.optional(z.array(sessionSummarySchema)),
  /** The program skills the client's finished sessions explored, in the order they were covered. */
  skillsCovered: z.optional(
    z.array(z.object({ id: z.string(), name: z.string(), sessionId: z.string(), startsAt: z.string() })),
  ),
});

const json = (schema: z.core.$ZodType) => ({ content: { "application/json": { schema } } });

/** Admin views and overrides of a client's matches. */
export function clientRoutes(app: Hono, deps: AppDeps, docs: OpenApiRegistry) {
  const admin = requireRole(deps.auth, "admin");
  app.get("/v1/clients/:id", requireRole(deps.auth, "admin", "coach"), async (c) => {
    const who = principal(c);
    const client = await visibleClient(deps.bookings, who, c.req.param("id"));
    const [sessions, program] = await Promise.all([
      deps.bookings.bookings.sessionsOfClient(client.id),
      deps.bookings.program.current(),
    ]);
    const skillsCovered = coveredSkills(sessions, program);
    if (who.role === "admin") {
      return c.json({ ...client, sessions: sessions.map(sessionSummary), skillsCovered });
    }
    // A coach sees the client, their own sessions and engagement; not other coaches' or the matches.
    const { matches: _m, matchedBy: _b, engagement, engagementVersion: _v, ...profile } = client;
    const own = engagement?.coachId === who.coachId ? { engagement } : {};
    return c.json({
      ...profile,
      ...own,
      sessions: sessions.filter((s) => s.coachId === who.coachId).map(sessionSummary),
      skillsCovered,
    });
  });
  app.put("/v1/clients/:id/matches", admin, async (c) => {
    const { coachIds } = await readJson(c, matchesBodySchema, MATCHES_LABELS);
    return c.json(await overrideMatches(deps.clients, c.req.param("id"), coachIds));
  });
  app.post("/v1/clients/:id/rematch", admin, async (c) =>
    c.json(await rematchClient(deps.clients, c.req.param("id"))),
  );

  const tags = ["Clients (admin)"];
  docs.registerPath({
    method: "get",
    path: "/v1/clients/{id}",
    tags,
    summary:
      "A client's profile, matches and sessions (admin); the profile and own sessions (the client's coach)",
    security: coachOrAdminSecurity,
    request: { params: idParams },
    responses: {
      200: { description: "The client", ...json(clientViewSchema) },
      ...errorResponses(401, 403, 404),
    },
  });
  docs.registerPath({
    method: "put",
    path: "/v1/clients/{id}/matches",
    tags,
    summary: "Choose 1–3 coaches for a client (sends the client the new recommendations)",
    security: adminSecurity,
    request: { params: idParams, body: { required: true, ...json(matchesBodySchema) } },
    responses: {
      200: { description: "The client", ...json(clientViewSchema) },
      ...errorResponses(400, 401, 404, 409, 415),
    },
  });
  docs.registerPath({
    method: "post",
    path: "/v1/clients/{id}/rematch",
    tags,
    summary: "Run matching again for a client (sends the new recommendations)",
    security: adminSecurity,
    request: { params: idParams },
    responses: {
      200: { description: "The client", ...json(clientViewSchema) },
      ...errorResponses(401, 404, 409),
    },
  });
}
