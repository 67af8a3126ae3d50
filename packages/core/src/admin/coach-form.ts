import type { Coach, CoachInput } from "../coaches/schema";
import { COACH_LABELS, coachInputSchema } from "../coaches/schema";
import type { FieldIssue } from "../errors";
import { type FieldLabels, issueMessages } from "../shared/issue-messages";
import * as z from "../shared/zod";

/**
 * A coach as the admin console's form holds it: what was typed, every field a string (or the
 * ticked boxes), so a failed submit shows the values again exactly as typed. The form's names are
 * the fields of the coaches API (`POST`/`PATCH /v1/coaches`, coaches/schema.ts), with two
 * additions: `otherSpecialties` (specialties not in the program's topics, separated by commas)
 * and `languages` as one text of codes separated by commas.
 */
export interface CoachFormValues {
  name: string;
  email: string;
  bio: string;
  /** The ticked topics of the program (their ids). */
  specialties: string[];
  otherSpecialties: string;
  languages: string;
  timezone: string;
  capacity: string;
  style: string;
  seniorityLevels: string[];
  bookingProvider: string;
  bookingUrl: string;
  sessionBookingUrl: string;
  pricingUrl: string;
  active: boolean;
  welcomeMessage: string;
}

/** The empty form of a new coach: active, in UTC, on Calendly. */
export const newCoachForm = (): CoachFormValues => ({
  name: "",
  email: "",
  bio: "",
  specialties: [],
  otherSpecialties: "",
  languages: "en",
  timezone: "UTC",
  capacity: "",
  style: "",
  seniorityLevels: [],
  bookingProvider: "calendly",
  bookingUrl: "",
  sessionBookingUrl: "",
  pricingUrl: "",
  active: true,
  welcomeMessage: "",
});

/** A stored coach as the edit form shows it; `topicIds` are the program's topics (the boxes). */
export function coachForm(coach: Coach, topicIds: ReadonlySet<string>): CoachFormValues {
  return {
    name: coach.name,
    email: coach.email,
    bio: coach.bio,
    specialties: coach.specialties.filter((s) => topicIds.has(s)),
    otherSpecialties: coach.specialties.filter((s) => !topicIds.has(s)).join(", "),
    languages: coach.languages.join(", "),
    timezone: coach.timezone,
    capacity: String(coach.capacity),
    style: coach.style,
    seniorityLevels: [...coach.seniorityLevels],
    bookingProvider: coach.bookingProvider,
    bookingUrl: coach.bookingUrl,
    sessionBookingUrl: coach.sessionBookingUrl ?? "",
    pricingUrl: coach.pricingUrl,
    active: coach.active,
    welcomeMessage: coach.welcomeMessage ?? "",
  };
}

/** The coach's fields as the admin form labels them: the API's labels and the form's own words. */
export const COACH_FORM_LABELS: FieldLabels = {
  ...COACH_LABELS,
  email: "Email address",
  specialties: "Specialties",
  languages: "Languages",
  seniorityLevels: "Seniority levels",
  sessionBookingUrl: "Session booking URL",
  welcomeMessage: "Welcome message",
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** The form as posted (`readForm`'s record): missing fields are empty, unticked boxes absent. */
export function coachFormFromPost(form: Readonly<Record<string, string | string[]>>): CoachFormValues {
  const text = (name: keyof CoachFormValues) => one(form[name]);
  return {
    name: text("name"),
    email: text("email"),
    bio: text("bio"),
    specialties: many(form.specialties),
    otherSpecialties: text("otherSpecialties"),
    languages: text("languages"),
    timezone: text("timezone"),
    capacity: text("capacity"),
    style: text("style"),
    seniorityLevels: many(form.seniorityLevels),
    bookingProvider: text("bookingProvider"),
    bookingUrl: text("bookingUrl"),
    sessionBookingUrl: text("sessionBookingUrl"),
    pricingUrl: text("pricingUrl"),
    active: one(form.active) === "yes",
    welcomeMessage: text("welcomeMessage"),
  };
}

const words = (s: string) =>
  s
    .split(",")
    .map((w) => w.trim())
    .filter(Boolean);
/** "" is a field left empty: missing, so the message says "Enter …" rather than "… must be …". */
const given = (s: string) => (s.trim() === "" ? undefined : s);
/** A whole number as typed, or the text itself, so that the schema says what is wrong with it. */
const count = (s: string) => (s.trim() === "" ? undefined : /^\s*-?\d+\s*$/.test(s) ? Number(s) : s);

/**
 * The form's values as the coaches API's input, checked by the API's own schema and worded by the
 * one mapping of issues to messages (shared/issue-messages.ts) with the API's labels. The optional
 * fields left empty (`sessionBookingUrl`, `welcomeMessage`) come back as `cleared`, so that an
 * edit can remove them.
 */
export function checkCoachForm(
  v: CoachFormValues,
):
  | { ok: true; input: CoachInput; cleared: ("sessionBookingUrl" | "welcomeMessage")[] }
  | { ok: false; fields: FieldIssue[] } {
  const candidate = {
    name: given(v.name),
    email: given(v.email),
    bio: given(v.bio),
    specialties: [...v.specialties, ...words(v.otherSpecialties)],
    languages: words(v.languages),
    timezone: given(v.timezone),
    capacity: count(v.capacity),
    style: given(v.style),
    seniorityLevels: v.seniorityLevels,
    bookingProvider: given(v.bookingProvider),
    bookingUrl: given(v.bookingUrl),
    sessionBookingUrl: given(v.sessionBookingUrl),
    pricingUrl: given(v.pricingUrl),
    active: v.active,
    welcomeMessage: given(v.welcomeMessage),
  };
  const parsed = z.safeParse(coachInputSchema, candidate, { reportInput: true });
  if (!parsed.success) return { ok: false, fields: issueMessages(parsed.error.issues, COACH_FORM_LABELS) };
  const cleared = (["sessionBookingUrl", "welcomeMessage"] as const).filter(
    (k) => candidate[k] === undefined,
  );
  return { ok: true, input: parsed.data, cleared };
}
