/** Ranges: values vs formulas vs number formats, merged cells, formats, dropdowns, inserting rows. */
import { createPreviewHost, PreviewHost } from './index';
import { failure } from '../../test/support/failure';

/** Runs `write` on Sheet1 as the add-in. */
function onSheet1(host: PreviewHost, write: (sheet: Excel.Worksheet) => void): Promise<void> {
  return host.run(async (context) => write(context.workbook.worksheets.getItem('Sheet1')));
}

/** Loads the given properties of a range of Sheet1. */
function read(host: PreviewHost, address: string, properties: string): Promise<Excel.Range> {
  return host.run(async (context) => {
    const range = context.workbook.worksheets.getItem('Sheet1').getRange(address).load(properties);
    await context.sync();
    return range;
  });
}

describe('addresses', () => {
  test.each([
    ['Sheet1', 'B3', 'Sheet1!B3'],
    ['Sheet1', 'a1:g9', 'Sheet1!A1:G9'],
    ['Sheet1', '5:7', 'Sheet1!5:7'],
    ['Sheet1', 'A:C', 'Sheet1!A:C'],
    ['My Sheet', 'A1', "'My Sheet'!A1"],
    ["It's", 'C4', "'It''s'!C4"],
    ['项目1', 'C4', '项目1!C4'],
    ['2022', 'A1', "'2022'!A1"],
    ['A1', 'A1', "'A1'!A1"],
    ['汇总 (2)', 'A1', "'汇总 (2)'!A1"],
  ])('sheet %j, range %s → %s', async (sheet, address, expected) => {
    const host = createPreviewHost({ sheets: [sheet] });
    const range = await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem(sheet).getRange(address).load('address, rowIndex, columnIndex');
      await context.sync();
      return r;
    });
    expect(range.address).toBe(expected);
  });

  test('getCell, getOffsetRange, getResizedRange, getEntireRow, getIntersection and getRangeByIndexes', async () => {
    const host = createPreviewHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const base = sheet.getRange('B2:D4');
      const ranges = [
        base.getCell(1, 2),
        base.getOffsetRange(1, -1),
        base.getResizedRange(2, 0),
        base.getEntireRow(),
        base.getIntersection('C3:F9'),
        sheet.getRangeByIndexes(9, 0, 2, 7),
        sheet.getCell(0, 6),
      ].map((r) => r.load('address, rowIndex, columnIndex, rowCount, columnCount'));
      const none = base.getIntersectionOrNullObject('F9');
      await context.sync();
      expect(ranges.map((r) => r.address)).toEqual(['Sheet1!D3', 'Sheet1!A3:C5', 'Sheet1!B2:D6', 'Sheet1!2:4', 'Sheet1!C3:D4', 'Sheet1!A10:G11', 'Sheet1!G1']);
      expect([ranges[5].rowIndex, ranges[5].columnIndex, ranges[5].rowCount, ranges[5].columnCount]).toEqual([9, 0, 2, 7]);
      expect(none.isNullObject).toBe(true);
    });
  });

  test('a range outside the sheet or a malformed address fails at sync with InvalidArgument', async () => {
    const host = createPreviewHost();
    for (const make of [(s: Excel.Worksheet) => s.getRange('A1').getOffsetRange(-1, 0), (s: Excel.Worksheet) => s.getRange('A1:'), (s: Excel.Worksheet) => s.getRange('XFE1')]) {
      const error = await failure(
        host.run(async (context) => {
          make(context.workbook.worksheets.getItem('Sheet1')).load('address');
          await context.sync();
        }),
      );
      expect(error.code).toBe('InvalidArgument');
    }
  });
});

