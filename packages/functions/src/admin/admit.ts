import { admitAdmin } from "@coachflow/core/web-auth/admin-session";
import type { SessionClaim } from "@coachflow/core/web-auth/session-claim";
import type { AppDeps } from "../composition";

/**
 * The address an admin's claim signs in (decision 0033): the stored session read (one GetItem)
 * and judged by `admitAdmin`, which checks the address against `ADMIN_EMAILS` on every request.
 * Else an `unauthorized` AppError.
 */
export async function admitAdminClaim(deps: AppDeps, claim: SessionClaim): Promise<string> {
  const [{ auth }, reads] = await Promise.all([deps.web(), deps.admin.reads()]);
  const session = await reads.webSession(claim.idHash);
  return admitAdmin({ store: auth, wallClock: deps.wallClock }, claim, session, deps.config.adminEmails);
}
