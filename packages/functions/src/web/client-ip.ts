import type { Context } from "hono";

/**
 * The client's IP for rate limits: on Lambda, what API Gateway saw (`requestContext.http.sourceIp`,
 * which a client cannot set); locally, the socket's peer. Never `X-Forwarded-For`, which anyone
 * can write. "unknown" when neither is there (in-process tests).
 */
export function clientIp(c: Context): string {
  const env = c.env as
    | {
        event?: { requestContext?: { http?: { sourceIp?: string } } };
        incoming?: { socket?: { remoteAddress?: string } };
      }
    | undefined;
  return env?.event?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? "unknown";
}