describe('values, formulas and number formats', () => {
  test('2-D arrays must match the shape of the range', async () => {
    const host = createPreviewHost();
    const error = await failure(onSheet1(host, (s) => (s.getRange('A1:B2').values = [[1, 2]])));
    expect(error.code).toBe('InvalidArgument');
    const ragged = await failure(onSheet1(host, (s) => (s.getRange('A1:B2').values = [[1, 2], [3]])));
    expect(ragged.code).toBe('InvalidArgument');
  });

  test('one value for a multi-cell range fills every cell; null leaves a cell as it is', async () => {
    const host = createPreviewHost();
    await onSheet1(host, (s) => {
      s.getRange('A1:B2').values = 'x' as unknown as unknown[][];
      s.getRange('A1:B2').values = [[null, 1], ['', null]];
    });
    expect(host.values('Sheet1', 'A1:B2')).toEqual([
      ['x', 1],
      ['', 'x'],
    ]);
  });

  test('empty cells read as empty strings', async () => {
    const host = createPreviewHost();
    const range = await read(host, 'A1:B1', 'values, formulas, text, valueTypes');
    expect([range.values, range.formulas, range.text, range.valueTypes]).toEqual([[['', '']], [['', '']], [['', '']], [['Empty', 'Empty']]]);
  });

  test("text starting with '=' becomes a formula, unless the cell is formatted as text (@)", async () => {
    const host = createPreviewHost();
    host.userEdit('Sheet1', 'C1', 5);
    await onSheet1(host, (s) => {
      s.getRange('A1:A2').numberFormat = [['@'], ['General']];
      s.getRange('A1:A2').values = [['=C1*2'], ['=C1*2']];
    });
    const range = await read(host, 'A1:A2', 'values, formulas, numberFormat');
    expect(range.values).toEqual([['=C1*2'], [10]]);
    expect(range.formulas).toEqual([['=C1*2'], ['=C1*2']]);
    expect(host.cell('Sheet1', 'A1').formula).toBeNull();
    expect(host.cell('Sheet1', 'A2').formula).toBe('=C1*2');
  });

  test("values are stored as if typed: numbers, percentages, logicals, and '+', '-', '@' text becomes a formula", async () => {
    const host = createPreviewHost();
    await onSheet1(host, (s) => {
      s.getRange('A1:A9').values = [['802008'], ['25%'], ['12.5%'], ['1,430.10'], ['true'], ['2022/12/31'], ['-项目'], ['@abc'], ['-']];
    });
    const range = await read(host, 'A1:A9', 'values, formulas, numberFormat, text');
    expect(range.values).toEqual([[802008], [0.25], [0.125], [1430.1], [true], [44926], ['#NAME?'], ['#NAME?'], ['-']]);
    expect(range.formulas.map((r) => r[0])).toEqual([802008, 0.25, 0.125, 1430.1, true, 44926, '=-项目', '=abc', '-']);
    expect(range.numberFormat.map((r) => r[0])).toEqual(['General', '0%', '0.00%', '#,##0.00', 'General', 'yyyy/m/d', 'General', 'General', 'General']);
    expect(range.text.map((r) => r[0])).toEqual(['802008', '25%', '12.50%', '1,430.10', 'TRUE', '2022/12/31', '#NAME?', '#NAME?', '-']);
  });

  test('in cells formatted as text, everything stays text', async () => {
    const host = createPreviewHost();
    await onSheet1(host, (s) => {
      s.getRange('A1:A4').numberFormat = '@' as unknown as unknown[][];
      s.getRange('A1:A4').values = [['802008'], ['+1'], ['-abc'], ['@x']];
    });
    expect(host.values('Sheet1', 'A1:A4')).toEqual([['802008'], ['+1'], ['-abc'], ['@x']]);
  });

  test('a formula Excel cannot read is refused with InvalidArgument, and nothing of the call is written', async () => {
    const host = createPreviewHost();
    const error = await failure(onSheet1(host, (s) => (s.getRange('A1:A2').formulas = [['=1'], ['=SUM(A1']])));
    expect(error.code).toBe('InvalidArgument');
    expect(host.cell('Sheet1', 'A1').value).toBe('');
  });

  test('text shows numbers as their number format does', async () => {
    const host = createPreviewHost();
    await onSheet1(host, (s) => {
      s.getRange('A1:E1').values = [[0.255, 21.525, 1430.1, 1 / 3, 'x']];
      s.getRange('A1:E1').numberFormat = [['0%', '0.00', '#,##0.00', 'General', '@']];
    });
    const range = await read(host, 'A1:E1', 'text, valueTypes');
    expect(range.text).toEqual([['26%', '21.53', '1,430.10', '0.333333333', 'x']]);
    expect(range.valueTypes).toEqual([['Double', 'Double', 'Double', 'Double', 'String']]);
  });
});

