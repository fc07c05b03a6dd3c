/**
 * Reading an input file safely: only a regular file (never a folder, FIFO or device, which
 * could block or never end), opened without blocking, and never more than a cap of bytes.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'fs';
import { WorkbookReadError } from './limits';

/**
 * The bytes of `file`. Throws `WorkbookReadError('not-a-file')` for anything but a regular
 * file, `WorkbookReadError('too-large', 'maxFileBytes')` past `maxBytes`, and the system's
 * error (`ENOENT`, `EACCES`, …) when it cannot be opened.
 *
 * Read with the synchronous calls: the caller has nothing else to do meanwhile (a worker
 * process checks one file at a time; the command line reads its inputs one after the other),
 * and each asynchronous call is a round trip through libuv's thread pool. On a busy machine
 * (every core checking files) those five round trips per file left a worker waiting for a
 * pool thread to be scheduled: measured, a sixth of a worker's time idle.
 */
export async function readInputFile(file: string, maxBytes: number): Promise<Buffer> {
  // stat never blocks, even on a FIFO without a writer; O_NONBLOCK keeps open() from blocking if it was swapped meanwhile.
  const before = statSync(file);
  if (before.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (!before.isFile()) throw new WorkbookReadError('not-a-file');
  if (before.size > maxBytes) throw new WorkbookReadError('too-large', 'maxFileBytes');
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new WorkbookReadError('not-a-file');
    if (st.size > maxBytes) throw new WorkbookReadError('too-large', 'maxFileBytes');
    // Read up to one byte past the cap: a file that grows while read is still refused. The
    // first read asks for the whole file and one byte more, so a file that does not change is
    // read at once, into the buffer returned (no second copy).
    const chunks: Buffer[] = [];
    let total = 0;
    for (let size = st.size + 1; ; size = 1 << 20) {
      const chunk = Buffer.allocUnsafe(Math.min(size, maxBytes + 1 - total));
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      if (total > maxBytes) throw new WorkbookReadError('too-large', 'maxFileBytes');
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** A small text input (a profile, a `--from` file) read with the same care, as UTF-8. */
export async function readInputText(file: string, maxBytes: number): Promise<string> {
  return (await readInputFile(file, maxBytes)).toString('utf8');
}
