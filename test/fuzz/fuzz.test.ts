/**
 * The fuzz test of issue 12: the real command line (`node bin/budget-targets.js`, over dist/)
 * on every hostile input of ./hostile.ts. For each case: the exit code SPEC §7 allows, no
 * stack trace or library error text, a message naming the file, time and peak memory of the
 * child process under fixed bounds, the JSON contract intact, the input bytes unchanged.
 * `npm test` runs the fixed families and a few seeded mutations; `npm run fuzz` runs many more
 * (FUZZ_MUTATIONS, FUZZ_SEED) and prints the figures either way.
 */
import { execFileSync, spawn } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import os from 'os';
import path from 'path';
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
const figures: { family: string; name: string; status: number | null; seconds: number; rssMb: number; changed: boolean }[] = [];

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
      ['command-line', 'control', 'damaged', 'merge', 'message', 'new', 'non-file', 'profile', 'zip-bomb', ...(MUTATIONS ? ['mutation'] : [])].sort(),
    );
  });

  it('fails safe on every case', async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const before = c.inputs.map((f) => (statSync(f).isFile() ? sha(f) : ''));
      const r = await runCli(c.args, dir, c.name);
      const changed = c.inputs.some((f, i) => before[i] !== '' && sha(f) !== before[i]);
      figures.push({ family: c.family, name: c.name, status: r.status, seconds: r.seconds, rssMb: r.rssMb, changed });
      const problems: string[] = [];
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
          expect(Object.keys(json)).toEqual(['files']);
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
