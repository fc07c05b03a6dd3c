/** Applying a core SheetWrite through Office.js: text stays text, formulas only where given, long dropdown lists. */
import { SheetWrite } from '../core/sheet';
import { createPreviewHost } from '../preview';
import { checkRequirements, saveSettings } from './host';
import { ListsSheet } from './lists';
import { LISTS_SHEET_NAME } from './marks';
import { loadSheetList, readWorkbook, sheetInfos } from './read';
import { range as r, sheetWrite as emptySheetWrite } from '../../test/support/sheetWrite';
import { longLists, queueSheetWrite } from './write';

/** A one-row sheet: text, an amount, and text that looks like a formula. */
function sheetWrite(overrides: Partial<SheetWrite>): SheetWrite {
  return emptySheetWrite({
    values: [['名称', 12.5, '=1+1']],
    formulas: [[null, null, null]],
    numberFormats: [[null, '0.00', null]],
    ...overrides,
  });
}

/** Writes `sheet` into a new sheet `name` as the Excel layer does: lists sheet and all. */
async function write(host: ReturnType<typeof createPreviewHost>, name: string, sheet: SheetWrite): Promise<void> {
  const { features } = checkRequirements(host.office);
  const settings = host.office.context.document.settings;
  await host.run(async (context) => {
    const list = loadSheetList(context);
    await context.sync();
    const lists = new ListsSheet(settings, sheetInfos(list));
    longLists(sheet, features).forEach(lists.source);
    lists.queue(context);
    queueSheetWrite(context.workbook.worksheets.add(name), sheet, { features, longListSource: lists.source });
    await context.sync();
    lists.synced();
    await lists.remember(() => saveSettings(settings));
  });
}

describe('writing a sheet', () => {
  test('a string is text whatever format was asked; a formula goes in only where the sheet has one', async () => {
    const host = createPreviewHost();
    await write(host, 'S', sheetWrite({ values: [['名称', 12.5, '=1+1', 2]], formulas: [[null, null, null, '=B1*2']], numberFormats: [[null, '0.00', '0.00', '0.00']] }));
    expect(['A1', 'B1', 'C1', 'D1'].map((a) => host.cell('S', a)).map(({ value, formula, numberFormat }) => ({ value, formula, numberFormat }))).toEqual([
      { value: '名称', formula: null, numberFormat: '@' },
      { value: 12.5, formula: null, numberFormat: '0.00' },
      { value: '=1+1', formula: null, numberFormat: '@' },
      { value: 25, formula: '=B1*2', numberFormat: '0.00' },
    ]);
  });

  test('a dropdown list over 255 characters lives in the very hidden lists sheet, written once', async () => {
    const host = createPreviewHost();
    const long = Array.from({ length: 40 }, (_, i) => `第${i + 1}项很长的指标值确定依据`);
    const withList = sheetWrite({ validations: [{ range: r(1, 0, 5, 0), list: long }, { range: r(1, 1, 5, 1), list: ['甲,乙', '丙'] }] });
    await write(host, 'S1', withList);
    await write(host, 'S2', withList);
    // Created before the first sheet that refers to it: Excel refuses a list source on a sheet not yet created.
    expect(host.sheetNames()).toEqual(['Sheet1', LISTS_SHEET_NAME, 'S1', 'S2']);
    const lists = host.snapshot()[LISTS_SHEET_NAME];
    expect(lists.visibility).toBe('VeryHidden');
    expect(host.values(LISTS_SHEET_NAME, 'A1:A40').map(([v]) => v)).toEqual(long);
    expect(host.values(LISTS_SHEET_NAME, 'B1:B2')).toEqual([['甲,乙'], ['丙']]);
    expect(host.values(LISTS_SHEET_NAME, 'C1')).toEqual([['']]);
    for (const sheet of ['S1', 'S2']) {
      expect(host.cell(sheet, 'A2').validation?.source).toBe(`='${LISTS_SHEET_NAME}'!$A$1:$A$40`);
      expect(host.cell(sheet, 'B6').validation?.source).toBe(`='${LISTS_SHEET_NAME}'!$B$1:$B$2`);
    }
    // The reader leaves the lists sheet out.
    const { features } = checkRequirements(host.office);
    const snapshot = await host.run((context) => readWorkbook(context, features, host.office.context.document.settings));
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['Sheet1', 'S1', 'S2']);
  });

  test('with the travelling checks beside them, long lists still live in the lists sheet and each cell keeps its own validation', async () => {
    const host = createPreviewHost();
    const long = Array.from({ length: 40 }, (_, i) => `第${i + 1}项很长的指标值确定依据`);
    const checks = {
      numbers: [{ range: r(0, 1), min: 0, title: '金额（万元）', prompt: '不小于0' }],
      prompts: [{ range: r(0, 0), title: '名称', prompt: '项目名称' }],
      highlights: [{ range: r(0, 1), formula: 'AND(ISNUMBER(B1),B1<0)' }],
    };
    await write(host, 'S', sheetWrite({ validations: [{ range: r(1, 0, 5, 0), list: long }], checks }));
    expect(host.sheetNames()).toEqual(['Sheet1', LISTS_SHEET_NAME, 'S']);
    expect(host.cell('S', 'A2').validation?.source).toBe(`='${LISTS_SHEET_NAME}'!$A$1:$A$40`);
    expect(host.cell('S', 'A1').validation).toEqual({ prompt: { showPrompt: true, title: '名称', message: '项目名称' } });
    expect(host.cell('S', 'B1').validation).toEqual({
      decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' },
      prompt: { showPrompt: true, title: '金额（万元）', message: '不小于0' },
      alert: { showAlert: false, style: 'Stop', title: '', message: '' },
    });
    expect(host.snapshot().S.conditionalFormats).toEqual([{ address: 'B1', type: 'Custom', formula: '=AND(ISNUMBER(B1),B1<0)', fill: '#FFC7CE', fontColor: '#9C0006' }]);
    // 12.5 is not below 0: nothing coloured.
    expect(host.cell('S', 'B1').conditional).toBeUndefined();
  });
});
