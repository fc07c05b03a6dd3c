import ExcelJS from 'exceljs';
import { loadWorkbook, readWorkbookGrids, workbookBuffer, workbookGrids } from '../../src/xlsx';

async function roundTrip(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('表1'), wb);
  return readWorkbookGrids(await workbookBuffer(wb));
}

describe('readWorkbookGrids: cell values as the core reads them', () => {
  it('keeps numbers, text (spaces included) and booleans as they are', async () => {
    const { sheets } = await roundTrip((ws) => {
      ws.getCell('A1').value = 1430.1;
      ws.getCell('B1').value = '  其中：财政    资金 ';
      ws.getCell('C1').value = true;
      ws.getCell('A2').value = '=SUM(A1)';
    });
    expect(sheets[0].name).toBe('表1');
    expect(sheets[0].grid.values).toEqual([[1430.1, '  其中：财政    资金 ', true], ['=SUM(A1)']]);
  });

  it('reads rich text as its concatenated text and a link as its text', async () => {
    const { sheets } = await roundTrip((ws) => {
      ws.getCell('A1').value = { richText: [{ text: '项目', font: { bold: true } }, { text: '编码' }] };
      ws.getCell('B1').value = { text: '链接', hyperlink: 'https://example.org' };
    });
    expect(sheets[0].grid.values[0]).toEqual(['项目编码', '链接']);
  });

  it('reads a formula as its cached result, and an error as its text', async () => {
    const { sheets } = await roundTrip((ws) => {
      ws.getCell('A1').value = { formula: 'ROUND(2*0.25,2)', result: 0.5 } as ExcelJS.CellFormulaValue;
      ws.getCell('B1').value = { formula: '"a"&"b"', result: 'ab' } as ExcelJS.CellFormulaValue;
      ws.getCell('C1').value = { formula: 'Sheet9!A1', result: { error: '#REF!' } } as ExcelJS.CellFormulaValue;
      ws.getCell('D1').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
      ws.getCell('E1').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
    });
    expect(sheets[0].grid.values[0]).toEqual([0.5, 'ab', '#REF!', '#DIV/0!', null]);
  });

  it('reads dates as ISO text', async () => {
    const { sheets } = await roundTrip((ws) => {
      ws.getCell('A1').value = new Date(Date.UTC(2022, 11, 31));
      ws.getCell('B1').value = new Date(Date.UTC(2022, 2, 31, 9, 30, 0));
    });
    expect(sheets[0].grid.values[0]).toEqual(['2022-12-31', '2022-03-31T09:30:00']);
  });

  it('gives the number formats and merged areas, and blanks inside a merge', async () => {
    const { sheets } = await roundTrip((ws) => {
      ws.getCell('A1').value = '标题';
      ws.mergeCells('A1:C2');
      ws.getCell('A3').value = 0.25;
      ws.getCell('A3').numFmt = '0%';
      ws.getCell('B3').value = 2;
      ws.getCell('B3').numFmt = '0.00';
    });
    const { grid } = sheets[0];
    expect(grid.values).toEqual([['标题', null, null], [null, null, null], [0.25, 2]]);
    expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 2 }]);
    expect(grid.formats?.[2]).toEqual(['0%', '0.00']);
    expect(grid.formats?.[0]).toBeUndefined();
  });

  it('gives every row, with blank rows as empty rows, and every sheet in tab order', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('一').getCell('A3').value = 'x';
    wb.addWorksheet('二');
    const { sheets } = await readWorkbookGrids(await workbookBuffer(wb));
    expect(sheets.map((s) => s.name)).toEqual(['一', '二']);
    expect(sheets[0].grid.values).toEqual([[], [], ['x']]);
    expect(sheets[1].grid.values).toEqual([]);
  });

  it('reads from a path as well as from bytes', async () => {
    const { sheets } = await readWorkbookGrids(`${__dirname}/../../examples/xinzhai-2022.xlsx`);
    expect(sheets).toHaveLength(10);
  });

  it('gives the same grids from a read-only load as from a full one', async () => {
    const file = `${__dirname}/../../examples/xinzhai-2022.xlsx`;
    const full = workbookGrids(await loadWorkbook(file));
    expect(await readWorkbookGrids(file)).toEqual({ ...full, unreadable: [] });
    expect(full.sheets[8].grid.values[6]).toEqual([null, 0.25, 0.25, 0.25, 0.25, null, null]);
  });

  it('rejects bytes that are not an .xlsx file', async () => {
    await expect(readWorkbookGrids(Buffer.from('not a workbook'))).rejects.toThrow();
  });
});
