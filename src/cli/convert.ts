/**
 * `.xls` and `.ods` through LibreOffice (SPEC §7): copies of the files are converted to
 * `.xlsx` inside a temporary folder (never beside the input), in one `soffice` run per job so
 * its start-up is paid once per batch, not once per file. Sheet names and cell addresses
 * survive the conversion, so findings point at the original file's cells.
 */
import { spawn } from 'child_process';
import { constants, promises as fs } from 'fs';
import path from 'path';
import { pathToFileURL } from 'url';
import { msg } from './messages';

/** `soffice` on the PATH, or undefined. */
export async function findSoffice(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const names = process.platform === 'win32' ? ['soffice.com', 'soffice.exe'] : ['soffice'];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        await fs.access(file, constants.X_OK);
        if ((await fs.stat(file)).isFile()) return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** OLE2 compound file (the .xls format) and zip (.ods, and an .xlsx wrongly named .xls). */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from('PK\u0003\u0004', 'latin1');

async function firstBytes(file: string): Promise<Buffer | undefined> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const buffer = Buffer.alloc(8);
    const { bytesRead } = await handle.read(buffer, 0, 8, 0);
    return buffer.subarray(0, bytesRead);
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

export interface ConvertItem {
  file: string;
  /** `.xls` or `.ods`. */
  ext: string;
}

/** Where to read a converted file from (the original when it needs no conversion or cannot be opened), or why it cannot be read. */
export type Converted = { read: string } | { reason: string };

export interface ConvertOptions {
  /** The `soffice` program; undefined when LibreOffice is not installed. */
  soffice: string | undefined;
  /** An empty temporary folder this run owns. */
  tempDir: string;
  /** LibreOffice runs at the same time (each with its own profile). */
  jobs: number;
  /** Time allowed for a batch: this much plus `perFileMs` per file. */
  baseTimeoutMs?: number;
  perFileMs?: number;
}

interface Pending {
  index: number;
  item: ConvertItem;
}

/** The `soffice` runs under way (each the leader of its own process group). */
const running = new Set<number>();

/** Stops every `soffice` run under way, with the processes it started (an interrupted `check`). */
export function stopConversions(): void {
  for (const pid of running) {
    try {
      process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
}

/** Runs one `soffice` over a batch; resolves when it has ended (or was stopped at the time limit). */
function runSoffice(soffice: string, args: string[], timeoutMs: number): Promise<{ timedOut: boolean; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(soffice, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: process.platform !== 'win32' });
    if (child.pid !== undefined) running.add(child.pid);
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        // The whole group: soffice is a script that starts soffice.bin.
        if (child.pid !== undefined) process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      if (child.pid !== undefined) running.delete(child.pid);
      resolve({ timedOut, stderr });
    };
    child.on('error', (e) => {
      stderr += String(e);
      done();
    });
    child.on('close', done);
  });
}

async function convertBatch(batch: Pending[], slot: number, soffice: string, options: ConvertOptions): Promise<Map<number, Converted>> {
  const base = path.join(options.tempDir, `lo-${slot}`);
  const inDir = path.join(base, 'in');
  const outDir = path.join(base, 'out');
  await fs.mkdir(inDir, { recursive: true });
  await fs.mkdir(outDir, { recursive: true });
  const results = new Map<number, Converted>();
  const copies: string[] = [];
  for (const { index, item } of batch) {
    const copy = path.join(inDir, `${index}${item.ext}`);
    try {
      await fs.copyFile(item.file, copy);
      copies.push(copy);
    } catch {
      results.set(index, { read: item.file }); // the reader says why it cannot be read
    }
  }
  if (copies.length === 0) return results;
  const timeoutMs = (options.baseTimeoutMs ?? 120_000) + (options.perFileMs ?? 20_000) * copies.length;
  const args = [
    `-env:UserInstallation=${pathToFileURL(path.join(base, 'profile')).href}`,
    '--headless', '--invisible', '--norestore', '--nologo', '--nodefault', '--nolockcheck',
    '--convert-to', 'xlsx', '--outdir', outDir, ...copies,
  ];
  const run = await runSoffice(soffice, args, timeoutMs);
  const detail = run.stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/javaldx|java may not/.test(l)).pop();
  for (const { index, item } of batch) {
    if (results.has(index)) continue;
    const out = path.join(outDir, `${index}.xlsx`);
    const made = await fs.stat(out).then((s) => s.isFile() && s.size > 0, () => false);
    if (made) results.set(index, { read: out });
    else if (run.timedOut) results.set(index, { reason: msg.conversionTimedOut(Math.round(timeoutMs / 1000)) });
    else results.set(index, { reason: msg.conversionFailed(item.ext, detail ?? 'no output') });
  }
  await Promise.all(copies.map((c) => fs.rm(c, { force: true })));
  return results;
}

/**
 * Converts `.xls`/`.ods` files to `.xlsx` copies in `options.tempDir`. A file that is really
 * an `.xlsx` is read as it is; one that is neither its format nor a zip gets a message
 * without starting LibreOffice; without LibreOffice each gets a message naming what to install.
 */
export async function convertAll(items: readonly ConvertItem[], options: ConvertOptions): Promise<Converted[]> {
  const results: Converted[] = new Array(items.length);
  const pending: Pending[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const head = await firstBytes(item.file);
    const isZip = head !== undefined && head.subarray(0, 4).equals(ZIP);
    const isOle = head !== undefined && head.equals(OLE);
    if (head === undefined || (item.ext === '.xls' && isZip)) results[index] = { read: item.file };
    else if (item.ext === '.xls' ? !isOle : !isZip) results[index] = { reason: msg.notOldFormat(item.ext) };
    else if (options.soffice === undefined) results[index] = { reason: msg.needLibreOffice(item.ext) };
    else pending.push({ index, item });
  }
  const soffice = options.soffice;
  if (soffice !== undefined && pending.length > 0) {
    const runs = Math.max(1, Math.min(options.jobs, pending.length));
    const batches = Array.from({ length: runs }, (_, slot) => pending.filter((_p, i) => i % runs === slot));
    const done = await Promise.all(batches.map((batch, slot) => convertBatch(batch, slot, soffice, options)));
    for (const map of done) for (const [index, converted] of map) results[index] = converted;
  }
  return results;
}
