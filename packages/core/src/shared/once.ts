/**
 * `build`, run on the first call only; later calls return the same value. For a template's schema
 * (`defineContract`): built when the template is first sent, not when its contract is imported.
 */
export function once<T extends object>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

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
