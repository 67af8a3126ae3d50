import { coachInputSchema } from "@coachflow/core/coaches/schema";
import { createCoach } from "@coachflow/core/coaches/service";
import type { AppDeps } from "@coachflow/functions";
import { DEMO_COACHES } from "./coaches";

/** Adds the demo coaches that are not there yet (by email); safe to run at every start. */
export async function seedDemoCoaches(deps: AppDeps): Promise<{ added: number; present: number }> {
  let added = 0;
  for (const demo of DEMO_COACHES) {
    const input = coachInputSchema.parse(demo.input);
    if (await deps.coaches.coaches.findByEmail(input.email)) continue;
    await createCoach(deps.coaches, input, { activeClients: demo.activeClients });
    added++;
  }
  return { added, present: DEMO_COACHES.length - added };
}
