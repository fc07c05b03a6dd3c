/** Command-line arguments of SPEC §7, parsed and checked before anything is read. */
import { msg } from './messages';

export type Command = 'check' | 'summary' | 'new' | 'rules' | 'export';

export type Args =
  | { kind: 'help' }
  /** No arguments at all: the usage goes to stderr and the exit code is 2. */
  | { kind: 'usage' }
  | { kind: 'version' }
  | {
      kind: 'run'; command: Command; files: string[]; json: boolean; profile?: string; preset?: string; out?: string; from?: string;
      /** check only: one JSON line per file, the bureau's report workbook (replaced with force), parallel files. */
      jsonl?: boolean; report?: string; jobs?: number;
      /** export only: export a workbook that has errors. */
      allowErrors?: boolean;
      /** check --report and export: replace an existing output file. */
      force?: boolean;
    }
  | { kind: 'error'; message: string };

const COMMANDS: readonly Command[] = ['check', 'summary', 'new', 'rules', 'export'];

/** Which options each command takes. */
const ALLOWED: Record<Command, readonly string[]> = {
  check: ['--json', '--profile', '--preset', '--jsonl', '--report', '--force', '--jobs'],
  summary: ['--out', '--profile', '--preset', '--force'],
  new: ['--out', '--from', '--force'],
  rules: ['--json', '--profile', '--preset'],
  export: ['--out', '--profile', '--preset', '--allow-errors', '--force'],
};

const ALIASES: Record<string, string> = { '-o': '--out', '-h': '--help', '-v': '--version', '-V': '--version' };
const WITH_VALUE = new Set(['--out', '--profile', '--preset', '--from', '--report', '--jobs']);
const FLAGS = new Set(['--json', '--help', '--version', '--jsonl', '--force', '--allow-errors']);

export function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const raw = eq > 0 ? arg.slice(0, eq) : arg;
    const name = ALIASES[raw] ?? raw;
    if (FLAGS.has(name)) {
      if (eq > 0) return { kind: 'error', message: msg.unknownOption(arg) };
      options.set(name, true);
    } else if (WITH_VALUE.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') return { kind: 'error', message: msg.optionNeedsValue(raw) };
      options.set(name, value);
    } else {
      return { kind: 'error', message: msg.unknownOption(arg) };
    }
  }
  if (options.has('--help')) return { kind: 'help' };
  if (options.has('--version')) return { kind: 'version' };
  if (positional.length === 0) return options.size === 0 ? { kind: 'usage' } : { kind: 'help' };

  const [command, ...files] = positional;
  if (command === 'help') return { kind: 'help' };
  if (!(COMMANDS as readonly string[]).includes(command)) return { kind: 'error', message: msg.unknownCommand(command) };
  const cmd = command as Command;
  for (const name of options.keys()) {
    if (!ALLOWED[cmd].includes(name)) return { kind: 'error', message: msg.optionNotFor(name, cmd) };
  }
  const value = (name: string) => {
    const v = options.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  if (cmd === 'new' || cmd === 'rules') {
    if (files.length) return { kind: 'error', message: msg.extraArgs(files) };
    if (cmd === 'new' && !options.has('--from')) return { kind: 'error', message: msg.needFrom };
  } else if (files.length === 0) {
    return { kind: 'error', message: msg.noFiles(cmd) };
  } else if (cmd === 'export' && files.length > 1) {
    return { kind: 'error', message: msg.extraArgs(files.slice(1)) };
  }
  if (cmd !== 'check' && cmd !== 'rules' && !options.has('--out')) return { kind: 'error', message: msg.needOut(cmd) };
  const check = cmd === 'check' ? checkOptions(options) : {};
  if ('error' in check) return { kind: 'error', message: check.error };
  return {
    kind: 'run',
    command: cmd,
    files,
    json: options.has('--json'),
    profile: value('--profile'),
    preset: value('--preset'),
    out: value('--out'),
    from: value('--from'),
    ...(options.has('--force') ? { force: true } : {}),
    ...(cmd === 'export' ? { allowErrors: options.has('--allow-errors') } : {}),
    ...check,
  };
}

/** `check`'s own options: --jsonl, --report with --force, --jobs. */
function checkOptions(options: Map<string, string | true>): { jsonl?: boolean; report?: string; force?: boolean; jobs?: number } | { error: string } {
  if (options.has('--json') && options.has('--jsonl')) return { error: msg.jsonAndJsonl };
  const report = options.get('--report');
  if (options.has('--force') && report === undefined) return { error: msg.forceNeedsReport };
  if (typeof report === 'string' && !/\.xlsx$/i.test(report)) return { error: msg.reportNotXlsx(report) };
  const jobs = options.get('--jobs');
  if (typeof jobs === 'string' && !/^[1-9]\d{0,3}$/.test(jobs.trim())) return { error: msg.jobsInvalid(jobs) };
  return {
    ...(options.has('--jsonl') ? { jsonl: true } : {}),
    ...(typeof report === 'string' ? { report } : {}),
    ...(options.has('--force') ? { force: true } : {}),
    ...(typeof jobs === 'string' ? { jobs: Number(jobs.trim()) } : {}),
  };
}
