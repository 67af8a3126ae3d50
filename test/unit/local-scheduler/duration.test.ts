import { describe, expect, it } from "vitest";
import { parseIsoDuration } from "../../../packages/local/src/scheduler/duration";

const HOUR = 3_600_000;

describe("parseIsoDuration", () => {
  it.each([
    ["PT24H", 24 * HOUR],
    ["P1DT2H30M", 26.5 * HOUR],
    ["P1D", 24 * HOUR],
    ["PT90S", 90_000],
    ["PT0.5S", 500],
    ["PT1M", 60_000],
    ["P2W", 14 * 24 * HOUR],
    ["P1DT0S", 24 * HOUR],
    ["PT0S", 0],
    ["pt2h", 2 * HOUR],
  ])("reads %s as %d ms", (text, ms) => {
    expect(parseIsoDuration(text)).toBe(ms);
  });

  it.each(["", "P", "PT", "24H", "PT-1H", "-PT1H", "P1H", "PT1D", "P1DT", "1 day", "PT1H30", "P1.5D"])(
    "rejects %j with a validation error on advanceBy",
    (text) => {
      expect(() => parseIsoDuration(text)).toThrowError(
        expect.objectContaining({
          code: "validation_failed",
          fields: [expect.objectContaining({ path: "advanceBy" })],
        }),
      );
    },
  );

  it.each(["P1Y", "P1M", "P1Y2M3DT4H"])(
    "refuses %s because years and months have no fixed length",
    (text) => {
      expect(() => parseIsoDuration(text)).toThrowError(/years and months/);
    },
  );
});
