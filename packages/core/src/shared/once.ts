/**
 * `build`, run on the first call only; later calls return the same value. For a schema others are
 * built from (`z.extend`, `z.pick`, `z.partial` need the object itself, not a `z.lazy` of it): it
 * is built on first use, once, and every schema derived from it shares that one instance.
 */
export function once<T extends object>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