describe('merged cells', () => {
  test('cells of a merged area other than the first read as blank; what is written there is dropped', async () => {
    const host = createPreviewHost();
    await onSheet1(host, (s) => {
      s.getRange('A1:C2').values = [
        ['title', 'b', 'c'],
        ['d', 'e', 'f'],
      ];
      s.getRange('A1:C1').merge();
      s.getRange('A2:A3').merge();
      s.getRange('A1:C1').values = [['new title', 'lost', 'lost']];
    });
    const range = await read(host, 'A1:C3', 'values');
    expect(range.values).toEqual([
      ['new title', '', ''],
      ['d', 'e', 'f'],
      ['', '', ''],
    ]);
  });

  test('getMergedAreasOrNullObject lists the merged areas touching the range', async () => {
    const host = createPreviewHost({ sheets: ['项目 1'] });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('项目 1');
      sheet.getRange('A1:G1').merge();
      sheet.getRange('A4:A5').merge();
      sheet.getRange('B8:G9').merge(true);
      const areas = sheet.getRange('A1:G9').getMergedAreasOrNullObject().load('address, areaCount, cellCount');
      areas.areas.load('items/address, items/rowCount');
      const none = sheet.getRange('B2:C3').getMergedAreasOrNullObject();
      await context.sync();
      expect(areas.address).toBe("'项目 1'!A1:G1, '项目 1'!A4:A5, '项目 1'!B8:G8, '项目 1'!B9:G9");
      expect([areas.areaCount, areas.cellCount]).toEqual([4, 21]);
      expect(areas.areas.items.map((r) => r.address)).toEqual(["'项目 1'!A1:G1", "'项目 1'!A4:A5", "'项目 1'!B8:G8", "'项目 1'!B9:G9"]);
      expect(none.isNullObject).toBe(true);
    });
  });

  test('merging across part of a merged area fails; unmerge removes the areas it touches', async () => {
    const host = createPreviewHost();
    await onSheet1(host, (s) => s.getRange('A1:C1').merge());
    const error = await failure(onSheet1(host, (s) => s.getRange('B1:D1').merge()));
    expect(error.code).toBe('InvalidOperation');
    await onSheet1(host, (s) => s.getRange('B1').unmerge());
    expect(host.snapshot().Sheet1.merges).toEqual([]);
  });
});

