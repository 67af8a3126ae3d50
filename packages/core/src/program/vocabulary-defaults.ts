import type { Term } from "./schema";

/**
 * The default coaching styles: the five the program started with (their ids are what coaches and
 * clients stored before styles became data, so they keep their meaning) and the words coaching
 * programs commonly use for the others.
 */
export const DEFAULT_COACHING_STYLES: Term[] = [
  { id: "supportive", label: "Supportive", aliases: ["encouraging", "empathetic"] },
  { id: "challenging", label: "Challenging", aliases: ["provocative", "stretching"] },
  { id: "structured", label: "Structured", aliases: ["goal-oriented", "goal oriented"] },
  { id: "exploratory", label: "Exploratory", aliases: ["curious", "open-ended"] },
  { id: "practical", label: "Practical", aliases: ["pragmatic", "hands-on"] },
  { id: "reflective", label: "Reflective", aliases: ["introspective"] },
  { id: "directive", label: "Directive", aliases: ["advisory"] },
  { id: "holistic", label: "Holistic", aliases: ["whole person"] },
];

/**
 * The default seniority levels: the eight stored before levels became data (same ids), labelled
 * for the seeds' program, a tech lead coaching network ("lead" is the tech lead).
 */
export const DEFAULT_SENIORITY_LEVELS: Term[] = [
  { id: "junior", label: "Junior engineer", aliases: ["junior", "entry level", "graduate"] },
  { id: "mid", label: "Mid-level engineer", aliases: ["mid", "mid level", "intermediate"] },
  { id: "senior", label: "Senior engineer", aliases: ["senior"] },
  { id: "staff", label: "Staff or principal engineer", aliases: ["staff", "principal", "staff engineer"] },
  { id: "lead", label: "Tech lead", aliases: ["lead", "team lead", "technical lead", "lead engineer"] },
  { id: "manager", label: "Engineering manager", aliases: ["manager", "people manager", "em"] },
  { id: "director", label: "Engineering director", aliases: ["director", "head of engineering"] },
  { id: "executive", label: "Engineering executive", aliases: ["executive", "vp", "cto"] },
];
