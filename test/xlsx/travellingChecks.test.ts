/**
 * The checks that travel with the file (issue 8): a workbook written by `new` carries data
 * validation, input messages and conditional formats, and another spreadsheet program —
 * LibreOffice Calc, rendering to PDF — colours exactly the seed's project 9, whose plan
 * (25/25/25/25) is not cumulative.
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { writeTargetTable } from '../../src/core/layout/writer';
import { CHECK_FILL } from '../../src/core/sheet';
import { applySheetWrite, newWorkbook, saveWorkbook } from '../../src/xlsx';
import { seedTables } from '../support/seed';

let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'budget-targets-lo-'));
  file = path.join(dir, 'new.xlsx');
  const workbook = newWorkbook();
  seedTables().forEach((t, i) => applySheetWrite(workbook.addWorksheet(`P${i + 1}`), writeTargetTable(t)));
  await saveWorkbook(workbook, file, { date: new Date(Date.UTC(2022, 0, 1)), created: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the written workbook carries the checks Excel can express', () => {
  it('has the plan, amount and head-field validations (never blocking) and three conditional formats', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('P9')!;
    const dv = (cell: string) => ws.getCell(cell).dataValidation;
    expect(dv('C7')).toMatchObject({ type: 'decimal', formulae: [0, 1], showInputMessage: true, promptTitle: '累计支出比例' });
    expect(dv('E4')).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(dv('B3')).toMatchObject({ type: 'any', showInputMessage: true, promptTitle: '项目编码' });
    for (const cell of ['C7', 'E4', 'B3']) expect(dv(cell).showErrorMessage).toBeFalsy();
    const xml = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet9.xml'], { encoding: 'utf8' });
    // The input message alone is written as Excel writes it: no type, nothing refused.
    expect(xml).toContain('<dataValidation showInputMessage="1" promptTitle="项目编码"');
    expect(xml.match(/<conditionalFormatting sqref="[^"]+">/g)).toEqual([
      '<conditionalFormatting sqref="C7:E7">',
      '<conditionalFormatting sqref="E7">',
      '<conditionalFormatting sqref="C4">',
    ]);
  });
});

/** Pixels of our conditional-format fill in a binary PPM (P6) page. */
function checkPixels(ppm: Buffer): number {
  const header = ppm.toString('latin1', 0, 64).split(/\s+/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = ppm.length - width * height * 3;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(CHECK_FILL.slice(i, i + 2), 16));
  let n = 0;
  for (let i = start; i < ppm.length; i += 3) {
    if (Math.abs(ppm[i] - r) < 5 && Math.abs(ppm[i + 1] - g) < 7 && Math.abs(ppm[i + 2] - b) < 7) n++;
  }
  return n;
}

describe('LibreOffice Calc applies them (needs Debian libreoffice-calc and poppler-utils; .ci/run installs both)', () => {
  it('colours only project 9, the 25/25/25/25 plan, when it renders the workbook', () => {
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 170_000 });
    execFileSync('pdftoppm', ['-r', '40', path.join(dir, 'new.pdf'), path.join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.ppm')).sort();
    expect(pages).toHaveLength(10);
    const flagged = pages.map((p) => checkPixels(readFileSync(path.join(dir, p))) > 0);
    expect(flagged).toEqual([false, false, false, false, false, false, false, false, true, false]);
  }, 180_000);
});