describe('formats', () => {
  test('fill, font, wrap, alignment, widths and heights are stored per cell and read back', async () => {
    const host = createPreviewHost();
    await onSheet1(host, (s) => {
      const r = s.getRange('A1:B2');
      r.format.fill.color = '#ffc7ce';
      r.format.font.bold = true;
      r.format.font.color = '#9C0006';
      r.format.wrapText = true;
      r.format.horizontalAlignment = 'Center';
      r.format.verticalAlignment = 'Center';
      r.format.columnWidth = 60;
      r.format.rowHeight = 30;
    });
    const range = await read(host, 'A1:B2', 'format/fill/color, format/font/bold, format/font/color, format/wrapText, format/horizontalAlignment, format/columnWidth, format/rowHeight');
    const f = range.format;
    expect([f.fill.color, f.font.bold, f.font.color, f.wrapText, f.horizontalAlignment, f.columnWidth, f.rowHeight]).toEqual(['#FFC7CE', true, '#9C0006', true, 'Center', 60, 30]);
    expect(host.cell('Sheet1', 'B2')).toMatchObject({ fill: '#FFC7CE', bold: true, wrapText: true, verticalAlignment: 'Center' });
    const mixed = await read(host, 'B2:C2', 'format/fill/color, format/columnWidth');
    expect([mixed.format.fill.color, mixed.format.columnWidth]).toEqual([null, null]);
  });

  test('fill.clear() removes exactly the fill; no fill reads as white', async () => {
    const host = createPreviewHost();
    await onSheet1(host, (s) => {
      s.getRange('A1').format.fill.color = '#FFFF00';
      s.getRange('A1').format.font.bold = true;
      s.getRange('A2').format.fill.color = '#FFFF00';
    });
    await onSheet1(host, (s) => {
      s.getRange('A1').format.fill.clear();
      s.getRange('A2').format.fill.clear();
    });
    const range = await read(host, 'A1', 'format/fill/color');
    expect(range.format.fill.color).toBe('#FFFFFF');
    expect(host.snapshot().Sheet1.cells).toEqual({ A1: expect.objectContaining({ fill: null, bold: true }) });
  });

  test('colours other than #RRGGBB and unknown alignments are refused', async () => {
    const host = createPreviewHost();
    expect((await failure(onSheet1(host, (s) => (s.getRange('A1').format.fill.color = 'yellowish')))).code).toBe('InvalidArgument');
    expect((await failure(onSheet1(host, (s) => (s.getRange('A1').format.horizontalAlignment = 'Middle' as Excel.HorizontalAlignment)))).code).toBe('InvalidArgument');
  });

  test('borders: edges of the range, inside lines, and the shared edge of neighbours', async () => {
    const host = createPreviewHost();
    await onSheet1(host, (s) => {
      const borders = s.getRange('A1:B2').format.borders;
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) {
        borders.getItem(edge).style = 'Continuous';
        borders.getItem(edge).weight = 'Thin';
      }
    });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const inside = sheet.getRange('A1:B2').format.borders.getItem('InsideHorizontal').load('style, weight, color');
      const below = sheet.getRange('A3').format.borders.getItem('EdgeTop').load('style');
      const apart = sheet.getRange('D4').format.borders.getItem('EdgeTop').load('style, weight');
      await context.sync();
      expect([inside.style, inside.weight, inside.color]).toEqual(['Continuous', 'Thin', '#000000']);
      expect(below.style).toBe('Continuous');
      expect([apart.style, apart.weight]).toEqual(['None', 'Thin']);
    });
    expect(host.cell('Sheet1', 'A1').borders).toEqual({
      top: { style: 'Continuous', weight: 'Thin', color: '#000000' },
      left: { style: 'Continuous', weight: 'Thin', color: '#000000' },
      bottom: { style: 'Continuous', weight: 'Thin', color: '#000000' },
      right: { style: 'Continuous', weight: 'Thin', color: '#000000' },
    });
  });

  test('autofitRows sizes rows to their wrapped text and ignores merged cells, as Excel does', async () => {
    const host = createPreviewHost();
    await onSheet1(host, (s) => {
      s.getRange('A1:A3').format.wrapText = true;
      s.getRange('A1:A3').values = [['一\n二\n三'], ['short'], ['merged\nfour\nlines\nhere']];
      s.getRange('A3:B3').merge();
      s.getRange('A1:A3').format.autofitRows();
    });
    expect(host.snapshot().Sheet1.rowHeights).toEqual({ '1': 45 });
  });
});

