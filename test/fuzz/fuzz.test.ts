/**
 * The fuzz test of issue 12: the real command line (`node bin/budget-targets.js`, over dist/)
 * on every hostile input of ./hostile.ts. For each case: the exit code SPEC §7 allows, no
 * stack trace or library error text, a message naming the file, time and peak memory of the
 * child process under fixed bounds, the JSON contract intact, the input bytes unchanged; for
 * `summary`, a refusal (exit 2) names the file and writes nothing, and a written copy keeps
 * every zip entry it need not touch byte for byte, every `<sheet>` of workbook.xml and every
 * cell of every input sheet (read back with the capped reader).
 * `npm test` runs the fixed families and a few seeded mutations; `npm run fuzz` runs many more
 * (FUZZ_MUTATIONS, FUZZ_SEED) and prints the figures either way.
 */
import { execFileSync, spawn } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import os from 'os';
import path from 'path';
import { isDeepStrictEqual } from 'util';
import { readWorkbookBytes } from '../../src/xlsx/readPackage';
import { entriesOf, patch, zipOf } from '../support/packages';
import { FuzzCase, buildCases } from './hostile';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'budget-targets.js');
const PRELOAD = path.join(ROOT, 'bench', 'maxrss.js');
const BASE = path.join(ROOT, 'examples', 'xinzhai-2022.xlsx');

const SEED = Number(process.env.FUZZ_SEED ?? 20221231);
const MUTATIONS = Number(process.env.FUZZ_MUTATIONS ?? 12);
/** Fixed bounds per case (a loaded 2-core machine included). */
const MAX_SECONDS = 60;
const MAX_RSS_MB = 400;

jest.setTimeout(3_600_000);

interface Outcome {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
  rssMb: number;
}

function runCli(args: string[], dir: string, name: string): Promise<Outcome> {
  const rssFile = path.join(dir, `${name}.rss`);
  const start = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', PRELOAD, BIN, ...args], {
      cwd: dir, env: { ...process.env, BT_MAXRSS_FILE: rssFile, BUDGET_TARGETS_DEBUG: '' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // A hang is a failure, not a stuck test run: the child is killed past the bound.
    const timer = setTimeout(() => child.kill('SIGKILL'), MAX_SECONDS * 1000 * 2);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const rssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : NaN;
      resolve({ status, signal, stdout, stderr, seconds, rssMb });
    });
  });
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** What a stack trace or a library's own error text looks like. */
const LIBRARY_TEXT = [
  /\n\s+at .+:\d+:\d+/, /\bat [\w.<>]+ \(/, /TypeError|RangeError|SyntaxError|ReferenceError/, /\bError:/, /\bE[A-Z]{3,}\b:/,
  /JSZip|end of central directory|Corrupted zip|Unexpected token|Cannot read prop|is not a function|undefined is not/,
];

let dir: string;
let cases: FuzzCase[] = [];
const figures: { family: string; name: string; status: number | null; seconds: number; rssMb: number; changed: boolean; lost?: boolean }[] = [];

/** Parts `summary` must touch to add a sheet; everything else of the input is byte-identical in its output. */
const TOUCHED = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml'];

/**
 * What of the input `summary` lost or changed in its output: zip entries, the sheets listed in
 * workbook.xml (each `<sheet …/>` element verbatim) and, read with the capped reader, every
 * cell of every input sheet (our own summary sheet, when the case says it is regenerated, aside).
 */
async function dataChanges(input: Buffer, output: Buffer, regenerates?: string): Promise<string[]> {
  const problems: string[] = [];
  const [before, after] = [await entriesOf(input), await entriesOf(output)];
  const wbBefore = before.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const wbAfter = after.get('xl/workbook.xml')?.toString('utf8') ?? '';
  let regeneratedPart: string | undefined;
  if (regenerates !== undefined) {
    const rId = new RegExp(`<sheet [^>]*name="${regenerates}"[^>]*r:id="(\\w+)"`).exec(wbBefore)?.[1];
    const target = rId && new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(before.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '')?.[1];
    regeneratedPart = target ? `xl/${target.replace(/^\/?xl\//, '')}` : undefined;
    if (!regeneratedPart) problems.push(`no part for our summary sheet ${regenerates}`);
  }
  for (const [name, data] of before) {
    if (TOUCHED.includes(name) || name === regeneratedPart) continue;
    const now = after.get(name);
    if (now === undefined) {
      if (!(name === 'xl/calcChain.xml' && regeneratedPart)) problems.push(`entry ${name} removed`);
    } else if (!now.equals(data)) problems.push(`entry ${name} changed`);
  }
  const added = [...after.keys()].filter((n) => !before.has(n));
  if (added.length > (regeneratedPart ? 0 : 1) + (before.has('xl/styles.xml') ? 0 : 1) || added.some((n) => !/^xl\/(worksheets\/sheet\d+|styles\d*)\.xml$/.test(n))) {
    problems.push(`entries added: ${added.join(', ')}`);
  }
  for (const sheet of wbBefore.match(/<(?:\w+:)?sheet\s[^>]*>/g) ?? []) if (!wbAfter.includes(sheet)) problems.push(`sheet no longer listed: ${sheet}`);
  let gridsBefore: ReturnType<typeof readWorkbookBytes>;
  try {
    gridsBefore = readWorkbookBytes(input);
  } catch {
    return problems; // an input the reader refuses as a whole has no cells to compare (its entries are compared above)
  }
  let gridsAfter: ReturnType<typeof readWorkbookBytes>;
  try {
    gridsAfter = readWorkbookBytes(output);
  } catch (e) {
    return [...problems, `output unreadable: ${String(e).slice(0, 200)}`];
  }
  for (const sheet of gridsBefore.sheets) {
    if (sheet.name === regenerates) continue;
    const now = gridsAfter.sheets.find((s) => s.name === sheet.name);
    if (!now) problems.push(`sheet ${sheet.name} not readable in the output`);
    else if (!isDeepStrictEqual(now.grid, sheet.grid) || now.state !== sheet.state) problems.push(`cells of sheet ${sheet.name} changed`);
  }
  for (const u of gridsBefore.unreadable) {
    if (!gridsAfter.unreadable.some((v) => v.sheet === u.sheet)) problems.push(`unreadable sheet ${u.sheet} read differently in the output`);
  }
  return problems;
}

beforeAll(() => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT });
  dir = mkdtempSync(path.join(os.tmpdir(), 'budget-targets-fuzz-'));
  cases = buildCases(dir, BASE, SEED, MUTATIONS);
});

