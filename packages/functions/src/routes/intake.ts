import { AppError } from "@coachflow/core/errors";
import { INTAKE_LABELS, intakeInputSchema } from "@coachflow/core/intake/schema";
import { submitIntake } from "@coachflow/core/intake/service";
import { issueMessages } from "@coachflow/core/shared/issue-messages";
import * as z from "@coachflow/core/shared/zod";
import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { mediaType, parseJson, rawBody, validate } from "../http/body";
import { errorResponses } from "../http/openapi";
import type { OpenApiRegistry } from "../http/openapi-registry";
import { type FormValues, formToIntake, intakeFormPage } from "../pages/intake-form";
import { recommendationsPage } from "../pages/recommendations";

export const intakeResponseSchema = z.object({
  clientId: z.string(),
  status: z.enum(["matched", "waitlisted"]),
  matches: z.array(
    z.object({
      coachId: z.string(),
      name: z.string(),
      score: z.number(),
      reasons: z.array(z.string()),
      bookingUrl: z.string(),
    }),
  ),
});

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
      const parsed = z.safeParse(intakeInputSchema, formToIntake(values), { reportInput: true });
      const program = await deps.clients.program.current();
      if (!parsed.success) {
        return c.html(
          intakeFormPage(program, values, issueMessages(parsed.error.issues, INTAKE_LABELS)),
          400,
        );
      }
      try {
        const result = await submitIntake(deps.clients, parsed.data, { idempotencyKey });
        return c.html(recommendationsPage(result), 201);
      } catch (error) {
        // A style or level the program does not know: the form again, naming it, like any other answer.
        if (!(error instanceof AppError && error.code === "validation_failed" && error.fields)) throw error;
        return c.html(intakeFormPage(program, values, error.fields), 400);
      }
    }
    if (type !== "application/json") {
      throw new AppError("unsupported_media_type", "send application/json or an HTML form post");
    }
    const input = validate(intakeInputSchema, parseJson(await rawBody(c)), INTAKE_LABELS);
    return c.json(await submitIntake(deps.clients, input, { idempotencyKey }), 201);
  });

  docs.registerPath({
    method: "post",
    path: "/v1/intake",
    tags: ["Intake"],
    summary: "Submit an intake and get 1–3 recommended coaches",
    description:
      "Accepts JSON or an HTML form post (`application/x-www-form-urlencoded`, answered with an HTML page). " +
      "The same email with the same answers returns the same client and result and sends no second email; " +
      "changed answers update the profile and re-run matching. An `Idempotency-Key` replays the first response.",
    request: {
      headers: z.object({ "Idempotency-Key": idempotencyKeySchema }),
      body: { required: true, content: { "application/json": { schema: intakeInputSchema } } },
    },
    responses: {
      201: {
        description: "The client and their matches",
        content: { "application/json": { schema: intakeResponseSchema } },
      },
      ...errorResponses(400, 413, 415, 422),
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
