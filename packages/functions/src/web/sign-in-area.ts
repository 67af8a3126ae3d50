import type { WebRole } from "@coachflow/core/web-auth/model";
import type { SessionClaim } from "@coachflow/core/web-auth/session-claim";
import type { SignInDeps } from "@coachflow/core/web-auth/sign-in";
import type { Context } from "hono";
import type { Child, FC } from "hono/jsx";
import type { AppDeps } from "../composition";

/**
 * One place people sign in to by emailed link: the coach workspace (`/app`) or the admin console
 * (`/admin`). The flow is the same (decision 0022); what differs is who may sign in, where the
 * pages live, what they are called and the page shell around them (decision 0033).
 */
export interface SignInArea {
  role: WebRole;
  /** The area's home; the sign-in pages are under `${base}/sign-in`. */
  base: "/app" | "/admin";
  /** What the pages call the place, after "Sign in to": "your coach workspace". */
  place: string;
  /** The neutral answer's "If that address belongs to …": "a coach of the program". */
  who: string;
  /** The hint under the email field. */
  hint: string;
  Shell: FC<{ title: string; children?: Child }>;
  signInDeps: (deps: AppDeps) => Promise<SignInDeps>;
  /** Whether a claim of this role is a live session here (resolves), else an `unauthorized` AppError. */
  admit: (c: Context, deps: AppDeps, claim: SessionClaim) => Promise<unknown>;
}
