import type { Coach } from "../coaches/schema";
import { ASKED, type MatchContext, MENTIONED } from "./context";

/*
 * How much each criterion counts is the program's `matchingWeights` (defaults: topics 35, text 20,
 * time zone 15, style 10, seniority 10, load 10, out of 100). A criterion that does not apply to a
 * request (no style preference, no seniority given, an unknown client zone, a challenge that names
 * no topic) is left out and the others are scaled up, so a score always means "share of what this
 * client asked for".
 */

/** Beyond this distance a time zone earns nothing. */
const MAX_DISTANCE_MINUTES = 12 * 60;
/** Mentioned topics beyond this many do not make a coach's coverage of the text look thinner. */
const TEXT_TOPICS_CAP = 3;

/** Share of asked-for topics a coach covers, with diminishing returns: 1 of 3 → 0.58, 2 of 3 → 0.82. */
export const coverage = (covered: number, asked: number) =>
  asked <= 0 ? 0 : Math.sqrt(Math.min(1, covered / asked));

export const timezoneScore = (distanceMinutes: number) =>
  distanceMinutes < 0 ? 0 : Math.max(0, 1 - distanceMinutes / MAX_DISTANCE_MINUTES);

/** Lower load is better: an empty roster scores 1, one free seat of many close to 0. */
export const loadScore = (activeClients: number, capacity: number) =>
  capacity <= 0 ? 0 : 1 - activeClients / capacity;

/** Whether the text criterion applies once every coach has been looked at. */
export const textApplies = (ctx: MatchContext) => ctx.mentionedTopics > 0 || ctx.otherSpecialtyMentioned;

/** The total of the weights that apply to this request. */
export function applicableWeight(ctx: MatchContext, withText: boolean): number {
  const WEIGHTS = ctx.weights;
  let total = WEIGHTS.load;
  if (ctx.topics.size > 0) total += WEIGHTS.topics;
  if (withText) total += WEIGHTS.text;
  if (ctx.clientOffset !== undefined) total += WEIGHTS.timezone;
  if (ctx.style !== undefined) total += WEIGHTS.style;
  if (ctx.seniority !== undefined) total += WEIGHTS.seniority;
  return total;
}

/** One coach's fit, in weighted points, with the text part kept apart until we know it applies. */
export interface Fit {
  /** Weighted points from topics, time zone, style, seniority and load. */
  points: number;
  /** Weighted points from the challenge and goals text. */
  textPoints: number;
  /** The coach covers at least one asked-for or mentioned topic. */
  relevant: boolean;
}

/** Scores an eligible coach (the hard filters already passed). The hot loop: no allocation per coach. */
export function fitOf(coach: Coach, ctx: MatchContext, out: Fit): Fit {
  const WEIGHTS = ctx.weights;
  let asked = 0;
  let mentioned = 0;
  const specialties = coach.specialties;
  const known = ctx.specialtyFlags;
  for (let i = 0; i < specialties.length; i++) {
    const specialty = specialties[i]!;
    const flags = known.get(specialty) ?? ctx.classify(specialty);
    if (flags & ASKED) asked++;
    if (flags & MENTIONED) mentioned++;
  }
  let points = WEIGHTS.topics * coverage(asked, ctx.topics.size);
  if (ctx.clientOffset !== undefined) {
    points += WEIGHTS.timezone * timezoneScore(ctx.distanceMinutes(coach.timezone));
  }
  if (ctx.style !== undefined && coach.style === ctx.style) points += WEIGHTS.style;
  if (ctx.seniority !== undefined && coach.seniorityLevels.includes(ctx.seniority)) {
    points += WEIGHTS.seniority;
  }
  points += WEIGHTS.load * loadScore(coach.activeClients, coach.capacity);
  out.points = points;
  out.textPoints =
    mentioned === 0
      ? 0
      : WEIGHTS.text * coverage(mentioned, Math.max(1, Math.min(ctx.mentionedTopics, TEXT_TOPICS_CAP)));
  out.relevant = asked > 0 || mentioned > 0;
  return out;
}
