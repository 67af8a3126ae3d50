/** Headers worth keeping with a delivery for a person to read; nothing else is stored. */
const KEPT = new Set(["content-type", "content-length", "user-agent", "x-request-id", "x-amzn-trace-id"]);
/** Provider headers (`x-cal-…`, `calendly-…`) are kept too, unless their name says signature, secret or token. */
const PROVIDER = /^(x-cal-|calendly-)/;
const SECRET = /(signature|secret|token|auth|key|cookie|password)/;

/**
 * The headers of a webhook request that the delivery log keeps (issue 13: "headers without
 * secrets"): a short allowlist, never a signature, cookie, authorization or anything named like a
 * secret; at most 20, each at most 300 characters.
 */
export function keptHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const kept: [string, string][] = [];
  for (const [raw, value] of Object.entries(headers)) {
    const name = raw.toLowerCase();
    if (value === undefined || SECRET.test(name)) continue;
    if (KEPT.has(name) || PROVIDER.test(name)) kept.push([name, value.slice(0, 300)]);
  }
  return Object.fromEntries(kept.sort(([a], [b]) => a.localeCompare(b)).slice(0, 20));
}
