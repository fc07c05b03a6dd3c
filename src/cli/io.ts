/** Where a command prints: stdout for results, stderr for problems and notes. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Writes text to stdout as it is (no newline added); absent where output is only gathered (tests). */
  write?: (text: string | Uint8Array) => void;
  /** Replaces the one-line progress display ('' clears it); absent when stderr is not a terminal. */
  progress?: (text: string) => void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  write: (text) => process.stdout.write(text),
  progress: process.stderr.isTTY ? (text) => process.stderr.write(`\r\x1b[K${text}`) : undefined,
};
