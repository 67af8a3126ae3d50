import * as z from "@coachflow/core/shared/zod";
import type { Context } from "hono";

/** The most a workspace form may send (the finish form with long notes is the largest). */
export const MAX_FORM_BYTES = 256 * 1024;

/** A form's text fields: each a string, or a list when the name repeats. Files are dropped. */
export async function readForm(c: Context): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(body)) {
    if (Array.isArray(value)) out[name] = value.filter((v): v is string => typeof v === "string");
    else if (typeof value === "string") out[name] = value;
  }
  return out;
}

/** Parses a form with its schema; a form that is not even shaped right (a forged post) is a 400. */
export async function parseForm<S extends z.core.$ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const parsed = z.safeParse(schema, await readForm(c));
  if (!parsed.success) throw new MalformedFormError();
  return parsed.data;
}

/** The form does not have the fields the page sends: answered 400 with a plain page. */
export class MalformedFormError extends Error {
  override readonly name = "MalformedFormError";
  constructor() {
    super("the form is not one of this page's");
  }
}

/** A text field (a missing one is ""), at most `max` characters. */
export const field = (max: number) => z._default(z.string().check(z.maxLength(max)), "");
/** A repeated field as a list (one value arrives as a string). */
export const listField = (max: number, count: number) =>
  z._default(
    z
      .pipe(
        z.union([z.string(), z.array(z.string())]),
        z.transform((v: string | string[]) => (Array.isArray(v) ? v : [v])),
      )
      .check(z.refine((xs: string[]) => xs.length <= count && xs.every((x) => x.length <= max))),
    [],
  );
