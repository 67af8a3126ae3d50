/** The matching key of a word: any case, spacing or hyphenation is one key ("Tech-Lead" = "tech lead"). */
export const termKey = (value: string) =>
  value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-–—.]+/g, "");
