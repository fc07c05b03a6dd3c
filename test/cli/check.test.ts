/** The `check` report, in-process: what the command line prints for a file's findings. */
import { Finding } from '../../src/core/finding';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { FileCheck, exitCode, toJson, toText } from '../../src/cli/check';

describe('check report on a huge sheet', () => {
  const findings: Finding[] = Array.from({ length: 200_000 }, (_, i) => ({
    rule: 'I011', severity: 'warning', sheet: 'S', cell: `G${i + 10}`, message: '缺少指标值确定依据', message_en: 'basis missing',
  }));
  const project = { sheet: 'S', code: 'X', name: 'N', budget: { total: '1.00', fiscal: '1.00', other: '0.00' } };
  const results: FileCheck[] = [{ file: 'huge.xlsx', ok: true, projects: [project], findings }];

  it('prints one line per finding, however many there are', () => {
    const lines = toText(results).split('\n');
    expect(lines.filter((l) => l.includes('I011'))).toHaveLength(200_000);
    expect(lines[1]).toBe('  警告  I011  S!G10  缺少指标值确定依据');
  });

  it('gives the JSON and the exit code too', () => {
    expect(toJson(results, DEFAULT_PROFILE).files[0].findings).toHaveLength(200_000);
    expect(exitCode(results)).toBe(0);
  });
});
