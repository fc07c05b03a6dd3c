import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { SUMMARY_MARK } from '../../src/core/summary';
import {
  SUMMARY_NAME, addWorksheetAt, copyWorksheet, markSummarySheet, markedSummarySheet, newWorkbook, readWorkbookGrids,
  saveWorkbook, workbookBuffer,
} from '../../src/xlsx';

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await workbookBuffer(wb)) as unknown as ArrayBuffer);
  return back;
}

describe('the summary sheet mark (a workbook defined name)', () => {
  it('is the core mark key, and points at the marked sheet after saving and loading', async () => {
    expect(SUMMARY_NAME).toBe(SUMMARY_MARK.key);
    const wb = newWorkbook();
    wb.addWorksheet('汇总');
    wb.addWorksheet("It's (2)");
    markSummarySheet(wb, "It's (2)");
    const back = await reload(wb);
    expect(markedSummarySheet(back)).toBe("It's (2)");
    expect(back.definedNames.model).toEqual([{ name: SUMMARY_NAME, ranges: ["'It''s (2)'!$A$1"] }]);
  });

  it('moves when another sheet is marked, and means nothing when its sheet is gone', async () => {
    const wb = newWorkbook();
    wb.addWorksheet('A');
    wb.addWorksheet('B');
    markSummarySheet(wb, 'A');
    markSummarySheet(wb, 'B');
    expect(markedSummarySheet(wb)).toBe('B');
    wb.removeWorksheet(wb.getWorksheet('B')!.id);
    expect(markedSummarySheet(wb)).toBeUndefined();
    expect(markedSummarySheet(newWorkbook())).toBeUndefined();
  });
});

describe('addWorksheetAt', () => {
  it('replaces a sheet in its place in the tab order', async () => {
    const wb = newWorkbook();
    ['一', '汇总', '三'].forEach((n) => (wb.addWorksheet(n).getCell('A1').value = `old ${n}`));
    addWorksheetAt(wb, '汇总', '汇总').getCell('A1').value = 'new';
    const back = await reload(wb);
    expect(back.worksheets.map((w) => w.name)).toEqual(['一', '汇总', '三']);
    expect(back.getWorksheet('汇总')!.getCell('A1').value).toBe('new');
  });
});

describe('copyWorksheet', () => {
  it('copies values, formats, merges, widths, dropdown lists and print setup into another workbook', async () => {
    const source = newWorkbook();
    const ws = source.addWorksheet('原表');
    ws.getCell('A1').value = '标题';
    ws.mergeCells('A1:C1');
    ws.getCell('A2').value = 0.25;
    ws.getCell('A2').numFmt = '0%';
    ws.getCell('B2').font = { bold: true };
    ws.getColumn(2).width = 33;
    (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add('C2:C9', {
      type: 'list', allowBlank: true, formulae: ['"a,b"'],
    });
    ws.pageSetup.paperSize = 9;
    const loaded = await reload(source);

    const target = newWorkbook();
    copyWorksheet(loaded.getWorksheet('原表')!, target, '副本');
    const back = await reload(target);
    const copy = back.getWorksheet('副本')!;
    expect(copy.getCell('A1').value).toBe('标题');
    expect(copy.model.merges).toEqual(['A1:C1']);
    expect(copy.getCell('A2').numFmt).toBe('0%');
    expect(copy.getCell('B2').font?.bold).toBe(true);
    expect(copy.getColumn(2).width).toBe(33);
    expect(copy.pageSetup.paperSize).toBe(9);
    const grid = (await readWorkbookGrids(await workbookBuffer(target))).sheets[0].grid;
    expect(grid.values[1][0]).toBe(0.25);
  });
});

describe('saving', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'budget-targets-save-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives byte-identical files for identical content at a fixed date', async () => {
    const make = () => {
      const wb = newWorkbook();
      wb.addWorksheet('表').getCell('A1').value = '内容';
      return wb;
    };
    const date = new Date(Date.UTC(2022, 0, 1));
    const a = path.join(dir, 'a.xlsx');
    const b = path.join(dir, 'b.xlsx');
    await saveWorkbook(make(), a, { date, created: true });
    await new Promise((r) => setTimeout(r, 2100)); // zip times have a 2-second resolution
    await saveWorkbook(make(), b, { date, created: true });
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(a);
    expect(back.created).toEqual(date);
    expect(back.modified).toEqual(date);
  });
});