describe('data validation', () => {
  test('a dropdown list is set per cell, read back, and cleared', async () => {
    const host = createPreviewHost();
    await onSheet1(host, (s) => {
      s.getRange('G10:G12').dataValidation.rule = { list: { inCellDropDown: true, source: '计划标准,行业标准,历史标准,其他' } };
    });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const all = sheet.getRange('G10:G12').dataValidation.load('rule, type');
      const mixed = sheet.getRange('G12:G13').dataValidation.load('type');
      await context.sync();
      expect(all.rule).toEqual({ list: { inCellDropDown: true, source: '计划标准,行业标准,历史标准,其他' } });
      expect([all.type, mixed.type]).toEqual(['List', 'Inconsistent']);
      sheet.getRange('G10:G12').dataValidation.clear();
      const cleared = sheet.getRange('G10:G12').dataValidation.load('type');
      await context.sync();
      expect(cleared.type).toBe('None');
    });
  });

  test('a list source longer than 255 characters, or a rule other than a list or a decimal, is refused', async () => {
    const host = createPreviewHost();
    const long = await failure(onSheet1(host, (s) => (s.getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: 'x,'.repeat(128) } })));
    expect(long.code).toBe('InvalidArgument');
    const other = await failure(onSheet1(host, (s) => (s.getRange('A1').dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThan' } })));
    expect(other.code).toBe('InvalidArgument');
    const two = await failure(onSheet1(host, (s) => (s.getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: 'a' }, decimal: { formula1: 0, operator: 'GreaterThan' } })));
    expect(two.code).toBe('InvalidArgument');
  });

  test('a list source on a sheet not yet created is refused, as Excel refuses it; added first in the same sync, it is kept', async () => {
    const host = createPreviewHost();
    const rule = { list: { inCellDropDown: true, source: "='It''s lists'!$A$1:$A$3" } };
    const missing = await failure(onSheet1(host, (s) => (s.getRange('A1').dataValidation.rule = rule)));
    expect(missing.code).toBe('InvalidArgument');
    expect(host.cell('Sheet1', 'A1').validation).toBeNull();
    await host.run(async (context) => {
      context.workbook.worksheets.add("It's lists");
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation.rule = rule;
      await context.sync();
    });
    expect(host.cell('Sheet1', 'A1').validation).toEqual({ inCellDropDown: true, source: "='It''s lists'!$A$1:$A$3" });
    const unquoted = await failure(onSheet1(host, (s) => (s.getRange('A2').dataValidation.rule = { list: { inCellDropDown: true, source: '=Lists!A1:A3' } })));
    expect(unquoted.code).toBe('InvalidArgument');
  });
});

describe('hyperlinks, selection, clearing', () => {
  test('a hyperlink into the workbook shows its text', async () => {
    const host = createPreviewHost();
    await onSheet1(host, (s) => (s.getRange('N5').hyperlink = { documentReference: "'It''s'!A1", textToDisplay: "It's" }));
    const range = await read(host, 'N5', 'values, hyperlink');
    expect(range.values).toEqual([["It's"]]);
    expect(range.hyperlink).toEqual({ documentReference: "'It''s'!A1", textToDisplay: "It's" });
  });

  test('select activates the sheet and selects the range', async () => {
    const host = createPreviewHost({ sheets: ['A', 'B'] });
    await host.run(async (context) => context.workbook.worksheets.getItem('B').getRange('C3').select());
    expect(host.selection()).toEqual({ sheet: 'B', address: 'C3' });
  });

  test("clear('Contents') keeps formats; clear() removes formats and merges too", async () => {
    const host = createPreviewHost();
    await onSheet1(host, (s) => {
      s.getRange('A1:B1').values = [['a', 'b']];
      s.getRange('A1:B1').format.font.bold = true;
      s.getRange('A2:B2').merge();
      s.getRange('A1').clear('Contents');
    });
    expect(host.cell('Sheet1', 'A1')).toMatchObject({ value: '', bold: true });
    await onSheet1(host, (s) => s.getRange('A1:B2').clear());
    expect(host.snapshot().Sheet1).toMatchObject({ cells: {}, merges: [] });
  });

  test('getUsedRange and getUsedRangeOrNullObject', async () => {
    const host = createPreviewHost({ sheets: ['Empty', 'Used'] });
    host.userEdit('Used', 'C3:D4', 1);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Used').getRange('F9').format.fill.color = '#FF0000';
      const sheets = context.workbook.worksheets;
      const empty = sheets.getItem('Empty').getUsedRange().load('address');
      const emptyOrNull = sheets.getItem('Empty').getUsedRangeOrNullObject();
      const used = sheets.getItem('Used').getUsedRange().load('address');
      const usedValues = sheets.getItem('Used').getUsedRange(true).load('address');
      await context.sync();
      expect([empty.address, emptyOrNull.isNullObject, used.address, usedValues.address]).toEqual(['Empty!A1', true, 'Used!C3:F9', 'Used!C3:D4']);
    });
  });
});

