import * as z from "@coachflow/core/shared/zod";
import { DELIVERY_OUTCOMES } from "@coachflow/core/webhooks/deliveries";
import { receiveCoachWebhook, receiveWebhook, replayDelivery } from "@coachflow/core/webhooks/receive";
import { CALCOM_SIGNATURE_HEADER, CALENDLY_SIGNATURE_HEADER } from "@coachflow/core/webhooks/signatures";
import type { Hono } from "hono";
import { adminReplayRoute } from "../admin/replay-group";
import { unverifiedDecisionRoutes } from "../admin/unverified-decisions";
import type { AppDeps } from "../composition";
import { requireRole } from "../http/auth";
import { mediaType, rawBytes, validate } from "../http/body";
import { adminSecurity, errorResponses } from "../http/openapi";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { webhookDeps } from "../webhook-deps";
import { coachWebhookRoutes } from "./coach-webhooks";
import { unverifiedBookingRoutes } from "./unverified-bookings";

const answerSchema = z.object({
  deliveryId: z.string(),
  outcome: z.enum(DELIVERY_OUTCOMES),
  sessionId: z.optional(z.string()),
});
const deliveryResponses = {
  200: {
    description: "Applied: a session was created or changed",
    content: { "application/json": { schema: answerSchema } },
  },
  202: {
    description: "Recorded: ignored event, unknown coach, or waiting for the rest of a reschedule",
  },
  400: { description: "Signed, but a malformed or invalid payload (logged for replay)" },
  401: { description: "Missing, wrong or stale signature (refused: nothing stored, a log line counts it)" },
  415: { description: "Not application/json (refused: nothing stored)" },
  500: { description: "Could not be processed; logged for replay" },
};
const listQuery = z.object({
  status: z._default(z.enum(DELIVERY_OUTCOMES), "failed"),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
  cursor: z.optional(z.string().check(z.maxLength(1024))),
});

/** Booking webhooks from Calendly and Cal.com, the coaches' own Cal.com webhooks, and the delivery log. */
export function webhookRoutes(app: Hono, deps: AppDeps, docs: OpenApiRegistry) {
  unverifiedBookingRoutes(app, deps, docs);
  // The admin console's replay of a delivery (decision 0033).
  adminReplayRoute(app, deps);
  unverifiedDecisionRoutes(app, deps);
  const { receive } = webhookDeps(deps);
  for (const [provider, header] of [
    ["calendly", CALENDLY_SIGNATURE_HEADER],
    ["calcom", CALCOM_SIGNATURE_HEADER],
  ] as const) {
    app.post(`/v1/webhooks/${provider}`, async (c) => {
      // The bytes exactly as signed: decoded and parsed only after the signature is verified.
      const answer = await receiveWebhook(
        receive,
        provider,
        await rawBytes(c),
        c.req.header(header),
        mediaType(c),
        c.req.header(),
      );
      return c.json(answer.body, answer.status as 200);
    });
    docs.registerPath({
      method: "post",
      path: `/v1/webhooks/${provider}`,
      tags: ["Webhooks"],
      summary: `Booking events from ${provider === "calendly" ? "Calendly" : "Cal.com"} (signed with \`${header}\`)`,
      description:
        provider === "calcom"
          ? "The organization's webhook: events for every coach, signed with `CALCOM_WEBHOOK_SECRET`. A coach's own webhook goes to `/v1/webhooks/calcom/{coachId}`."
          : undefined,
      request: { headers: z.object({ [header]: z.string() }) },
      responses: deliveryResponses,
    });
  }

  app.post("/v1/webhooks/calcom/:coachId", async (c) => {
    const answer = await receiveCoachWebhook(
      receive,
      c.req.param("coachId"),
      await rawBytes(c),
      c.req.header(CALCOM_SIGNATURE_HEADER),
      mediaType(c),
      c.req.header(),
    );
    return c.json(answer.body, answer.status as 200);
  });
  docs.registerPath({
    method: "post",
    path: "/v1/webhooks/calcom/{coachId}",
    tags: ["Webhooks"],
    summary: `A coach's own Cal.com webhook (signed with \`${CALCOM_SIGNATURE_HEADER}\` and that coach's secret)`,
    description:
      "The URL and secret come from `GET /v1/coaches/{id}/webhook`. Only events about the coach's own bookings are taken: a booking organized by another coach, or one that moves or cancels another coach's booking, is refused with 403 and nothing is stored.",
    request: {
      params: z.object({ coachId: z.string() }),
      headers: z.object({ [CALCOM_SIGNATURE_HEADER]: z.string() }),
    },
    responses: {
      ...deliveryResponses,
      403: { description: "About another coach's booking (refused, nothing stored)" },
      404: { description: "No such coach (refused, nothing stored)" },
    },
  });
  coachWebhookRoutes(app, deps, docs);

  const admin = requireRole(deps.auth, "admin");
  app.get("/v1/webhook-deliveries", admin, async (c) => {
    const q = validate(listQuery, c.req.query());
    const page = await deps.deliveries.listByOutcome(q.status, q);
    // The body is kept for replay; the list shows what happened, not what was said.
    return c.json({ ...page, items: page.items.map(({ body: _b, ...d }) => d) });
  });
  app.post("/v1/webhook-deliveries/:id/replay", admin, async (c) => {
    const answer = await replayDelivery(receive, c.req.param("id"));
    return c.json(answer.body, answer.status as 200);
  });
  const tags = ["Webhooks (admin)"];
  docs.registerPath({
    method: "get",
    path: "/v1/webhook-deliveries",
    tags,
    summary: "The webhook delivery log, by outcome (default: failed)",
    security: adminSecurity,
    request: { query: listQuery },
    responses: { 200: { description: "A page of deliveries" }, ...errorResponses(400, 401) },
  });
  docs.registerPath({
    method: "post",
    path: "/v1/webhook-deliveries/{id}/replay",
    tags,
    summary: "Process a logged delivery again",
    security: adminSecurity,
    request: { params: z.object({ id: z.string() }) },
    responses: {
      200: { description: "The new outcome", content: { "application/json": { schema: answerSchema } } },
      ...errorResponses(401, 404, 409),
    },
  });
}
