import { AppError, RateLimitedError } from "@coachflow/core/errors";
import { emailSchema } from "@coachflow/core/shared/validators";
import * as z from "@coachflow/core/shared/zod";
import { SESSION_ABSOLUTE_MS } from "@coachflow/core/web-auth/model";
import { looksLikeSecret, newSecret } from "@coachflow/core/web-auth/secrets";
import { readClaim, sessionCookie } from "@coachflow/core/web-auth/session-claim";
import {
  checkSignInLink,
  completeSignIn,
  requestSignInLink,
  resendFromLink,
} from "@coachflow/core/web-auth/sign-in";
import { endWebSession } from "@coachflow/core/web-auth/web-sessions";
import type { Context, Hono } from "hono";
import type { AppDeps } from "../composition";
import { clientIp } from "./client-ip";
import type { WebCookies } from "./cookies";
import { formErrors } from "./form-errors";
import { field, parseForm } from "./forms";
import { safeNextPath } from "./next-path";
import {
  LinkProblemPage,
  LinkSentPage,
  SignedOutPage,
  SignInLinkPage,
  SignInPage,
  TooManyRequestsPage,
} from "./pages/sign-in";
import type { SignInArea } from "./sign-in-area";
import { LINK_MINUTES } from "./sign-in-deps";
import { claimKeys } from "./viewer";

const PROBLEM_STATUS = { invalid: 400, expired: 410, used: 410, "other-browser": 403 } as const;
const signInForm = z.object({ email: field(400), next: field(600) });

/**
 * Sign-in by emailed link, and sign-out (docs/decisions/0022), for one area: the coach workspace
 * or the admin console (0033). A session started here is of the area's role only.
 */
export function signInRoutes(app: Hono, deps: AppDeps, cookies: WebCookies, area: SignInArea) {
  const signInDeps = () => area.signInDeps(deps);
  const { base } = area;
  const nextPath = (value: unknown) => safeNextPath(value, base);
  /** The browser's binding: kept when it has one, so every link it asked for works in it. */
  const binding = (c: Context) => {
    const existing = cookies.read(c, cookies.binding);
    const value = looksLikeSecret(existing) ? existing : newSecret();
    cookies.write(c, cookies.binding, value, LINK_MINUTES * 60);
    return value;
  };
  const tooMany = (c: Context, error: RateLimitedError) => {
    c.header("Retry-After", String(error.retryAfterSeconds));
    return c.html(<TooManyRequestsPage area={area} retryAfterSeconds={error.retryAfterSeconds} />, 429);
  };

  app.get(`${base}/sign-in`, async (c) => {
    const next = nextPath(c.req.query("next"));
    const claim = readClaim(claimKeys(deps), cookies.read(c, cookies.session));
    // Already signed in to this area (a live session of its role): straight to the page asked for.
    const live =
      (claim?.role ?? "coach") === area.role &&
      claim &&
      (await area.admit(c, deps, claim).then(
        () => true,
        (error) => {
          if (error instanceof AppError && error.code === "unauthorized") return false;
          throw error;
        },
      ));
    if (live) return c.redirect(next, 303);
    return c.html(<SignInPage area={area} next={next} />);
  });

  app.post(`${base}/sign-in`, async (c) => {
    const form = await parseForm(c, signInForm);
    const next = nextPath(form.next);
    const email = z.safeParse(emailSchema, form.email);
    if (!email.success) {
      const error = form.email.trim() === "" ? formErrors.emailMissing() : formErrors.emailInvalid();
      return c.html(<SignInPage area={area} next={next} email={form.email} errors={[error]} />, 400);
    }
    try {
      await requestSignInLink(await signInDeps(), {
        email: email.data,
        binding: binding(c),
        ip: clientIp(c),
        ...(next !== base ? { next } : {}),
      });
    } catch (error) {
      if (error instanceof RateLimitedError) return tooMany(c, error);
      throw error;
    }
    return c.redirect(`${base}/sign-in/sent`, 303);
  });

  app.get(`${base}/sign-in/sent`, (c) => c.html(<LinkSentPage area={area} minutes={LINK_MINUTES} />));

  app.get(`${base}/sign-in/:token`, async (c) => {
    const token = c.req.param("token");
    const check = await checkSignInLink(await signInDeps(), token, cookies.read(c, cookies.binding));
    if (!check.ok)
      return c.html(
        <LinkProblemPage area={area} problem={check.problem} token={token} />,
        PROBLEM_STATUS[check.problem],
      );
    return c.html(<SignInLinkPage area={area} token={token} />);
  });

  app.post(`${base}/sign-in/:token`, async (c) => {
    const token = c.req.param("token");
    const result = await completeSignIn(await signInDeps(), token, cookies.read(c, cookies.binding));
    if (!result.ok)
      return c.html(
        <LinkProblemPage area={area} problem={result.problem} token={token} />,
        PROBLEM_STATUS[result.problem],
      );
    cookies.clear(c, cookies.binding);
    // The cookie lasts as long as the session can (14 days); the table decides before that.
    const value = sessionCookie(claimKeys(deps), result.coachId, result.sessionId, area.role);
    cookies.write(c, cookies.session, value, SESSION_ABSOLUTE_MS / 1000);
    return c.redirect(nextPath(result.next), 303);
  });

  app.post(`${base}/sign-in/:token/resend`, async (c) => {
    try {
      await resendFromLink(await signInDeps(), {
        token: c.req.param("token"),
        binding: binding(c),
        ip: clientIp(c),
      });
    } catch (error) {
      if (error instanceof RateLimitedError) return tooMany(c, error);
      throw error;
    }
    return c.redirect(`${base}/sign-in/sent`, 303);
  });

  app.post(`${base}/sign-out`, async (c) => {
    const { auth } = await deps.web();
    const claim = readClaim(claimKeys(deps), cookies.read(c, cookies.session));
    await endWebSession({ store: auth, wallClock: deps.wallClock }, claim?.idHash);
    cookies.clear(c, cookies.session);
    return c.html(<SignedOutPage area={area} />);
  });
}
