/**
 * Where to go after signing in: only a path of this workspace (`/app…`), never another origin.
 * `//evil.example`, `/\evil.example`, `https://…`, control characters and anything outside /app
 * fall back to the home page.
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 500) return "/app";
  if (!/^\/app(?:[/?#]|$)/.test(value)) return "/app";
  if (value.includes("\\") || hasControlCharacter(value)) return "/app";
  // Parsed against a dummy origin, a same-origin path keeps that origin.
  const parsed = new URL(value, "http://workspace.invalid");
  if (parsed.origin !== "http://workspace.invalid") return "/app";
  // `/app/../v1/…` is normalized by the parser: check the path it really names.
  if (!/^\/app(?:\/|$)/.test(parsed.pathname)) return "/app";
  return `${parsed.pathname}${parsed.search}`;
}

const hasControlCharacter = (value: string) =>
  [...value].some((ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x20 || code === 0x7f;
  });
