import { describe, expect, it } from "vitest";
import { languageName } from "../../packages/core/src/shared/language-names";
import { isIso6391 } from "../../packages/core/src/shared/validators";
import { FORM_LANGUAGES } from "../../packages/functions/src/pages/intake-form";

/**
 * The language table and the code check stand in for `Intl.DisplayNames` on the cold path (its
 * first use costs a process some 12 ms: decision 0017's update). They must say what it says, for
 * every two-letter code: this fails when the runtime's ICU data and they part ways.
 */
const names = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
const everyPair = Array.from({ length: 26 * 26 }, (_, i) =>
  String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26)),
);

describe("language codes and names without DisplayNames", () => {
  // First: the tests below build the module's DisplayNames.
  it("names every language of the intake form from its table, without a DisplayNames", () => {
    // Declared read-only in TypeScript's lib; a plain property of Intl at runtime.
    const intl = Intl as { DisplayNames: typeof Intl.DisplayNames };
    const real = Intl.DisplayNames;
    let built = 0;
    intl.DisplayNames = new Proxy(real, {
      construct(target, args: ConstructorParameters<typeof Intl.DisplayNames>) {
        built++;
        return new target(...args);
      },
    });
    try {
      for (const code of FORM_LANGUAGES) expect(languageName(code)).toBe(names.of(code));
      expect(built).toBe(0);
      expect(languageName("eo")).toBe("Esperanto");
      expect(built).toBe(1);
    } finally {
      intl.DisplayNames = real;
    }
  });

  it("knows exactly the two-letter codes DisplayNames names", () => {
    const known = everyPair.filter((code) => names.of(code) !== undefined);
    expect(known.length).toBeGreaterThan(180);
    expect(everyPair.filter(isIso6391)).toEqual(known);
  });

  it("names each of them as DisplayNames does, and any other code as itself", () => {
    for (const code of everyPair) expect([code, languageName(code)]).toEqual([code, names.of(code) ?? code]);
    expect(languageName("pt")).toBe("Portuguese");
  });

  it("refuses what is not two lower-case letters", () => {
    for (const code of ["PT", "pt-BR", "por", "p", "", "1a"]) expect(isIso6391(code)).toBe(false);
  });
});
