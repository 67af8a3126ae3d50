import type { Client } from "../clients/model";
import type { Coach } from "../coaches/schema";
import type { ActionItem } from "../followups/model";
import { MatchContext } from "../matching/context";
import { listOf } from "../matching/reasons";
import { topicPhrase } from "../matching/topics";
import type { Goal, SessionKind } from "../sessions/model";

/** A goal whose target date is at most this many days away is "near". */
export const NEAR_GOAL_DAYS = 30;
const MAX_SUGGESTIONS = 5;

export interface SuggestionInput {
  kind: SessionKind;
  coach: Pick<Coach, "id" | "specialties">;
  client: Pick<Client, "name" | "challenge" | "goals" | "preferences" | "timezone">;
  openActionItems: readonly Pick<ActionItem, "text" | "dueDate">[];
  goals: readonly Goal[];
  /** The client's local date, YYYY-MM-DD. */
  today: string;
}

/**
 * Talking points the session page proposes (seed 004: points that "highlight alignment between
 * your specialties and the challenges the client is facing"). For an intro, from what made the
 * match: the coach's specialties the client asked about, and those their challenge or goals
 * mention (quoting the few words that did). Later, from open action items and goals whose target
 * date is near. Never from private notes: they are not an input.
 */
export function suggestTalkingPoints(input: SuggestionInput): string[] {
  return (input.kind === "intro" ? introSuggestions(input) : followUpSuggestions(input)).slice(
    0,
    MAX_SUGGESTIONS,
  );
}

function introSuggestions({ coach, client }: SuggestionInput): string[] {
  const firstName = client.name.split(/\s+/)[0] ?? client.name;
  const out: string[] = [];
  const asked = coach.specialties.filter((s) => client.preferences.topics.includes(s));
  if (asked.length > 0) {
    out.push(
      `${firstName} asked about ${listOf(asked.slice(0, 3).map(topicPhrase))}, which you specialize in: ask where it shows up in their work right now.`,
    );
  }
  const ctx = new MatchContext(
    {
      topics: client.preferences.topics,
      languages: client.preferences.languages,
      timezone: client.timezone,
      challenge: client.challenge,
      ...(client.goals ? { goals: client.goals } : {}),
    },
    new Date(0),
  );
  for (const specialty of coach.specialties) {
    const mention = ctx.mention(specialty);
    if (!mention) continue;
    const where = mention.source === "challenge" ? "challenge" : "goals";
    out.push(
      `Their ${where} mentions "${mention.words}": share how you work on ${topicPhrase(specialty)} with people in that spot.`,
    );
  }
  return out;
}

function followUpSuggestions({ openActionItems, goals, today }: SuggestionInput): string[] {
  const out: string[] = [];
  for (const item of [...openActionItems].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1))) {
    const verb = item.dueDate < today ? "was due" : "is due";
    out.push(`Check in on "${item.text}" (${verb} ${item.dueDate}).`);
  }
  const horizon = addDays(today, NEAR_GOAL_DAYS);
  for (const goal of goals) {
    if (goal.targetDate >= today && goal.targetDate <= horizon)
      out.push(`Goal "${goal.text}" is due ${goal.targetDate}: review progress against "${goal.measure}".`);
  }
  return out;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
