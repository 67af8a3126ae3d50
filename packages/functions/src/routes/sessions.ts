import { AppError } from "@coachflow/core/errors";
import { finishSession } from "@coachflow/core/followups/finish";
import {
  FINISH_LABELS,
  finishInputSchema,
  NOTES_LABELS,
  notesInputSchema,
} from "@coachflow/core/followups/schema";
import { coachSessions, putNotes } from "@coachflow/core/followups/service";
import { sessionDetail } from "@coachflow/core/followups/session-detail";
import * as z from "@coachflow/core/shared/zod";
import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { principal, requireRole } from "../http/auth";
import { readJson, validate } from "../http/body";
import { coachOrAdminSecurity, coachSecurity, errorResponses } from "../http/openapi";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { sessionSummary } from "./clients";

const rangeQuery = z
  .object({
    from: z.optional(z.iso.datetime({ offset: true })),
    to: z.optional(z.iso.datetime({ offset: true })),
  })
  .check(
    z.refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
      message: "must not be after `to`",
      path: ["from"],
    }),
  );
const json = (schema: z.core.$ZodType) => ({ content: { "application/json": { schema } } });
const params = z.object({ id: z.string() });

/** The coach's side of sessions: their calendar, a session's brief and agenda, notes, finishing. */
export function sessionRoutes(app: Hono, deps: AppDeps, docs: OpenApiRegistry) {
  const coach = requireRole(deps.auth, "coach");
  const coachOrAdmin = requireRole(deps.auth, "coach", "admin");
  const jobs = deps.bookings;

  app.get("/v1/me/sessions", coach, async (c) => {
    const who = principal(c);
    if (who.role !== "coach") throw new AppError("forbidden", "for coaches only");
    const q = validate(rangeQuery, c.req.query());
    const range = {
      ...(q.from ? { from: new Date(q.from).toISOString() } : {}),
      ...(q.to ? { to: new Date(q.to).toISOString() } : {}),
    };
    const sessions = await coachSessions(jobs, who.coachId, range);
    return c.json({ sessions: sessions.map((s) => ({ ...sessionSummary(s), clientId: s.clientId })) });
  });

  app.get("/v1/sessions/:id", coachOrAdmin, async (c) =>
    c.json(await sessionDetail(jobs, principal(c), c.req.param("id"))),
  );

  app.put("/v1/sessions/:id/notes", coach, async (c) => {
    const { notes, notesVersion } = await readJson(c, notesInputSchema, NOTES_LABELS);
    await putNotes(jobs, principal(c), c.req.param("id"), notes, notesVersion);
    return c.json({ saved: true });
  });

  app.post("/v1/sessions/:id/finish", coach, async (c) => {
    const input = await readJson(c, finishInputSchema, FINISH_LABELS);
    const { session, alreadyFinished } = await finishSession(jobs, principal(c), c.req.param("id"), input);
    return c.json({ ...sessionSummary(session), finish: session.finish, alreadyFinished });
  });

  const tags = ["Sessions (coach)"];
  docs.registerPath({
    method: "get",
    path: "/v1/me/sessions",
    tags,
    summary: "The calling coach's sessions, by start time",
    security: coachSecurity,
    request: { query: rangeQuery },
    responses: { 200: { description: "Sessions" }, ...errorResponses(400, 401, 403) },
  });
  docs.registerPath({
    method: "get",
    path: "/v1/sessions/{id}",
    tags,
    summary:
      "A session: agenda, client brief, goals, open action items, previous takeaways (notes for its coach only)",
    security: coachOrAdminSecurity,
    request: { params },
    responses: { 200: { description: "The session" }, ...errorResponses(401, 403, 404) },
  });
  docs.registerPath({
    method: "put",
    path: "/v1/sessions/{id}/notes",
    tags,
    summary: "The coach's private notes (never emailed, logged or shown to anyone else)",
    description: "With `notesVersion` (as read): 409 if the notes changed since. Without: saved as sent.",
    security: coachSecurity,
    request: { params, body: { required: true, ...json(notesInputSchema) } },
    responses: { 200: { description: "Saved" }, ...errorResponses(400, 401, 403, 404, 409, 413) },
  });
  docs.registerPath({
    method: "post",
    path: "/v1/sessions/{id}/finish",
    tags,
    summary: "Finish the meeting: takeaways, action items, next step; sends the follow-up",
    security: coachSecurity,
    request: { params, body: { required: true, ...json(finishInputSchema) } },
    responses: {
      200: { description: "The finished session" },
      ...errorResponses(400, 401, 403, 404, 409, 413),
    },
  });
}
