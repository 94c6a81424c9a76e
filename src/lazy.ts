/**
 * A piece of the app that stays out of the first load: loaded once when asked (a failed load is
 * tried again by the next ask), and readable synchronously once it has arrived. The sandbox, the
 * simulation, kubectl's parser and the YAML writer load this way (main.ts says when).
 */
export interface Lazy<T> {
  /** Loads it (once); resolves with it. */
  load(): Promise<T>;
  /** It, if it has loaded; else undefined. */
  now(): T | undefined;
}

export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  let value: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load() {
      loading ??= importer().then(
        (v) => (value = v),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    now: () => value,
  };
}
