import { normalizeAddress } from "@coachflow/core/web-auth/address";
import type { SignInPerson } from "@coachflow/core/web-auth/model";
import type { SignInDeps } from "@coachflow/core/web-auth/sign-in";
import type { AppDeps } from "../composition";
import { LINK_MINUTES } from "../web/sign-in-deps";

/** An address of `ADMIN_EMAILS` as someone who may sign in: its id is the address itself. */
function adminPerson(deps: AppDeps, email: string): SignInPerson | undefined {
  const address = normalizeAddress(email);
  if (!deps.config.adminEmails.includes(address)) return undefined;
  return { id: address, email: address, name: address, timezone: "UTC", active: true };
}

/** What an admin's sign-in needs: the same stores and limits as a coach's, the list of addresses, its own email. */
export async function adminSignInDeps(deps: AppDeps): Promise<SignInDeps> {
  const { auth } = await deps.web();
  return {
    store: auth,
    // The same limiter as every unauthenticated email (decision 0032): an admin's links count too.
    limits: deps.emailLimits,
    people: {
      role: "admin",
      findByEmail: async (email) => adminPerson(deps, email),
      get: async (id) => adminPerson(deps, id),
    },
    wallClock: deps.wallClock,
    logger: deps.logger,
    sendLink: (to, token) =>
      deps.bookings.mailer.send(to.email, "admin-sign-in", {
        programName: deps.config.programName,
        signInUrl: `${deps.config.publicBaseUrl}/admin/sign-in/${token}`,
        minutes: LINK_MINUTES,
      }),
  };
}