afterAll(() => {
  if (figures.length) {
    const worst = (pick: (f: (typeof figures)[number]) => number) => figures.reduce((a, b) => (pick(b) > pick(a) ? b : a));
    const slow = worst((f) => f.seconds);
    const big = worst((f) => f.rssMb);
    const byFamily = new Map<string, number>();
    for (const f of figures) byFamily.set(f.family, (byFamily.get(f.family) ?? 0) + 1);
    console.log(
      [
        `fuzz (seed ${SEED}, ${MUTATIONS} mutations): ${figures.length} cases — ${[...byFamily].map(([k, v]) => `${k} ${v}`).join(', ')}`,
        `  crashes (signal or exit outside SPEC §7): ${figures.filter((f) => f.status === null || ![0, 1, 2].includes(f.status)).length}; ` +
          `hangs (over ${MAX_SECONDS} s): ${figures.filter((f) => f.seconds > MAX_SECONDS).length}; inputs changed: ${figures.filter((f) => f.changed).length}`,
        `  summary: ${figures.filter((f) => f.lost !== undefined).length} written copies compared with their inputs (${figures.filter((f) => f.family.startsWith('summary')).length} summary cases), data changes: ${figures.filter((f) => f.lost).length}`,
        `  slowest: ${slow.name} ${slow.seconds.toFixed(2)} s (bound ${MAX_SECONDS} s); peak memory: ${big.name} ${big.rssMb.toFixed(0)} MB (bound ${MAX_RSS_MB} MB)`,
        `  exit codes: ${[0, 1, 2].map((c) => `${c}×${figures.filter((f) => f.status === c).length}`).join(' ')}`,
      ].join('\n'),
    );
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the command line on hostile input', () => {
  it('builds every family', () => {
    const families = new Set(cases.map((c) => c.family));
    expect([...families].sort()).toEqual(
      ['command-line', 'control', 'damaged', 'merge', 'message', 'new', 'non-file', 'profile', 'summary', 'summary-mark', 'summary-package', 'zip-bomb', ...(MUTATIONS ? ['mutation'] : [])].sort(),
    );
  });

  it('the summary comparison sees a changed cell, a renamed sheet and a lost entry', async () => {
    const input = readFileSync(BASE);
    expect(await dataChanges(input, input)).toEqual([]);
    const e = await entriesOf(input);
    patch(e, 'xl/worksheets/sheet3.xml', /(<c r="C4" s="5"><v>)3.4/, '$13.41');
    patch(e, 'xl/workbook.xml', 'name="2022年乡镇维稳经费"', 'name="维稳"');
    e.delete('docProps/app.xml');
    expect(await dataChanges(input, await zipOf(e))).toEqual([
      'entry xl/worksheets/sheet3.xml changed',
      'entry docProps/app.xml removed',
      'sheet no longer listed: <sheet sheetId="2" name="2022年乡镇维稳经费" state="visible" r:id="rId5"/>',
      'sheet 2022年乡镇维稳经费 not readable in the output',
      'cells of sheet 2022年村干部养老保险 changed',
    ]);
    const cellOnly = await entriesOf(input);
    patch(cellOnly, 'xl/worksheets/sheet3.xml', /(<c r="C4" s="5"><v>)3.4/, '$13.41');
    expect(await dataChanges(input, await zipOf(cellOnly), '2022年村干部养老保险')).toEqual([]);
    expect(await dataChanges(input, await zipOf(cellOnly))).toEqual(['entry xl/worksheets/sheet3.xml changed', 'cells of sheet 2022年村干部养老保险 changed']);
  });

  it('fails safe on every case', async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const before = c.inputs.map((f) => (statSync(f).isFile() ? sha(f) : ''));
      const r = await runCli(c.args, dir, c.name);
      const changed = c.inputs.some((f, i) => before[i] !== '' && sha(f) !== before[i]);
      const problems: string[] = [];
      let lost: boolean | undefined;
      if (c.out !== undefined) {
        const written = existsSync(c.out);
        if (r.status === 2) {
          if (written) problems.push('refused, yet wrote its output');
          if (!`${r.stdout}\n${r.stderr}`.includes(c.inputs[0])) problems.push(`refusal does not name ${c.inputs[0]}`);
        } else if (r.status === 0 || r.status === 1) {
          if (!written) problems.push('exit 0/1 without its output');
          else {
            const lostData = await dataChanges(readFileSync(c.inputs[0]), readFileSync(c.out), c.regenerates).catch((e: unknown) => [`comparison failed: ${String(e).slice(0, 200)}`]);
            lost = lostData.length > 0;
            problems.push(...lostData.map((p) => `data change: ${p}`));
          }
        }
      }
      figures.push({ family: c.family, name: c.name, status: r.status, seconds: r.seconds, rssMb: r.rssMb, changed, lost });
      if (r.status === null || !c.exits.includes(r.status)) problems.push(`exit ${r.status ?? r.signal}, allowed ${c.exits.join('/')}`);
      const all = `${r.stdout}\n${r.stderr}`;
      for (const re of LIBRARY_TEXT) if (re.test(all)) problems.push(`library text ${re}: ${all.slice(0, 300)}`);
      if (r.seconds > MAX_SECONDS) problems.push(`took ${r.seconds.toFixed(1)} s`);
      if (!(r.rssMb <= MAX_RSS_MB)) problems.push(`peak memory ${r.rssMb.toFixed(0)} MB`);
      if (c.names && !all.includes(c.names)) problems.push(`no message names ${c.names}`);
      for (const s of c.says ?? []) if (!all.includes(s)) problems.push(`does not say "${s}": ${all.slice(0, 300)}`);
      if (c.args[0] === 'check' && c.args.includes('--json') && r.status !== null && r.status <= 2 && r.stdout) {
        try {
          const json = JSON.parse(r.stdout);
          expect(Object.keys(json)).toEqual(['files', 'profile']) // the profile in force sits beside the contract's files;
          for (const f of json.files) {
            expect(Object.keys(f)).toEqual(f.error === undefined ? ['file', 'projects', 'findings'] : ['file', 'projects', 'findings', 'error']);
            for (const x of f.findings) expect(Object.keys(x)).toEqual(['rule', 'severity', 'sheet', 'cell', 'message', 'message_en']);
          }
        } catch (e) {
          problems.push(`JSON contract broken: ${String(e).slice(0, 200)}`);
        }
      }
      if (c.args[0] === 'check' && !c.args.includes('--json')) {
        if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(r.stdout)) problems.push('control characters in the readable report');
      }
      if (changed) problems.push('an input file changed');
      if (problems.length) failures.push(`${c.family}/${c.name}: ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });
});
