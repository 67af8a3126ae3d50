/**
 * Names as the console's search index holds them: lower case, accents removed, spaces collapsed,
 * so that "jose" finds "José" and "ana lima" finds "Ana  Lima" (decision 0033).
 */
export const foldName = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
