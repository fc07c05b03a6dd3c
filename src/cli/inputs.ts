/**
 * The command line's PATH arguments (SPEC §7): files and folders, searched recursively, into
 * one list of workbooks in a stable order, each with how it is to be read.
 */
import { Dirent, promises as fs } from 'fs';
import path from 'path';
import { msg } from './messages';
import { canonical } from './output';

/**
 * How a file is read: `xlsx` by our reader (.xlsx, .xlsm and anything not named otherwise,
 * which then gets the reader's own message), `convert` through LibreOffice (.xls, .ods), or
 * `unsupported` with a message to save it as .xlsx (.et, .csv).
 */
export type InputKind = 'xlsx' | 'convert' | 'unsupported';

export interface Input {
  /** The path as the officer gave it, or found under a folder they gave: the name every report uses. */
  file: string;
  kind: InputKind;
  /** The lower-case extension with its dot (`.xls`), '' when there is none. */
  ext: string;
}

/** Extensions a folder search picks up: the workbooks we can read or convert, and WPS's own (to say so). */
const FOLDER_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.ods', '.et']);
const CONVERTED = new Set(['.xls', '.ods']);
const UNSUPPORTED = new Set(['.et', '.csv']);

export function inputOf(file: string): Input {
  const ext = path.extname(file).toLowerCase();
  return { file, ext, kind: CONVERTED.has(ext) ? 'convert' : UNSUPPORTED.has(ext) ? 'unsupported' : 'xlsx' };
}

/** Excel's lock files (`~$name.xlsx`) and hidden files are not departments' workbooks. */
function skipped(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.');
}

/** Codepoint order, the same on every machine and locale. */
function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The workbooks under a folder, depth first in name order; links to folders are not followed (no loops). */
async function walk(dir: string, into: string[]): Promise<void> {
  const entries = (await fs.readdir(dir, { withFileTypes: true })).sort(byName);
  for (const entry of entries) {
    if (skipped(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, into);
    else if ((entry.isFile() || entry.isSymbolicLink()) && FOLDER_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      if (entry.isSymbolicLink()) {
        const target = await fs.stat(full).catch(() => undefined);
        if (!target?.isFile()) continue;
      }
      into.push(full);
    }
  }
}

export interface ExpandedInputs {
  inputs: Input[];
  /** Folders that hold no workbook or cannot be read, as messages for stderr (exit 2). */
  problems: string[];
}

/**
 * Expands PATH arguments: a folder becomes the workbooks under it, a file stays itself (a
 * missing file too: reading it says so). A file reached twice is listed once, at its first
 * place; the files in `exclude` (the report being written) are left out of folder searches.
 */
export async function expandInputs(paths: readonly string[], exclude: readonly string[] = []): Promise<ExpandedInputs> {
  const inputs: Input[] = [];
  const problems: string[] = [];
  const excluded = new Set(exclude.map(canonical));
  const seen = new Set<string>();
  const add = (file: string, fromFolder: boolean) => {
    const key = canonical(file);
    if (seen.has(key) || (fromFolder && excluded.has(key))) return;
    seen.add(key);
    inputs.push(inputOf(file));
  };
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => undefined);
    if (!stat?.isDirectory()) {
      add(p, false);
      continue;
    }
    const found: string[] = [];
    try {
      await walk(p, found);
    } catch (e) {
      problems.push(msg.folderUnreadable(p, (e as NodeJS.ErrnoException).code ?? String(e)));
      continue;
    }
    if (found.length === 0) problems.push(msg.folderEmpty(p));
    for (const file of found) add(file, true);
  }
  return { inputs, problems };
}

/**
 * `summary`'s inputs: folders expanded to their workbooks (leaving out `out`), before its own
 * reading. Only .xlsx/.xlsm are summarised (it copies their sheets); undefined after printing
 * why when a folder or a file cannot be used.
 */
export async function summaryFiles(paths: readonly string[], out: string, err: (text: string) => void): Promise<string[] | undefined> {
  const { inputs, problems } = await expandInputs(paths, [out]);
  for (const p of problems) err(p);
  const other = inputs.filter((i) => i.kind !== 'xlsx');
  for (const i of other) err(msg.summaryNeedsXlsx(i.file));
  return problems.length || other.length ? undefined : inputs.map((i) => i.file);
}
