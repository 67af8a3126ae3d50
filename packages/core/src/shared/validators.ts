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
 * The two-letter language codes the runtime names (ISO 639-1 and the few ICU keeps besides), as
 * the second letters of each first letter "a" to "z", in order: "abefkmnrsvyz" first says aa, ab,
 * ae, af, …. `Intl.DisplayNames` names exactly these (test/unit/language-names.test.ts fails when
 * ICU's data and this list part ways), and a table costs nothing: a process's first DisplayNames
 * costs some 12 ms, its first `Intl.Locale#maximize()`, which once stood in for it, 3 to 6
 * (decision 0017's update).
 */
const LANGUAGE_CODES =
  "abefkmnrsvyz aeghimnors aehorsuvy aevz elnostu afijory adlnuv aeiortuyz adegiknostuw aivw agijklmnorsuvwy abginotuv ghiklnorsty abdeglnorvy cjmrs ailst u mnouw acdeghiklmnoqrstuvw aeghiklnorstwy gkrz eio ao h io ahu".split(
    " ",
  );

/** True for a two-letter ISO 639-1 code the runtime knows (e.g. "en", "pt"). */
export function isIso6391(code: string): boolean {
  return /^[a-z]{2}$/.test(code) && LANGUAGE_CODES[code.charCodeAt(0) - 97]!.includes(code[1]!);
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
