import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { tableToInput } from '../../src/core/layout/input';
import { readTargetTable } from '../../src/core/layout/reader';
import { writeTargetTable } from '../../src/core/layout/writer';
import { TableInput } from '../../src/core/model';
import { SheetWrite } from '../../src/core/sheet';
import { canonical, seedTables } from '../support/seed';
import { range, sheetWrite } from '../support/sheetWrite';
import { INLINE_LIST_LIMIT, applySheetWrite, readWorkbookGrids, workbookBuffer } from '../../src/xlsx';




/** Writes sheets, saves, and loads the file back with ExcelJS. */
async function writeAndLoad(sheets: Record<string, SheetWrite>): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const [name, sheet] of Object.entries(sheets)) applySheetWrite(wb.addWorksheet(name), sheet);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await workbookBuffer(wb)) as unknown as ArrayBuffer);
  return back;
}

describe('applySheetWrite: text is always text', () => {
  it('writes strings starting with = + - @ as text, never as formulas', async () => {
    const texts = ['=1+1', '+SUM(A1:A2)', '-2', '@cmd', "=HYPERLINK(\"http://x\")"];
    const wb = await writeAndLoad({ S: sheetWrite({ values: [texts] }) });
    texts.forEach((t, c) => {
      const cell = wb.getWorksheet('S')!.getCell(1, c + 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(t);
    });
  });

  it('reads any text back exactly as written (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 8 }), async (texts) => {
        const wb = new ExcelJS.Workbook();
        applySheetWrite(wb.addWorksheet('S'), sheetWrite({ values: [texts] }));
        const { sheets } = await readWorkbookGrids(await workbookBuffer(wb));
        // XML cannot hold control characters; ExcelJS drops them.
        const xmlSafe = (t: string) => t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
        expect(sheets[0].grid.values[0]).toEqual(texts.map((t) => xmlSafe(t) || null));
      }),
      { numRuns: 40 },
    );
  }, 60_000); // 40 ExcelJS writes and loads: seconds on a busy machine
});

describe('applySheetWrite: formulas, formats and layout', () => {
  it('writes formulas with their computed results', async () => {
    const wb = await writeAndLoad({
      S: sheetWrite({ values: [[2, 0.25, 0.5]], formulas: [[null, null, '=ROUND(A1*B1,2)']] }),
    });
    expect(wb.getWorksheet('S')!.getCell('C1').value).toEqual({ formula: 'ROUND(A1*B1,2)', result: 0.5 });
  });

  it('applies number formats, merges, widths, bold, centring, wrapping and thin borders', async () => {
    const wb = await writeAndLoad({
      S: sheetWrite({
        values: [['标题', null, null], ['a', 0.25, 2]],
        numberFormats: [['@', null, null], ['@', '0%', '0.00']],
        merges: [range(0, 0, 0, 2)],
        columnWidths: [10, 12, 14],
        bold: [range(0, 0, 0, 2)],
        centred: [range(0, 0, 0, 2)],
        wrap: [range(1, 0, 1, 2)],
        borders: [range(1, 0, 1, 2)],
      }),
    });
    const ws = wb.getWorksheet('S')!;
    expect(ws.model.merges).toEqual(['A1:C1']);
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([10, 12, 14]);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle' });
    expect(ws.getCell('A1').numFmt).toBe('@');
    expect(ws.getCell('B2').numFmt).toBe('0%');
    expect(ws.getCell('C2').numFmt).toBe('0.00');
    expect(ws.getCell('B2').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('C2').border).toEqual({
      top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
    });
    expect(ws.getCell('A2').border?.top).toEqual({ style: 'thin' });
    expect(ws.getCell('A1').border?.top).toBeUndefined();
  });

  it('freezes panes, selects the first input cell and sets up A4 portrait, one page wide', async () => {
    const wb = await writeAndLoad({
      S: sheetWrite({ values: [['x']], freeze: { rows: 1, columns: 0 }, select: 'B3' }),
    });
    const ws = wb.getWorksheet('S')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'B3' });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  it('writes links inside the workbook as HYPERLINK formulas whose result is the text', async () => {
    const wb = await writeAndLoad({
      目录: sheetWrite({ values: [["It's"]], hyperlinks: [{ row: 0, col: 0, text: "It's \"x\"", subAddress: "'It''s'!A1" }] }),
    });
    expect(wb.getWorksheet('目录')!.getCell('A1').value).toEqual({
      formula: 'HYPERLINK("#\'It\'\'s\'!A1","It\'s ""x""")',
      result: 'It\'s "x"',
    });
  });
});

