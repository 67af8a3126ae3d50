import type { ClaimKeys } from "@coachflow/core/web-auth/session-claim";
import type { AppDeps } from "../composition";

/** The keys that sign session cookies (decision 0028): the link signing secret, as rotated. */
export const claimKeys = (deps: AppDeps): ClaimKeys => ({
  secret: deps.config.linkSecret,
  previous: deps.config.linkSecretPrevious,
});