describe('inserting and deleting rows', () => {
  /** A small table: header, two data rows with a dropdown and a format, and a total. */
  async function table(host: PreviewHost): Promise<void> {
    await onSheet1(host, (s) => {
      s.getRange('A1:C5').values = [
        ['一级指标', '三级指标', '值'],
        ['产出指标', '人数', 8],
        ['效益指标', '满意度', 95],
        ['', '', ''],
        ['合计', '', '=SUM(C2:C3)'],
      ];
      s.getRange('A2:A3').dataValidation.rule = { list: { inCellDropDown: true, source: '产出指标,效益指标' } };
      s.getRange('C2:C3').numberFormat = [['0.00'], ['0.00']];
      s.getRange('C2:C3').format.fill.color = '#DDEBF7';
      s.getRange('A3:A4').merge();
      s.getRange('A1:C1').format.rowHeight = 20;
      s.getRange('A3:C3').format.rowHeight = 24;
    });
  }

  test('insert(Down) on whole rows shifts cells down; new rows take the formats and dropdowns of the row above', async () => {
    const host = createPreviewHost();
    await table(host);
    const inserted = await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange('4:5').insert('Down').load('address');
      await context.sync();
      return r;
    });
    expect(inserted.address).toBe('Sheet1!4:5');
    expect(host.values('Sheet1', 'A1:C7')).toEqual([
      ['一级指标', '三级指标', '值'],
      ['产出指标', '人数', 8],
      ['效益指标', '满意度', 95],
      ['', '', ''],
      ['', '', ''],
      ['', '', ''],
      ['合计', '', 103],
    ]);
    expect(host.cell('Sheet1', 'C7').formula).toBe('=SUM(C2:C3)');
    expect(host.cell('Sheet1', 'A4').validation).toEqual({ inCellDropDown: true, source: '产出指标,效益指标' });
    expect(host.cell('Sheet1', 'C5')).toMatchObject({ numberFormat: '0.00', fill: '#DDEBF7', value: '' });
    const sheet = host.snapshot().Sheet1;
    expect(sheet.merges).toEqual(['A3:A6']);
    expect(sheet.rowHeights).toEqual({ '1': 20, '3': 24, '4': 24, '5': 24 });
  });

  test('formulas anywhere in the workbook follow the rows they refer to', async () => {
    const host = createPreviewHost({ sheets: ['项目', '汇总'] });
    host.userEdit('项目', 'C4', 291.61);
    host.userEdit('汇总', 'A1:B1', [['=项目!C4', "=SUM('项目'!C1:C9)"]]);
    await host.run(async (context) => void context.workbook.worksheets.getItem('项目').getRange('2:3').insert('Down'));
    expect(host.cell('汇总', 'A1')).toMatchObject({ formula: '=项目!C6', value: 291.61 });
    expect(host.cell('汇总', 'B1')).toMatchObject({ formula: "=SUM('项目'!C1:C11)", value: 291.61 });
    await host.run(async (context) => void context.workbook.worksheets.getItem('项目').getRange('6:6').delete('Up'));
    expect(host.cell('汇总', 'A1')).toMatchObject({ formula: '=#REF!', value: '#REF!' });
    expect(host.cell('汇总', 'B1')).toMatchObject({ formula: "=SUM('项目'!C1:C10)", value: 0 });
  });

  test('delete(Up) removes the rows and shrinks merged areas', async () => {
    const host = createPreviewHost();
    await table(host);
    await onSheet1(host, (s) => s.getRange('A4:C4').getEntireRow().delete('Up'));
    expect(host.values('Sheet1', 'A3:C4')).toEqual([
      ['效益指标', '满意度', 95],
      ['合计', '', 103],
    ]);
    expect(host.cell('Sheet1', 'C4').formula).toBe('=SUM(C2:C3)');
    expect(host.snapshot().Sheet1.merges).toEqual([]);
  });

  test('inserting cells in some columns only shifts those columns; a merged area across the edge blocks it', async () => {
    const host = createPreviewHost();
    host.userEdit('Sheet1', 'A1:B2', [
      ['a1', 'b1'],
      ['a2', 'b2'],
    ]);
    await onSheet1(host, (s) => void s.getRange('A1').insert('Down'));
    expect(host.values('Sheet1', 'A1:B3')).toEqual([
      ['', 'b1'],
      ['a1', 'b2'],
      ['a2', ''],
    ]);
    await onSheet1(host, (s) => s.getRange('A5:B5').merge());
    const error = await failure(onSheet1(host, (s) => void s.getRange('A1').insert('Down')));
    expect(error.code).toBe('InvalidOperation');
  });
});

