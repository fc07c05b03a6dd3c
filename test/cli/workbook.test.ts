/** Reading an `.xlsx` file for the command line: what counts as a workbook that cannot be read (SPEC §7, exit 2). */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { checkFile, exitCode } from '../../src/cli/check';
import { DEFAULT_PROFILE } from '../../src/core/profile';

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'budget-targets-workbook-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkFile', () => {
  it('calls a zip without any worksheet unreadable, not a workbook without tables', async () => {
    const file = path.join(dir, 'no-sheets.xlsx');
    await new ExcelJS.Workbook().xlsx.writeFile(file);
    const result = await checkFile(file, DEFAULT_PROFILE);
    expect(result).toEqual({ file, ok: false, reason: expect.stringContaining('不是有效的 .xlsx 工作簿') });
    expect(result.ok || result.reason).toContain('没有工作表');
    expect(exitCode([result])).toBe(2);
  });

  it('reads a workbook with a sheet but no target table as readable', async () => {
    const file = path.join(dir, 'plain.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    await wb.xlsx.writeFile(file);
    // Readable, with R002: a workbook without a target table is never passed unread.
    const result = await checkFile(file, DEFAULT_PROFILE);
    expect(result).toMatchObject({ file, ok: true, projects: [] });
    expect(result.ok && result.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell])).toEqual([['R002', 'error', 'Sheet1', 'A1']]);
  });
});
