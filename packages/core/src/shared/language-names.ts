/**
 * English names of languages, as `Intl.DisplayNames(["en"], { type: "language" })` gives them. The
 * intake form's languages come from a table, because a process's first DisplayNames costs some
 * 12 ms (V8 lists the locales it supports; decision 0017's update), and a cold intake names them
 * in the matching's reasons ("Coaches in Portuguese"); any other code asks DisplayNames.
 * test/unit/language-names.test.ts checks the table against it and that it has every form language.
 */
const TABLE =
  "enEnglish|esSpanish|ptPortuguese|frFrench|deGerman|itItalian|nlDutch|plPolish|hiHindi|zhChinese|jaJapanese|arArabic";

let displayNames: Intl.DisplayNames | undefined;

/** "Portuguese" for "pt"; the code itself for one the runtime does not name. */
export function languageName(code: string): string {
  const named = TABLE.split("|").find((entry) => entry.slice(0, 2) === code);
  if (named) return named.slice(2);
  displayNames ??= new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });
  return displayNames.of(code) ?? code;
}
