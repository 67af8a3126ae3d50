import { getCoach } from "@coachflow/core/coaches/service";
import { AppError } from "@coachflow/core/errors";
import type { FieldLabels } from "@coachflow/core/shared/issue-messages";
import * as z from "@coachflow/core/shared/zod";
import type { Hono } from "hono";
import type { AppDeps } from "../composition";
import { requireRole } from "../http/auth";
import { readJson } from "../http/body";
import { mintToken } from "../http/jwt";
import { adminSecurity, errorResponses } from "../http/openapi";
import type { OpenApiRegistry } from "../http/openapi-registry";

/** A minted coach token lives 12 hours unless asked otherwise, 7 days at most (issue 11). */
export const mintSchema = z.object({
  coachId: z.string().check(z.minLength(1), z.maxLength(64)),
  ttlSeconds: z._default(z.number().check(z.int(), z.gte(60), z.lte(7 * 86_400)), 12 * 3600),
});

export const MINT_LABELS: FieldLabels = {
  ttlSeconds: "Lifetime in seconds",
};

/** Lets an admin mint a coach token (for local use and for programs without their own identity provider). */
export function tokenRoutes(app: Hono, deps: AppDeps, docs: OpenApiRegistry) {
  app.post("/v1/auth/coach-tokens", requireRole(deps.auth, "admin"), async (c) => {
    const { coachId, ttlSeconds } = await readJson(c, mintSchema, MINT_LABELS);
    const secret = deps.config.tokens.jwtSecret;
    if (!secret) throw new AppError("conflict", "JWT_SECRET is not set, so this service cannot mint tokens");
    await getCoach(deps.coaches, coachId);
    const token = await mintToken(secret, { sub: coachId, role: "coach" }, ttlSeconds, deps.wallClock.now());
    return c.json({ token, expiresIn: ttlSeconds }, 201);
  });
  docs.registerPath({
    method: "post",
    path: "/v1/auth/coach-tokens",
    tags: ["Auth (admin)"],
    summary: "Mint a coach bearer token (HS256, JWT_SECRET)",
    security: adminSecurity,
    request: { body: { required: true, content: { "application/json": { schema: mintSchema } } } },
    responses: { 201: { description: "The token" }, ...errorResponses(400, 401, 404, 409) },
  });
}
