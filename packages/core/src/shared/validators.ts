import { isListedZone } from "./listed-zones";
import * as z from "./zod";

/**
 * True for a time zone name the runtime's IANA database knows (e.g. "Europe/Berlin", "UTC"). A
 * name the runtime lists needs no DateTimeFormat (a process's first costs 12 ms, decision 0017);
 * any other (an alias, another letter case) is tried on one.
 */
export function isIanaTimeZone(name: string): boolean {
  if (isListedZone(name)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(name);
  } catch {
    return false;
  }
}

/**
 * True for a two-letter ISO 639-1 code the runtime knows (e.g. "en", "pt"): one its likely-subtags
 * data completes with a script or region ("pt" → "pt-Latn-BR"), which is the set of codes
 * `Intl.DisplayNames` names (test/unit/language-names.test.ts checks that they agree) at a
 * fraction of its cost: a process's first DisplayNames costs some 12 ms, its first `maximize()` 3
 * (decision 0017's update).
 */
export function isIso6391(code: string): boolean {
  if (!/^[a-z]{2}$/.test(code)) return false;
  const full = new Intl.Locale(code).maximize();
  return full.script !== undefined || full.region !== undefined;
}

// The schemas are built at import. Deferring them to their first parse (`z.lazy`) made the import
// faster but bought about 1 ms of the whole cold start, import plus first answer: decision 0014,
// its last update. Only the email contracts still build theirs on first use.

export const timeZoneSchema = z
  .string()
  .check(
    z.trim(),
    z.maxLength(64),
    z.refine(isIanaTimeZone, { message: "must be a time zone name such as Europe/Lisbon" }),
  );

export const languageSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.refine(isIso6391, { message: "must be a two-letter language code such as en" }),
  );

export const emailSchema = z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)), z.email());

/** A topic or specialty: lower case, words joined by hyphens ("Managing Up" → "managing-up"). */
export const topicSchema = z
  .pipe(
    z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
    z.transform((s: string) => s.toLowerCase().replace(/[\s_]+/g, "-")),
  )
  .check(
    z.refine((s) => /^[a-z0-9][a-z0-9-]*$/.test(s), {
      message: "may contain only letters, digits, spaces and hyphens",
    }),
  );

/**
 * Free text from a person: any characters (escaped on output), bounded length. Builds a new schema
 * (five zod objects) on every call: build it once per field, not per parse.
 */
export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
export const optionalText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max)));

export const httpsUrlSchema = z.url({ protocol: /^https?$/ }).check(z.maxLength(2048));
