/** The host around the workbook: Office settings and context, snapshots for assertions, listeners. */
import { createPreviewHost } from './index';

describe('Office.context', () => {
  test('display language and document settings', () => {
    expect(createPreviewHost().office.context.displayLanguage).toBe('zh-CN');
    const host = createPreviewHost({ displayLanguage: 'en-US' });
    expect(host.office.context.displayLanguage).toBe('en-US');
    expect(host.office.context.document.settings).toBe(host.settings);
  });

  test('settings live in memory until saveAsync stores them in the document', async () => {
    const host = createPreviewHost();
    const settings = host.settings;
    const profile = { requiredCategories: ['产出指标'], satisfactionMinimum: 90 };
    expect(settings.get('profile')).toBeNull();
    settings.set('profile', profile);
    profile.satisfactionMinimum = 0;
    expect(settings.get('profile')).toEqual({ requiredCategories: ['产出指标'], satisfactionMinimum: 90 });
    expect(host.savedSettings()).toEqual({});
    const status = await new Promise((resolve) => settings.saveAsync((result) => resolve(result.status)));
    expect(status).toBe('succeeded');
    expect(host.savedSettings()).toEqual({ profile: { requiredCategories: ['产出指标'], satisfactionMinimum: 90 } });
    settings.remove('profile');
    expect(settings.get('profile')).toBeNull();
    await new Promise((resolve) => settings.refreshAsync(resolve));
    expect(settings.get('profile')).toEqual({ requiredCategories: ['产出指标'], satisfactionMinimum: 90 });
  });

  test('a setting must be a JSON value', () => {
    expect(() => createPreviewHost().settings.set('f', () => 1)).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });
});

describe('workbook state for assertions', () => {
  test("a snapshot is a deep copy: comparing two shows that no user cell changed", async () => {
    const host = createPreviewHost({ sheets: ['汇总'] });
    host.userEdit('汇总', 'A1:B1', [['我的汇总', '=1+1']]);
    const before = host.snapshot();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.add('项目1');
      sheet.getRange('A1').values = [['x']];
    });
    const after = host.snapshot();
    expect(after['汇总']).toEqual(before['汇总']);
    expect(before['汇总'].cells).toEqual({
      A1: expect.objectContaining({ value: '我的汇总', formula: null }),
      B1: expect.objectContaining({ value: 2, formula: '=1+1' }),
    });
    before['汇总'].cells.A1.value = 'changed';
    expect(host.cell('汇总', 'A1').value).toBe('我的汇总');
  });

  test('a sheet snapshot carries layout: merges, widths, heights, freeze, page, selection', async () => {
    const host = createPreviewHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:G1').merge();
      sheet.getRange('C:C').format.columnWidth = 90;
      sheet.getRange('2:2').format.rowHeight = 40;
      sheet.freezePanes.freezeRows(9);
      sheet.pageLayout.paperSize = 'A4';
      sheet.getRange('C3').select();
    });
    expect(host.snapshot().Sheet1).toEqual({
      id: expect.any(String),
      name: 'Sheet1',
      position: 0,
      visibility: 'Visible',
      tabColor: '',
      showGridlines: true,
      cells: {},
      merges: ['A1:G1'],
      columnWidths: { C: 90 },
      rowHeights: { '2': 40 },
      freeze: { rows: 9, columns: 0 },
      page: { orientation: 'Portrait', paperSize: 'A4', zoom: { scale: 100 } },
      customProperties: {},
      conditionalFormats: [],
      selection: 'C3',
    });
  });

  test('subscribers hear every change, from the add-in or the user, until they unsubscribe', async () => {
    const host = createPreviewHost();
    let changes = 0;
    const unsubscribe = host.subscribe(() => changes++);
    host.userEdit('Sheet1', 'A1', 1);
    await host.run(async (context) => void (context.workbook.worksheets.getItem('Sheet1').getRange('A1').format.fill.color = '#FF0000'));
    unsubscribe();
    host.userEdit('Sheet1', 'A1', 2);
    expect(changes).toBe(2);
  });

  test('suspendApiCalculationUntilNextSync is accepted from ExcelApi 1.6', async () => {
    const host = createPreviewHost();
    await host.run(async (context) => context.application.suspendApiCalculationUntilNextSync());
    expect(host.stats.syncs).toBe(1);
    const old = createPreviewHost({ apiVersion: '1.5' });
    await expect(old.run(async (context) => context.application.suspendApiCalculationUntilNextSync())).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
