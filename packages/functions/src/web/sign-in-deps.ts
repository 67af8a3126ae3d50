import { SIGN_IN_LINK_TTL_MS } from "@coachflow/core/web-auth/model";
import type { SignInDeps } from "@coachflow/core/web-auth/sign-in";
import { workspaceUrls } from "@coachflow/core/workspace/urls";
import type { AppDeps } from "../composition";

export const LINK_MINUTES = SIGN_IN_LINK_TTL_MS / 60_000;

/** What a coach's sign-in needs from the app: the stores, the coaches, the wall clock, and the sign-in email. */
export async function signInDepsOf(deps: AppDeps): Promise<SignInDeps> {
  const { auth } = await deps.web();
  return {
    store: auth,
    limits: deps.emailLimits,
    people: {
      role: "coach",
      findByEmail: (email) => deps.bookings.coaches.findByEmail(email),
      get: (id) => deps.bookings.coaches.get(id),
    },
    wallClock: deps.wallClock,
    logger: deps.logger,
    sendLink: (to, token) =>
      deps.bookings.mailer.send(to.email, "coach-sign-in", {
        programName: deps.config.programName,
        coachName: to.name,
        signInUrl: workspaceUrls.signInLink(deps.config.publicBaseUrl, token),
        minutes: LINK_MINUTES,
      }),
  };
}
