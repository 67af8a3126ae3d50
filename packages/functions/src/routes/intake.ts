import { AppError, RateLimitedError } from "@coachflow/core/errors";
import { type ConfirmDeps, confirmAnswers, pendingChange } from "@coachflow/core/intake/confirm";
import { INTAKE_LABELS, intakeInputSchema } from "@coachflow/core/intake/schema";
import { type IntakeAnswer, submitIntake } from "@coachflow/core/intake/service";
import { verifyLink } from "@coachflow/core/links/signed-links";
import { issueMessages } from "@coachflow/core/shared/issue-messages";
import * as z from "@coachflow/core/shared/zod";
import type { Context, Hono } from "hono";
import type { AppDeps } from "../composition";
import { mediaType, parseJson, rawBody, validate } from "../http/body";
import { errorResponses } from "../http/openapi";
import type { OpenApiRegistry } from "../http/openapi-registry";
import {
  checkEmailPage,
  confirmedPage,
  confirmPage,
  linkProblemPage,
  linkUsedPage,
} from "../pages/intake-confirm";
import { type FormValues, formToIntake, honeypotFilled, intakeFormPage } from "../pages/intake-form";
import { receivedPage, recommendationsPage } from "../pages/recommendations";
import { clientIp } from "../web/client-ip";
import { confirmationRequiredSchema, intakeResponseSchema } from "./intake-schemas";

/**
 * The headers of the confirmation link's pages, set here rather than with `hono/secure-headers`,
 * which would move from the workspace's chunk into one every cold start of it loads (decision 0029).
 */
const CONFIRM_PAGE_HEADERS = [
  [
    "Content-Security-Policy",
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  ],
  ["Referrer-Policy", "no-referrer"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "DENY"],
  ["Cache-Control", "no-store"],
] as const;

/** 201 for a first intake or the same answers again, 202 while the address's owner must confirm. */
const statusOf = (answer: IntakeAnswer) => (answer.status === "confirmation_required" ? 202 : 201);

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
  const intake: ConfirmDeps = { ...deps.clients, pendingAnswers: deps.pendingAnswers };
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
        const result = await submitIntake(intake, parsed.data, { idempotencyKey, ip: clientIp(c) });
        if (result.status === "confirmation_required") return c.html(checkEmailPage(), 202);
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
    const answer = await submitIntake(intake, input, { idempotencyKey, ip: clientIp(c) });
    return c.json(answer, statusOf(answer));
  });

  // The emailed link to confirm changed answers: opening it (GET) shows what would change and a
  // button, so a mail scanner changes nothing; the button (POST) confirms, once (decision 0029).
  // The token is the only key: no page it opens is framed, cached or sent on as a referrer.
  app.use("/intake/confirm/*", async (c, next) => {
    await next();
    for (const [name, value] of CONFIRM_PAGE_HEADERS) c.header(name, value);
  });
  const confirmLink = (c: Context) => {
    const { linkSecret, linkSecretPrevious } = deps.config;
    const check = verifyLink(linkSecret, c.req.param("token") ?? "", deps.clock.now(), linkSecretPrevious);
    return check.ok && check.payload.a === "confirm-answers" && check.payload.r
      ? { clientId: check.payload.c, pendingId: check.payload.r }
      : undefined;
  };
  app.get("/intake/confirm/:token", async (c) => {
    const link = confirmLink(c);
    if (!link) return c.html(linkProblemPage(), 400);
    const change = await pendingChange(intake, link.clientId, link.pendingId);
    return change ? c.html(confirmPage(change.changed)) : c.html(linkUsedPage(), 410);
  });
  app.post("/intake/confirm/:token", async (c) => {
    const link = confirmLink(c);
    if (!link) return c.html(linkProblemPage(), 400);
    const outcome = await confirmAnswers(intake, link.clientId, link.pendingId);
    return outcome.kind === "confirmed" ? c.html(confirmedPage(outcome)) : c.html(linkUsedPage(), 410);
  });

  docs.registerPath({
    method: "post",
    path: "/v1/intake",
    tags: ["Intake"],
    summary: "Submit an intake and get 1–3 recommended coaches",
    description:
      "Accepts JSON or an HTML form post (`application/x-www-form-urlencoded`, answered with an HTML page). " +
      "A new email gets 201 with the client and their matches. The same email with the same answers returns " +
      "the same client and result and sends no second email. The email of a known client with different " +
      "answers changes nothing: 202 `confirmation_required`, and the address is emailed a single-use link " +
      "(24 h) whose owner confirms the new answers; then the profile updates and matching runs again (an " +
      "admin's choice of coaches is kept). An `Idempotency-Key` replays the first response. " +
      "Every intake that emails (recommendations, a waitlist note, or the confirmation link) counts against the address (3 an hour, " +
      "10 a day) and the client IP (`RATE_LIMIT_IP_PER_HOUR`, 60 by default); over a limit it answers 429 with " +
      "`Retry-After`, storing and sending nothing.",
    request: {
      headers: z.object({ "Idempotency-Key": idempotencyKeySchema }),
      body: { required: true, content: { "application/json": { schema: intakeInputSchema } } },
    },
    responses: {
      201: {
        description: "The client and their matches",
        content: { "application/json": { schema: intakeResponseSchema } },
      },
      202: {
        description:
          "The email belongs to a known client and the answers differ: nothing changed; the address's owner must confirm them through the link emailed to it",
        content: { "application/json": { schema: confirmationRequiredSchema } },
      },
      ...errorResponses(400, 413, 415, 422, 429),
    },
  });
  docs.registerPath({
    method: "get",
    path: "/intake/confirm/{token}",
    tags: ["Intake"],
    summary: "The emailed link to confirm changed answers: a page naming what would change, with a button",
    responses: {
      200: { description: "An HTML page with a confirm button; nothing changes" },
      400: { description: "Tampered or expired: a friendly page" },
      410: { description: "Used already, expired or erased: a friendly page" },
    },
  });
  docs.registerPath({
    method: "post",
    path: "/intake/confirm/{token}",
    tags: ["Intake"],
    summary: "Confirm changed answers (once): the profile updates and matching runs again",
    responses: {
      200: { description: "An HTML page saying what happened" },
      400: { description: "Tampered or expired: a friendly page, nothing changed" },
      410: { description: "Used already, expired or erased: a friendly page, nothing changed" },
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
