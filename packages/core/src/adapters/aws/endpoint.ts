/** An AWS region name as AWS spells them: it becomes part of a host name, so nothing else passes. */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * `https://{prefix}.{region}.amazonaws.com` (`.amazonaws.com.cn` in the China regions): the
 * regional endpoint of a service whose endpoint rules give it that form, as SES v2 (`email`),
 * EventBridge Scheduler (`scheduler`) and Secrets Manager (`secretsmanager`) do. FIPS, dual-stack
 * and the isolated partitions are not covered: pass an endpoint for those.
 */
export function defaultEndpoint(prefix: string, region: string): string {
  if (!REGION.test(region)) throw new Error(`not an AWS region: ${JSON.stringify(region)}`);
  const suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  return `https://${prefix}.${region}.${suffix}`;
}

/** One path segment, percent-encoded the way the SDK encodes labels (RFC 3986 unreserved kept). */
export function pathSegment(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
