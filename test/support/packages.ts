/**
 * Workbook packages for the summary tests, built in the test: the seed workbook as `new` writes
 * it, then zip entries added or edited by hand (chart sheets, pivot caches, macros, comments,
 * odd parts), and `summary` run in process on the result.
 */
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { newCommand } from '../../src/cli/newWorkbook';
import { summaryCommand } from '../../src/cli/summary';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { SEED_JSON_PATH } from './seed';

export type Entries = Map<string, Buffer>;

/**
 * Every file entry of a zip, uncompressed, in the zip's order. An entry that cannot be inflated
 * (damaged data, a size or CRC that does not match) is given as its compressed bytes, prefixed
 * `damaged:`: a copy that passes it through unchanged compares equal, any other does not.
 */
export async function entriesOf(bytes: Buffer): Promise<Entries> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Entries = new Map();
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    try {
      out.set(name, await file.async('nodebuffer'));
    } catch {
      // JSZip keeps an entry's bytes as they stand in the zip until it is inflated (an internal field).
      const raw = (file as unknown as { _data: { compressedContent: Uint8Array } })._data.compressedContent;
      out.set(name, Buffer.concat([Buffer.from('damaged:'), Buffer.from(raw)]));
    }
  }
  return out;
}

export async function zipOf(entries: Entries, stored: readonly string[] = []): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(2022, 0, 1));
  for (const [name, data] of entries) zip.file(name, data, { date, compression: stored.includes(name) ? 'STORE' : 'DEFLATE' });
  return zip.generateAsync({ type: 'nodebuffer' });
}

export const text = (entries: Entries, name: string) => entries.get(name)!.toString('utf8');

/** Replaces `find` (which must be there) in an entry's text. */
export function patch(entries: Entries, name: string, find: string | RegExp, replace: string): void {
  const before = text(entries, name);
  const after = before.replace(find, replace);
  if (after === before) throw new Error(`patch: ${String(find)} not found in ${name}`);
  entries.set(name, Buffer.from(after, 'utf8'));
}

let seedBytes: Buffer | undefined;

/** The seed workbook (ten project sheets) exactly as `budget-targets new` writes it. */
export async function seedWorkbook(): Promise<Buffer> {
  if (!seedBytes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'budget-targets-seed-'));
    try {
      const out = path.join(dir, 'seed.xlsx');
      const code = await newCommand(SEED_JSON_PATH, out, { out: () => undefined, err: () => undefined });
      if (code !== 0) throw new Error('new failed');
      seedBytes = readFileSync(out);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return seedBytes;
}

export interface SummaryRun {
  code: number;
  stdout: string;
  stderr: string;
  out: Buffer | undefined;
}

/** Runs `summary` on the bytes (written to a temporary file named `name`) and returns what it wrote. */
export async function runSummary(input: Buffer | Buffer[], name = 'in.xlsx', outName = 'out.xlsx'): Promise<SummaryRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'budget-targets-pkg-'));
  try {
    const files = (Array.isArray(input) ? input : [input]).map((bytes, i) => {
      const file = path.join(dir, i === 0 ? name : `${i}-${name}`);
      writeFileSync(file, bytes);
      return file;
    });
    let stdout = '';
    let stderr = '';
    const out = path.join(dir, outName);
    const code = await summaryCommand(files, out, DEFAULT_PROFILE, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(out);
    } catch {
      bytes = undefined;
    }
    return { code, stdout, stderr, out: bytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The entries whose bytes differ between input and output, and the entries only the output has. */
export function differences(input: Entries, output: Entries): { changed: string[]; added: string[]; removed: string[] } {
  const changed = [...input.keys()].filter((n) => output.has(n) && !output.get(n)!.equals(input.get(n)!));
  const added = [...output.keys()].filter((n) => !input.has(n));
  const removed = [...input.keys()].filter((n) => !output.has(n));
  return { changed: changed.sort(), added, removed };
}
