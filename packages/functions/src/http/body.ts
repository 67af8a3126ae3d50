import { AppError } from "@coachflow/core/errors";
import type { FieldLabels } from "@coachflow/core/shared/issue-messages";
import * as z from "@coachflow/core/shared/zod";
import type { Context } from "hono";
import { validationError } from "./errors";

/** The largest request body any route accepts. */
export const MAX_BODY_BYTES = 64 * 1024;

export function mediaType(c: Context): string {
  return (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Reads the body's bytes as they arrived, refusing more than MAX_BODY_BYTES whatever Content-Length claims. */
export async function rawBytes(c: Context): Promise<Uint8Array> {
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const buffer = await c.req.arrayBuffer();
  if (buffer.byteLength > MAX_BODY_BYTES) throw tooLarge();
  return new Uint8Array(buffer);
}

/** The raw body as text (UTF-8). */
export const rawBody = async (c: Context) => new TextDecoder().decode(await rawBytes(c));

const tooLarge = () => new AppError("payload_too_large", `request body is over ${MAX_BODY_BYTES / 1024} KB`);

/**
 * Parses a JSON body (415 for another content type, 400 for malformed JSON) and validates it; a
 * 400 names each field by its label in `labels`.
 */
export async function readJson<S extends z.core.$ZodType>(
  c: Context,
  schema: S,
  labels: FieldLabels = {},
): Promise<z.output<S>> {
  if (mediaType(c) !== "application/json") {
    throw new AppError("unsupported_media_type", "send the body as application/json");
  }
  return validate(schema, parseJson(await rawBody(c)), labels);
}

export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError("malformed_json", "the request body is not valid JSON");
  }
}

/**
 * Parses `value` with any zod schema (zod/mini or classic), or throws a 400 naming each bad field
 * by its label, its rule in words (shared/issue-messages.ts).
 */
export function validate<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  labels: FieldLabels = {},
): z.output<S> {
  // reportInput: the messages tell a missing answer from a wrong one; the input goes no further.
  const parsed = z.safeParse(schema, value, { reportInput: true });
  if (!parsed.success) throw validationError(parsed.error, labels);
  return parsed.data;
}
