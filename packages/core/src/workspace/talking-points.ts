import { assertNotesOwner, type Principal } from "../access/principal";
import { AppError, ConditionFailedError, notFound } from "../errors";
import { visibleSession } from "../followups/finish";
import { newId } from "../ids";
import type { JobDeps } from "../sessions/jobs";

/** One of the coach's own talking points for a session (private to that coach, never emailed). */
export interface TalkingPoint {
  id: string;
  text: string;
}

/** The coach's list, and the suggested points they dismissed (not proposed again). */
export interface TalkingPointList {
  points: TalkingPoint[];
  dismissed: string[];
}

/** The stored list, with the version it was read at (0: none yet). */
export interface TalkingPoints extends TalkingPointList {
  version: number;
}

export const MAX_TALKING_POINTS = 30;
export const MAX_TALKING_POINT_CHARS = 500;

/** One item per session (`SESSION#<id>` / `TALKINGPOINTS`), written over the version it was read at. */
export interface TalkingPointStore {
  getTalkingPoints(sessionId: string): Promise<TalkingPoints>;
  /** Fails with ConditionFailedError when the stored version is no longer `expectedVersion`. */
  putTalkingPoints(
    sessionId: string,
    coachId: string,
    list: TalkingPointList,
    expectedVersion: number,
    now: string,
  ): Promise<void>;
}

export type TalkingPointChange =
  | { op: "add"; text: string }
  | { op: "edit"; id: string; text: string }
  | { op: "remove"; id: string }
  /** A suggested point the coach does not want: it is not proposed again for this session. */
  | { op: "dismiss"; text: string };

/** Applies one change to the list (pure). Unknown ids are a 404; text limits are checked by the caller. */
export function applyChange(
  list: TalkingPointList,
  change: TalkingPointChange,
  nowMs: number,
): TalkingPointList {
  const { points, dismissed } = list;
  if (change.op === "dismiss")
    return { points, dismissed: dismissed.includes(change.text) ? dismissed : [...dismissed, change.text] };
  if (change.op === "add") {
    if (points.length >= MAX_TALKING_POINTS)
      throw new AppError("validation_failed", "too many talking points", [
        { path: "text", message: `at most ${MAX_TALKING_POINTS} talking points` },
      ]);
    return { points: [...points, { id: newId("talkingPoint", nowMs), text: change.text }], dismissed };
  }
  if (!points.some((p) => p.id === change.id)) throw notFound("talking point");
  return {
    points:
      change.op === "edit"
        ? points.map((p) => (p.id === change.id ? { ...p, text: change.text } : p))
        : points.filter((p) => p.id !== change.id),
    dismissed,
  };
}

/**
 * The session's own coach changes their talking points; anyone else gets a 404. `read`: the list
 * as this request read it already (the first attempt writes over that; a retry reads again).
 */
export async function changeTalkingPoints(
  deps: Pick<JobDeps, "bookings" | "clock">,
  store: TalkingPointStore,
  principal: Principal,
  sessionId: string,
  change: TalkingPointChange,
  read?: TalkingPoints,
): Promise<TalkingPointList> {
  const session = await visibleSession(deps, principal, sessionId);
  assertNotesOwner(principal, session.coachId);
  for (let attempt = 1; ; attempt++) {
    const current = (attempt === 1 && read) || (await store.getTalkingPoints(session.id));
    const now = deps.clock.now();
    const next = applyChange(current, change, now.getTime());
    try {
      await store.putTalkingPoints(session.id, session.coachId, next, current.version, now.toISOString());
      return next;
    } catch (error) {
      if (error instanceof ConditionFailedError && attempt < 3) continue;
      throw error;
    }
  }
}
