/**
 * `start`, run on the first call; every later call shares its promise, unless it failed: a failed
 * start is forgotten, so the next call starts again (a cold start whose secret was not set yet, a
 * chunk that did not load). For work done once per Lambda container, on first use.
 */
export function onceUnlessFailed<T>(start: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= start().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
