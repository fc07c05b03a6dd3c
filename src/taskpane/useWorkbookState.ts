/** The workbook's live state from the port: the first read, then one state per change. */
import { useEffect, useState } from 'react';
import { WorkbookPort, WorkbookState } from './port';

export function useWorkbookState(port: WorkbookPort): { state: WorkbookState | undefined; error: unknown } {
  const [state, setState] = useState<WorkbookState>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    let stop: (() => void) | undefined;
    port
      .start((next) => {
        if (live) setState(next);
      })
      .then(
        (unsubscribe) => {
          if (live) stop = unsubscribe;
          else unsubscribe();
        },
        (e: unknown) => {
          if (live) setError(e ?? new Error('unknown error'));
        },
      );
    return () => {
      live = false;
      stop?.();
    };
  }, [port]);
  return { state, error };
}
