import { expect } from "vitest";
import { templateData } from "../../packages/core/src/email";
import { AppError } from "../../packages/core/src/errors";

/** The field paths a validation error names, or a failure when no AppError was thrown. */
export function failingFields(name: string, data: unknown): string[] {
  try {
    templateData(name, data);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe("validation_failed");
    const paths = (e.fields ?? []).map((f) => f.path);
    for (const p of paths) expect(e.message).toContain(p);
    return paths;
  }
  throw new Error("expected a validation error");
}
