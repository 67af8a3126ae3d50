/**
 * HTML escaping for template data. SES does not escape values in the HTML part and the local
 * emulator renders with `noEscape`, so we escape on our side and the templates only ever use
 * `{{{…}}}` (see docs/decisions/0003-email-templates.md).
 */

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes the five characters that matter in HTML text and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] ?? ch);
}

/** A deep copy of `value` with every string HTML-escaped; numbers, booleans and null pass through. */
export function escapeDeep(value: unknown): unknown {
  if (typeof value === "string") return escapeHtml(value);
  if (Array.isArray(value)) return value.map(escapeDeep);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeDeep(v)]));
  }
  return value;
}
