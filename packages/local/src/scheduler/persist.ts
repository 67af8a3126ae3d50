import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { describeIssues, type Snapshot, snapshotSchema } from "./schemas";

/** Reads the persistence file; undefined when there is none yet. A damaged file is an error, not a reset. */
export function loadSnapshot(filePath: string): Snapshot | undefined {
  if (!existsSync(filePath)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(filePath, "utf8"));
  } catch (cause) {
    throw new Error(`local scheduler: ${filePath} is not valid JSON; fix or delete it`, { cause });
  }
  const parsed = snapshotSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`local scheduler: ${filePath} is not a schedule file (${describeIssues(parsed.error)})`);
  }
  return parsed.data;
}

/**
 * Writes the file atomically: a temp file in the same folder, then a rename over the old one,
 * so a crash leaves either the previous or the new content, never half of it. Synchronous, so
 * writes land in the order the changes happened.
 */
export function saveSnapshot(filePath: string, snapshot: Snapshot): void {
  mkdirSync(dirname(filePath), { recursive: true });
  const temp = `${filePath}.${process.pid}.${randomUUID()}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(snapshot, null, 2)}\n`);
    renameSync(temp, filePath);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
