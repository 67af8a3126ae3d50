import { monotonicFactory } from "ulid";

/** Prefixes of every id the system mints: the prefix tells what an id names. */
export const ID_PREFIXES = {
  coach: "coa",
  client: "cli",
  session: "ses",
  actionItem: "act",
  delivery: "dlv",
  goal: "gol",
  talkingPoint: "tlk",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const nextUlid = monotonicFactory();

/** A new prefixed, sortable id, e.g. `cli_01J9Z…`. */
export function newId(kind: IdKind, now: number = Date.now()): string {
  return `${ID_PREFIXES[kind]}_${nextUlid(now)}`;
}

/** True when `id` looks like an id of this kind (prefix + 26 Crockford base32 chars). */
export function isId(kind: IdKind, id: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`).test(id);
}
