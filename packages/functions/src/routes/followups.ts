import { actionItemPatchSchema, GOALS_LABELS, goalsInputSchema } from "@coachflow/core/followups/schema";
import {
  clientActionItems,
  sendNewSessionLink,
  setActionItemDone,
  setGoals,
} from "@coachflow/core/followups/service";
import * as z from "@coachflow/core/shared/zod";
import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { principal, requireRole } from "../http/auth";
import { readJson } from "../http/body";
import { coachOrAdminSecurity, coachSecurity, errorResponses } from "../http/openapi";
import type { OpenApiRegistry } from "../http/openapi-registry";

const json = (schema: z.core.$ZodType) => ({ content: { "application/json": { schema } } });
const params = z.object({ id: z.string() });

/** A client's goals, action items and "+ new session", for the client's coach (and admins). */
export function followupRoutes(app: Hono, deps: AppDeps, docs: OpenApiRegistry) {
  const coach = requireRole(deps.auth, "coach");
  const coachOrAdmin = requireRole(deps.auth, "coach", "admin");
  const jobs = deps.bookings;

  app.post("/v1/clients/:id/sessions", coach, async (c) =>
    c.json(await sendNewSessionLink(jobs, principal(c), c.req.param("id")), 202),
  );
  app.put("/v1/clients/:id/goals", coachOrAdmin, async (c) => {
    const { goals } = await readJson(c, goalsInputSchema, GOALS_LABELS);
    return c.json({ goals: await setGoals(jobs, principal(c), c.req.param("id"), goals) });
  });
  app.get("/v1/clients/:id/action-items", coachOrAdmin, async (c) =>
    c.json({ actionItems: await clientActionItems(jobs, principal(c), c.req.param("id")) }),
  );
  app.patch("/v1/action-items/:id", coachOrAdmin, async (c) => {
    const { done } = await readJson(c, actionItemPatchSchema);
    return c.json(await setActionItemDone(jobs, principal(c), c.req.param("id"), done));
  });

  const tags = ["Clients (coach)"];
  docs.registerPath({
    method: "post",
    path: "/v1/clients/{id}/sessions",
    tags,
    summary: "+ new session: email an ad-hoc client a booking link",
    security: coachSecurity,
    request: { params },
    responses: { 202: { description: "Sent" }, ...errorResponses(401, 403, 404) },
  });
  docs.registerPath({
    method: "put",
    path: "/v1/clients/{id}/goals",
    tags,
    summary: "The client's SMART goals (documented in starter session 1)",
    security: coachOrAdminSecurity,
    request: { params, body: { required: true, ...json(goalsInputSchema) } },
    responses: { 200: { description: "The goals" }, ...errorResponses(400, 401, 403, 404) },
  });
  docs.registerPath({
    method: "get",
    path: "/v1/clients/{id}/action-items",
    tags,
    summary: "The client's action items, by due date",
    security: coachOrAdminSecurity,
    request: { params },
    responses: { 200: { description: "Action items" }, ...errorResponses(401, 403, 404) },
  });
  docs.registerPath({
    method: "patch",
    path: "/v1/action-items/{id}",
    tags,
    summary: "Mark an action item done or not done",
    security: coachOrAdminSecurity,
    request: { params, body: { required: true, ...json(actionItemPatchSchema) } },
    responses: { 200: { description: "The item" }, ...errorResponses(400, 401, 403, 404) },
  });
}
