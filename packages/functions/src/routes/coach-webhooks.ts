import { coachWebhookSetup, rotateCoachWebhookKey } from "@coachflow/core/coaches/webhook";
import * as z from "@coachflow/core/shared/zod";
import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { requireRole } from "../http/auth";
import { adminSecurity, errorResponses, idParams } from "../http/openapi";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { webhookDeps } from "../webhook-deps";

const setupSchema = z.object({
  coachId: z.string(),
  url: z.string(),
  secret: z.string(),
  signatureHeader: z.string(),
  events: z.array(z.string()),
  createdAt: z.string(),
  rotatedAt: z.optional(z.string()),
  previousSecretValidUntil: z.optional(z.string()),
});
const setup = { "application/json": { schema: setupSchema } };

/**
 * Admin: a coach's own Cal.com webhook, the URL and secret to paste into Cal.com (made on first
 * read), and its rotation. In the webhooks route group: none of this is loaded by other requests.
 */
export function coachWebhookRoutes(app: Hono, deps: AppDeps, docs: OpenApiRegistry) {
  const admin = requireRole(deps.auth, "admin");
  const { coachWebhooks } = webhookDeps(deps);
  // A secret: not to be kept by a cache on the way.
  const noStore = { "cache-control": "no-store" };

  app.get("/v1/coaches/:id/webhook", admin, async (c) =>
    c.json(await coachWebhookSetup(coachWebhooks, c.req.param("id")), 200, noStore),
  );
  app.post("/v1/coaches/:id/webhook/rotate", admin, async (c) => {
    const rotated = await rotateCoachWebhookKey(coachWebhooks, c.req.param("id"));
    deps.logger.info("coach webhook key rotated", { coachId: rotated.coachId });
    return c.json(rotated, 200, noStore);
  });

  const tags = ["Coaches (admin)"];
  docs.registerPath({
    method: "get",
    path: "/v1/coaches/{id}/webhook",
    tags,
    summary: "The coach's own Cal.com webhook: the URL and secret to paste into Cal.com",
    description:
      "Made on the first read. In the coach's Cal.com account: Settings → Developer → Webhooks → New, Subscriber URL = `url`, Secret = `secret`, the triggers in `events`. Events there are taken only for that coach's own bookings.",
    security: adminSecurity,
    request: { params: idParams },
    responses: { 200: { description: "The webhook", content: setup }, ...errorResponses(401, 403, 404) },
  });
  docs.registerPath({
    method: "post",
    path: "/v1/coaches/{id}/webhook/rotate",
    tags,
    summary: "A new secret for the coach's webhook; the old one is still accepted for 7 days",
    security: adminSecurity,
    request: { params: idParams },
    responses: {
      200: { description: "The webhook with its new secret", content: setup },
      ...errorResponses(401, 403, 404, 409),
    },
  });
}
