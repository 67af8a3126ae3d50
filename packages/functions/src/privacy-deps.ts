import type { PrivacyStore } from "@coachflow/core/ports";
import type { PrivacyDeps } from "@coachflow/core/privacy/erase";
import type { JobDeps } from "@coachflow/core/sessions/jobs";

/** What the data-protection deps are built from: `AppDeps` and `DispatcherDeps` both have it. */
export interface PrivacySource {
  /** Built by the composition root: the one place that makes adapters. */
  privacyStore: PrivacyStore;
  bookings: Pick<JobDeps, "scheduler" | "clock" | "logger">;
}

/** The deps of export, erasure and the retention sweep. */
export function privacyOf(deps: PrivacySource): PrivacyDeps {
  const { scheduler, clock, logger } = deps.bookings;
  return { privacy: deps.privacyStore, scheduler, clock, logger };
}
