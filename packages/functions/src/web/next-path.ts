/**
 * Where to go after signing in: only a path of this area (`/app…`, or `/admin…` for the admin
 * console), never another origin. `//evil.example`, `/\evil.example`, `https://…`, control
 * characters and anything outside the area fall back to its home page.
 */
export function safeNextPath(value: unknown, base: "/app" | "/admin" = "/app"): string {
  if (typeof value !== "string" || value.length > 500) return base;
  const inArea = (path: string, tail: string) =>
    path.startsWith(base) && new RegExp(`^(?:${tail})`).test(path.slice(base.length));
  if (!inArea(value, "[/?#]|$")) return base;
  if (value.includes("\\") || hasControlCharacter(value)) return base;
  // Parsed against a dummy origin, a same-origin path keeps that origin.
  const parsed = new URL(value, "http://workspace.invalid");
  if (parsed.origin !== "http://workspace.invalid") return base;
  // `/app/../v1/…` is normalized by the parser: check the path it really names.
  if (!inArea(parsed.pathname, "/|$")) return base;
  return `${parsed.pathname}${parsed.search}`;
}

const hasControlCharacter = (value: string) =>
  [...value].some((ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x20 || code === 0x7f;
  });
