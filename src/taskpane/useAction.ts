/** Runs a port call from a button: busy while it runs, its error kept to show (never thrown into React). */
import { useCallback, useState } from 'react';

type Outcome<R> = { ok: true; value: R } | { ok: false };

interface Action<A extends unknown[], R> {
  /** Never rejects: a failure is kept in `error` and reported as `{ ok: false }`. */
  run: (...args: A) => Promise<Outcome<R>>;
  busy: boolean;
  error: unknown;
  clearError: () => void;
}

export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>): Action<A, R> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const run = useCallback(
    async (...args: A): Promise<Outcome<R>> => {
      setBusy(true);
      setError(undefined);
      try {
        return { ok: true, value: await fn(...args) };
      } catch (e) {
        setError(e ?? new Error('unknown error'));
        return { ok: false };
      } finally {
        setBusy(false);
      }
    },
    [fn],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { run, busy, error, clearError };
}