describe('getBoundingRect and fill pattern', () => {
  test('getBoundingRect spans both ranges, from A1 to a used range', async () => {
    const host = createPreviewHost();
    host.userEdit('Sheet1', 'C5', 'x');
    const range = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const r = sheet.getRange('A1').getBoundingRect(sheet.getUsedRange(true)).load('address');
      const s = sheet.getRange('D2:E3').getBoundingRect('B4').load('address');
      await context.sync();
      return [r.address, s.address];
    });
    expect(range).toEqual(['Sheet1!A1:C5', 'Sheet1!B2:E4']);
  });

  test('pattern tells no fill (None) from a white fill (Solid); color reads #FFFFFF for both', async () => {
    const host = createPreviewHost();
    await onSheet1(host, (sheet) => {
      sheet.getRange('B1').format.fill.color = '#FFFFFF';
      sheet.getRange('C1').format.fill.color = '#FFC7CE';
    });
    const fills = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const list = ['A1', 'B1', 'C1'].map((a) => sheet.getRange(a).format.fill.load('color,pattern'));
      await context.sync();
      return list.map((f) => [f.color, f.pattern]);
    });
    expect(fills).toEqual([
      ['#FFFFFF', 'None'],
      ['#FFFFFF', 'Solid'],
      ['#FFC7CE', 'Solid'],
    ]);
    await onSheet1(host, (sheet) => {
      sheet.getRange('C1').format.fill.pattern = 'None';
      sheet.getRange('A1').format.fill.pattern = 'Solid';
    });
    expect([host.cell('Sheet1', 'C1').fill, host.cell('Sheet1', 'A1').fill]).toEqual([null, '#FFFFFF']);
  });

  test('pattern needs ExcelApi 1.9, and the preview models solid fills only', async () => {
    const old = createPreviewHost({ apiVersion: '1.8' });
    const e = await failure(
      old.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').format.fill.load('pattern');
        await context.sync();
      }),
    );
    expect(e.code).toBe('ApiNotFound');
    const host = createPreviewHost();
    const f = await failure(onSheet1(host, (sheet) => (sheet.getRange('A1').format.fill.pattern = 'Gray50')));
    expect(f.code).toBe('InvalidArgument');
  });
});

describe('data validation error alert', () => {
  test('a list rule refuses other entries (Stop) unless its alert is turned off', async () => {
    const host = createPreviewHost();
    await onSheet1(host, (sheet) => {
      const dv = sheet.getRange('A1:A3').dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: '计划标准,行业标准' } };
      sheet.getRange('A2:A3').dataValidation.errorAlert = { showAlert: false, style: 'Stop', title: '', message: '' };
    });
    const alerts = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const list = ['A1', 'A2', 'B1'].map((a) => sheet.getRange(a).dataValidation.load('errorAlert,rule'));
      await context.sync();
      return list.map((v) => [v.errorAlert?.showAlert ?? null, v.rule.list?.source ?? null]);
    });
    expect(alerts).toEqual([
      [true, '计划标准,行业标准'],
      [false, '计划标准,行业标准'],
      [null, null],
    ]);
    expect(host.cell('Sheet1', 'A3').validation).toEqual({ inCellDropDown: true, source: '计划标准,行业标准', alert: { showAlert: false, style: 'Stop', title: '', message: '' } });
  });

  test('an alert needs a rule first', async () => {
    const host = createPreviewHost();
    const e = await failure(onSheet1(host, (sheet) => (sheet.getRange('B1').dataValidation.errorAlert = { showAlert: false, style: 'Stop', title: '', message: '' })));
    expect(e.code).toBe('InvalidOperation');
  });
});