describe('applySheetWrite: dropdown lists', () => {
  const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;

  it('writes a short list inline', async () => {
    const wb = await writeAndLoad({
      S: sheetWrite({ values: [['x']], validations: [{ range: range(9, 6, 40, 6), list: ['计划标准', '行业标准', '历史标准', '其他'] }] }),
    });
    const model = validations(wb.getWorksheet('S')!);
    expect(model['G10']).toMatchObject({ type: 'list', allowBlank: true, formulae: ['"计划标准,行业标准,历史标准,其他"'] });
    expect(model['G41']).toMatchObject({ type: 'list' });
  });

  it(`puts a list longer than ${INLINE_LIST_LIMIT} characters, or holding a comma, down a hidden helper column`, async () => {
    const long = Array.from({ length: 40 }, (_, i) => `第${i + 1}号很长的指标名称`);
    expect(long.join(',').length).toBeGreaterThan(INLINE_LIST_LIMIT);
    const wb = await writeAndLoad({
      S: sheetWrite({
        values: [['x']],
        validations: [
          { range: range(9, 0, 20, 0), list: long },
          { range: range(9, 1, 20, 1), list: ['a,b', 'c'] },
        ],
      }),
    });
    const ws = wb.getWorksheet('S')!;
    const model = validations(ws);
    expect(model['A10'].formulae).toEqual(['$AA$10:$AA$49']);
    expect(model['B10'].formulae).toEqual(['$AB$10:$AB$11']);
    expect(ws.getColumn('AA').hidden).toBe(true);
    expect(ws.getColumn('AB').hidden).toBe(true);
    expect(ws.getCell('AA10').value).toBe('第1号很长的指标名称');
    expect(ws.getCell('AA49').value).toBe('第40号很长的指标名称');
    expect(ws.getCell('AB10').value).toBe('a,b');
  });
});

describe('write → read: the canonical sheet reads back as the table written', () => {
  it('gives back every seed table exactly (JSON import → sheet → .xlsx → grid → table)', async () => {
    const tables = seedTables();
    const wb = new ExcelJS.Workbook();
    tables.forEach((t, i) => applySheetWrite(wb.addWorksheet(`P${i + 1}`), writeTargetTable(t)));
    const { sheets } = await readWorkbookGrids(await workbookBuffer(wb));
    const back = sheets.map((s) => {
      const table = readTargetTable(s.grid, s.name);
      expect(table).toBeDefined();
      return tableToInput(table!);
    });
    expect(back).toEqual(tables.map(canonical));
  });

  it('reads the provincial layout back too', async () => {
    const table: TableInput = { ...seedTables()[8], layout: 'provincial' };
    const wb = new ExcelJS.Workbook();
    applySheetWrite(wb.addWorksheet('省级'), writeTargetTable(table));
    const { sheets } = await readWorkbookGrids(await workbookBuffer(wb));
    const back = readTargetTable(sheets[0].grid, '省级')!;
    expect(back.layout).toBe('provincial');
    expect(back.indicators.map((i) => i.value.text)).toEqual(['8', '促进社会稳定', '98']);
    expect(back.spendingPlan.map((p) => p.percent.value?.toString())).toEqual(['25', '25', '25', '25']);
  });
});
