/** Where the commands write files: never over an input, with a fixed time when asked. */
import { realpathSync } from 'fs';
import path from 'path';

/** The real path of a file, or of its folder when the file is not there yet. */
export function canonical(file: string): string {
  const full = path.resolve(file);
  try {
    return realpathSync(full);
  } catch {
    // Not there yet: compare by its folder's real path.
    try {
      return path.join(realpathSync(path.dirname(full)), path.basename(full));
    } catch {
      return full;
    }
  }
}

/** True when `out` is the same file as one of `inputs` (after resolving links; case-blind where the file system is). */
export function isInputFile(out: string, inputs: readonly string[]): boolean {
  const o = canonical(out);
  const caseBlind = process.platform === 'win32' || process.platform === 'darwin';
  const same = (a: string, b: string) => (caseBlind ? a.toLowerCase() === b.toLowerCase() : a === b);
  return inputs.some((i) => same(canonical(i), o));
}

/** `SOURCE_DATE_EPOCH` (seconds), the reproducible-builds convention, as the time to stamp on files. */
export function fixedDate(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const v = env.SOURCE_DATE_EPOCH;
  if (v === undefined || !/^\d+$/.test(v.trim())) return undefined;
  return new Date(Number(v.trim()) * 1000);
}
