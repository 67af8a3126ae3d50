import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { AppError } from "../../../packages/core/src/errors";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The fixture body exactly as stored: what the provider would POST, byte for byte. */
export function fixtureText(provider: "calendly" | "calcom", name: string): string {
  return readFileSync(new URL(`../../fixtures/webhooks/${provider}/${name}.json`, import.meta.url), "utf8");
}

/** A fresh parsed copy of a fixture, safe to change in one test. */
export function fixture(provider: "calendly" | "calcom", name: string): Json {
  return JSON.parse(fixtureText(provider, name)) as Json;
}

/** Sets (or, with `undefined`, deletes) the value at a dotted path such as `payload.attendees.0.email`. */
export function setPath(root: Json, path: string, value: Json | undefined): Json {
  const keys = path.split(".");
  const last = keys.pop() as string;
  let node: Json = root;
  for (const key of keys) {
    if (node === null || typeof node !== "object") throw new Error(`no object at ${key} in ${path}`);
    node = (node as Record<string, Json>)[key] as Json;
  }
  if (node === null || typeof node !== "object") throw new Error(`no object to hold ${path}`);
  const holder = node as Record<string, Json>;
  if (value === undefined) delete holder[last];
  else holder[last] = value;
  return root;
}

/** Runs `parse` and asserts it throws `validation_failed` naming `path` among its fields. */
export function expectValidationError(parse: () => unknown, path: string): AppError {
  let thrown: unknown;
  try {
    parse();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(AppError);
  const error = thrown as AppError;
  expect(error.code).toBe("validation_failed");
  expect(error.fields?.map((f) => f.path)).toContain(path);
  return error;
}
