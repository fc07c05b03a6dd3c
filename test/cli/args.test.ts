import { parseArgs } from '../../src/cli/args';

describe('parseArgs (SPEC §7)', () => {
  it('reads check with files, --json and --profile in any order', () => {
    expect(parseArgs(['check', 'a.xlsx', '--json', 'b.xlsx', '--profile', 'p.json'])).toEqual({
      kind: 'run', command: 'check', files: ['a.xlsx', 'b.xlsx'], json: true, profile: 'p.json', out: undefined, from: undefined,
    });
    expect(parseArgs(['check', '--profile=p.json', 'a.xlsx'])).toMatchObject({ profile: 'p.json', files: ['a.xlsx'] });
  });

  it('reads summary with -o or --out, and new with --from', () => {
    expect(parseArgs(['summary', 'a.xlsx', 'b.xlsx', '-o', 'out.xlsx'])).toMatchObject({ command: 'summary', files: ['a.xlsx', 'b.xlsx'], out: 'out.xlsx' });
    expect(parseArgs(['new', '--from', 't.json', '--out=o.xlsx'])).toMatchObject({ command: 'new', files: [], from: 't.json', out: 'o.xlsx' });
  });

  it('reads check\'s --jsonl, --report with --force, and --jobs', () => {
    expect(parseArgs(['check', 'county', '--jsonl', '--report', '审核结果.xlsx', '--force', '--jobs', '4'])).toMatchObject({
      command: 'check', files: ['county'], json: false, jsonl: true, report: '审核结果.xlsx', force: true, jobs: 4,
    });
    expect(parseArgs(['check', 'a.xlsx', '--jobs=1'])).toMatchObject({ jobs: 1 });
    expect(parseArgs(['check', 'a.xlsx'])).not.toHaveProperty('jobs');
  });

  it('takes everything after -- as a file, even when it starts with -', () => {
    expect(parseArgs(['check', '--', '-odd.xlsx'])).toMatchObject({ files: ['-odd.xlsx'] });
  });

  it('gives help for no arguments, help and --help; the version for --version', () => {
    expect(parseArgs([])).toEqual({ kind: 'help' });
    expect(parseArgs(['help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['check', '--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['--version'])).toEqual({ kind: 'version' });
    expect(parseArgs(['-V'])).toEqual({ kind: 'version' });
  });

  it.each([
    [['frobnicate'], '未知命令'],
    [['check'], '至少一个'],
    [['check', 'a.xlsx', '--bogus'], '未知选项'],
    [['check', 'a.xlsx', '-o', 'x.xlsx'], '不能用于 check'],
    [['check', 'a.xlsx', '--profile'], '需要一个值'],
    [['summary', 'a.xlsx'], '-o OUT.xlsx'],
    [['summary', 'a.xlsx', '-o', 'o.xlsx', '--json'], '不能用于 summary'],
    [['new', '-o', 'o.xlsx'], '--from'],
    [['new', '--from', 't.json'], '-o OUT.xlsx'],
    [['new', 'extra', '--from', 't.json', '-o', 'o.xlsx'], '多余的参数'],
    [['check', 'a.xlsx', '--jobs', 'many'], '--jobs 需要一个正整数'],
    [['check', 'a.xlsx', '--jobs', '0'], '--jobs 需要一个正整数'],
    [['check', 'a.xlsx', '--json', '--jsonl'], '只能选一个'],
    [['check', 'a.xlsx', '--force'], '--force 只用于 --report'],
    [['check', 'a.xlsx', '--report', 'r.ods'], '必须以 .xlsx 结尾'],
    [['summary', 'a.xlsx', '-o', 'o.xlsx', '--report', 'r.xlsx'], '不能用于 summary'],
  ])('rejects %j with a clear message', (argv, text) => {
    const r = parseArgs(argv);
    expect(r.kind).toBe('error');
    expect(r.kind === 'error' && r.message).toContain(text);
  });
});
