import type { Logger } from "@coachflow/core/ports";
import { describeError } from "@coachflow/core/shared/describe-error";
import { type FetchSecret, type SecretKey, withSecrets } from "./secrets";

type EnvLike = Record<string, string | undefined>;

/** What a handler builds from its settings: what it runs, with the config and logger it was built with. */
export interface Built<T> {
  value: T;
  config: { secretsMaxAgeMs: number };
  logger: Logger;
}

/**
 * `build(env with the secret merged in)`, kept while the secret read is younger than its max age
 * (SECRETS_MAX_AGE_SECONDS). The first call of a cold start reads and builds; a failure is not
 * kept, so the next call tries again. The first call after the max age reads the secret again and
 * waits for it, and so do calls that come while it runs (one read per max age, not per request:
 * a Lambda instance serves one request at a time, so that is one request per max age). It rebuilds
 * only when a value changed. A failed re-read, or new values that do not build, keep the last good
 * build and are logged; the next try is one max age later. Without SECRETS_ARN nothing is re-read.
 * `keys`: the secret keys this function reads (all of them unless given; the dispatcher's are
 * fewer, decision 0031).
 */
export function withFreshSecrets<T>(
  env: EnvLike,
  build: (env: EnvLike) => Built<T>,
  opts: { keys?: readonly SecretKey[]; fetch?: FetchSecret; now?: () => number } = {},
): () => Promise<T> {
  const { keys, fetch, now = Date.now } = opts;
  let value: T;
  let maxAgeMs = 0;
  let logger: Logger | undefined;
  /** The merged environment the value was built from; "" until the first build. */
  let values = "";
  let readAt = 0;
  let pending: Promise<T> | undefined;
  const read = async () => {
    const at = now();
    const merged = await withSecrets(env, fetch, keys);
    // The environment around the secret does not change, so this changes only with a secret.
    const text = JSON.stringify(merged);
    if (text !== values)
      ({
        value,
        logger,
        config: { secretsMaxAgeMs: maxAgeMs },
      } = build(merged));
    values = text;
    readAt = at;
    return value;
  };
  return () => {
    if (values && (!env.SECRETS_ARN || now() - readAt < maxAgeMs)) return Promise.resolve(value);
    pending ??= read()
      .catch((error: unknown) => {
        if (!logger) throw error;
        logger.warn("secrets re-read failed; keeping the last good values", describeError(error));
        readAt = now();
        return value;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}
