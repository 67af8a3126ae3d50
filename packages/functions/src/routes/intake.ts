import { AppError, RateLimitedError } from "@coachflow/core/errors";
import { INTAKE_LABELS, intakeInputSchema } from "@coachflow/core/intake/schema";
import { submitIntake } from "@coachflow/core/intake/service";
import { issueMessages } from "@coachflow/core/shared/issue-messages";
import * as z from "@coachflow/core/shared/zod";
import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { mediaType, parseJson, rawBody, validate } from "../http/body";
import { errorResponses } from "../http/openapi";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { type FormValues, formToIntake, honeypotFilled, intakeFormPage } from "../pages/intake-form";
import { receivedPage, recommendationsPage } from "../pages/recommendations";
import { clientIp } from "../web/client-ip";
import { intakeResponseSchema } from "./intake-response";

// In a module of its own: the program's routes describe a client's matches with it, and importing
// this file for it put the intake form and its pages into their cold start.
export { intakeResponseSchema };

const idempotencyKeySchema = z.optional(z.string().check(z.regex(/^[\x21-\x7e]{1,255}$/)));

function formValues(raw: string): FormValues {
  const values: FormValues = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    const prev = values[k];
    values[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return values;
}

/** The public intake: JSON for API clients, form posts for the HTML form. */
export function intakeRoutes(app: Hono, deps: AppDeps, docs: OpenApiRegistry) {
  app.get("/intake", async (c) => c.html(intakeFormPage(await deps.clients.program.current())));

  app.post("/v1/intake", async (c) => {
    const keyCheck = z.safeParse(idempotencyKeySchema, c.req.header("idempotency-key"));
    if (!keyCheck.success) {
      const message = "The Idempotency-Key header must be 1–255 visible ASCII characters";
      throw new AppError("validation_failed", message, [
        { path: "Idempotency-Key", label: "Idempotency-Key header", message },
      ]);
    }
    const idempotencyKey = keyCheck.data;
    const type = mediaType(c);
    if (type === "application/x-www-form-urlencoded") {
      const values = formValues(await rawBody(c));
      if (honeypotFilled(values)) {
        // A robot: nothing stored or sent, an answer like a success; the line counts them.
        deps.logger.warn("intake honeypot filled", { route: "/v1/intake" });
        return c.html(receivedPage(), 201);
      }
      const parsed = z.safeParse(intakeInputSchema, formToIntake(values), { reportInput: true });
      const program = await deps.clients.program.current();
      if (!parsed.success) {
        return c.html(
          intakeFormPage(program, values, issueMessages(parsed.error.issues, INTAKE_LABELS)),
          400,
        );
      }
      try {
        const result = await submitIntake(deps.clients, parsed.data, { idempotencyKey, ip: clientIp(c) });
        return c.html(recommendationsPage(result), 201);
      } catch (error) {
        if (error instanceof RateLimitedError) {
          c.header("Retry-After", String(error.retryAfterSeconds));
          return c.html(
            intakeFormPage(program, values, [], { retryAfterSeconds: error.retryAfterSeconds }),
            429,
          );
        }
        // A style or level the program does not know: the form again, naming it, like any other answer.
        if (!(error instanceof AppError && error.code === "validation_failed" && error.fields)) throw error;
        return c.html(intakeFormPage(program, values, error.fields), 400);
      }
    }
    if (type !== "application/json") {
      throw new AppError("unsupported_media_type", "send application/json or an HTML form post");
    }
    const input = validate(intakeInputSchema, parseJson(await rawBody(c)), INTAKE_LABELS);
    return c.json(await submitIntake(deps.clients, input, { idempotencyKey, ip: clientIp(c) }), 201);
  });

  docs.registerPath({
    method: "post",
    path: "/v1/intake",
    tags: ["Intake"],
    summary: "Submit an intake and get 1–3 recommended coaches",
    description:
      "Accepts JSON or an HTML form post (`application/x-www-form-urlencoded`, answered with an HTML page). " +
      "The same email with the same answers returns the same client and result and sends no second email; " +
      "changed answers update the profile and re-run matching. An `Idempotency-Key` replays the first response. " +
      "Every intake that emails counts against the address (3 an hour, 10 a day) and the client IP " +
      "(`RATE_LIMIT_IP_PER_HOUR`, 60 by default); over a limit it answers 429 with `Retry-After`, storing and sending nothing.",
    request: {
      headers: z.object({ "Idempotency-Key": idempotencyKeySchema }),
      body: { required: true, content: { "application/json": { schema: intakeInputSchema } } },
    },
    responses: {
      201: {
        description: "The client and their matches",
        content: { "application/json": { schema: intakeResponseSchema } },
      },
      ...errorResponses(400, 413, 415, 422, 429),
    },
  });
  docs.registerPath({
    method: "get",
    path: "/intake",
    tags: ["Intake"],
    summary: "The intake form (HTML, works without JavaScript)",
    responses: { 200: { description: "An HTML page" } },
  });
}
