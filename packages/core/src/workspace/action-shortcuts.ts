/**
 * The seeds' shortcut: a line that starts with `[]` (after any indentation) in the notes or the
 * takeaways is an action item. Answers the text of each such line, in order, without the `[]`;
 * a line with nothing after the brackets proposes nothing.
 */
export function proposedActionItems(...texts: readonly (string | undefined)[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const line of (text ?? "").split(/\r?\n/)) {
      const match = /^\s*\[\]\s*(.*)$/.exec(line);
      const item = match?.[1]?.trim();
      if (item && !found.includes(item)) found.push(item);
    }
  }
  return found;
}

/** The lines of a free-text field as a list: one entry per non-empty line, `[]` lines included as written. */
export function linesOf(text: string | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
