import { readJson } from "@coachflow/functions/http/body";
import type { Hono } from "hono";
import { z } from "zod";
import type { LocalScheduler } from "./scheduler";

const clockMoveSchema = z
  .object({
    advanceBy: z.string().min(2).max(40).optional(),
    to: z.string().min(10).max(40).optional(),
  })
  .refine((m) => (m.advanceBy === undefined) !== (m.to === undefined), {
    message: "give exactly one of advanceBy (e.g. PT24H) or to (an ISO time)",
  });

/**
 * Routes that exist only in the local stack: see and move the clock that the scheduler and the
 * whole application read. Moving it fires everything that became due and answers with what fired.
 */
// biome-ignore lint/suspicious/noExplicitAny: any Hono app, whatever its env and schema
export function localRoutes(app: Hono<any, any, any>, scheduler: LocalScheduler): void {
  app.get("/_local/clock", (c) => c.json({ now: scheduler.clock.now().toISOString() }));
  app.post("/_local/clock", async (c) => {
    const move = await readJson(c, clockMoveSchema);
    const fired = await scheduler.advanceClock(move);
    return c.json({ now: scheduler.clock.now().toISOString(), fired });
  });
  app.get("/_local/schedules", (c) =>
    c.json({
      now: scheduler.clock.now().toISOString(),
      schedules: scheduler.pendingSchedules(),
      deadLetters: scheduler.deadLetters(),
    }),
  );
}
