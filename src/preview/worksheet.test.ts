/** Worksheets: the collection, names, null objects, custom properties, panes and page setup. */
import { createPreviewHost } from './index';
import { failure } from '../../test/support/failure';

describe('worksheets.add', () => {
  test('adds after the last sheet, without activating it', async () => {
    const host = createPreviewHost({ sheets: ['封面', 'Sheet2'] });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.add('项目1').load('name, position');
      await context.sync();
      expect([sheet.name, sheet.position]).toEqual(['项目1', 2]);
    });
    expect(host.sheetNames()).toEqual(['封面', 'Sheet2', '项目1']);
    expect(host.activeSheet()).toBe('封面');
  });

  test('without a name, the next free SheetN', async () => {
    const host = createPreviewHost();
    await host.run(async (context) => {
      context.workbook.worksheets.add();
      context.workbook.worksheets.add();
    });
    expect(host.sheetNames()).toEqual(['Sheet1', 'Sheet2', 'Sheet3']);
  });

  test.each([
    ['sheet1', 'ItemAlreadyExists'],
    ['a'.repeat(32), 'InvalidArgument'],
    ['', 'InvalidArgument'],
    ['2022/1', 'InvalidArgument'],
    ['A[1]', 'InvalidArgument'],
    ['a:b', 'InvalidArgument'],
    ['why?', 'InvalidArgument'],
    ['a*b', 'InvalidArgument'],
    ['back\\slash', 'InvalidArgument'],
    ["'quoted'", 'InvalidArgument'],
    ['History', 'InvalidArgument'],
  ])('name %j fails at sync with %s', async (name, code) => {
    const host = createPreviewHost();
    const error = await failure(
      host.run(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      }),
    );
    expect(error.code).toBe(code);
    expect(host.sheetNames()).toEqual(['Sheet1']);
  });

  test('31 characters and any other character are fine', async () => {
    const host = createPreviewHost();
    const name = "It's 预算 (2) #1 & co. —— 汇总表-甲乙";
    expect(name.length).toBe(30);
    await host.run(async (context) => {
      context.workbook.worksheets.add(name);
      context.workbook.worksheets.add('b'.repeat(31));
    });
    expect(host.sheetNames()).toEqual(['Sheet1', name, 'b'.repeat(31)]);
  });
});

describe('finding sheets', () => {
  test('getItem finds a sheet by name in any case, or by id; a missing one fails at sync with ItemNotFound', async () => {
    const host = createPreviewHost({ sheets: ['汇总', 'Data'] });
    await host.run(async (context) => {
      const byName = context.workbook.worksheets.getItem('DATA').load('name, id');
      await context.sync();
      const byId = context.workbook.worksheets.getItem(byName.id).load('name');
      await context.sync();
      expect([byName.name, byId.name]).toEqual(['Data', 'Data']);
    });
    const error = await failure(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Missing').load('name');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ItemNotFound');
  });

  test('getItemOrNullObject: isNullObject is known after the sync, and a null sheet reads as undefined', async () => {
    const host = createPreviewHost({ sheets: ['汇总'] });
    await host.run(async (context) => {
      const present = context.workbook.worksheets.getItemOrNullObject('汇总');
      const absent = context.workbook.worksheets.getItemOrNullObject('汇总 (2)');
      absent.load('name');
      expect(() => absent.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(present.isNullObject).toBe(false);
      expect(absent.isNullObject).toBe(true);
      expect(absent.name).toBeUndefined();
    });
  });

  test('a null object cannot be changed', async () => {
    const host = createPreviewHost();
    const error = await failure(
      host.run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject('Missing').getRange('A1').values = [[1]];
        await context.sync();
      }),
    );
    expect(error.code).toBe('ItemNotFound');
  });

  test('items are loaded with load("items/name") or load("name, position"), in workbook order', async () => {
    const host = createPreviewHost({ sheets: ['A', 'B', 'C'] });
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      sheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['A', 'B', 'C']);
      expect(() => sheets.items[0].position).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      sheets.load('name, position');
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.position])).toEqual([
        ['A', 0],
        ['B', 1],
        ['C', 2],
      ]);
    });
  });

  test('getCount and getActiveWorksheet', async () => {
    const host = createPreviewHost({ sheets: ['A', 'B', 'C'] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('C').visibility = 'Hidden';
      const all = context.workbook.worksheets.getCount();
      const visible = context.workbook.worksheets.getCount(true);
      const active = context.workbook.worksheets.getActiveWorksheet().load('name');
      expect(() => all.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
      await context.sync();
      expect([all.value, visible.value, active.name]).toEqual([3, 2, 'A']);
    });
  });
});

describe('changing sheets', () => {
  test('rename, move, activate, tab colour and delete', async () => {
    const host = createPreviewHost({ sheets: ['A', 'B', 'C'] });
    await host.run(async (context) => {
      const b = context.workbook.worksheets.getItem('B');
      b.name = '项目 B';
      b.position = 0;
      b.tabColor = '#ff0000';
      b.activate();
      context.workbook.worksheets.getItem('C').delete();
      b.load('name, position, tabColor');
      await context.sync();
      expect([b.name, b.position, b.tabColor]).toEqual(['项目 B', 0, '#FF0000']);
    });
    expect(host.sheetNames()).toEqual(['项目 B', 'A']);
    expect(host.activeSheet()).toBe('项目 B');
  });

  test('renaming to a taken name fails; changing only the case is fine', async () => {
    const host = createPreviewHost({ sheets: ['A', 'B'] });
    const error = await failure(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('B').name = 'a';
        await context.sync();
      }),
    );
    expect(error.code).toBe('ItemAlreadyExists');
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('B').name = 'b';
    });
    expect(host.sheetNames()).toEqual(['A', 'b']);
  });

  test('the last visible sheet cannot be deleted or hidden', async () => {
    const host = createPreviewHost();
    for (const change of ['delete', 'hide'] as const) {
      const error = await failure(
        host.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem('Sheet1');
          if (change === 'delete') sheet.delete();
          else sheet.visibility = 'Hidden';
          await context.sync();
        }),
      );
      expect(error.code).toBe('InvalidOperation');
    }
  });

  test('a sheet proxy follows its sheet through a rename, and fails once it is deleted', async () => {
    const host = createPreviewHost({ sheets: ['A', 'B'] });
    const error = await failure(
      host.run(async (context) => {
        const a = context.workbook.worksheets.getItem('A');
        a.getRange('A1').values = [['before']];
        await context.sync();
        a.name = 'Renamed';
        a.getRange('A2').values = [['after']];
        await context.sync();
        a.delete();
        a.getRange('A3').values = [['gone']];
        await context.sync();
      }),
    );
    expect(error.code).toBe('ItemNotFound');
    expect(host.sheetNames()).toEqual(['B']);
  });
});

describe('custom properties (ExcelApi 1.12)', () => {
  test('add, read back by key in any case, list, change and delete', async () => {
    const host = createPreviewHost({ sheets: ['汇总'] });
    await host.run(async (context) => {
      const props = context.workbook.worksheets.getItem('汇总').customProperties;
      props.add('BudgetTargets.Summary', 'v1');
      props.add('note', 'x');
      const found = props.getItemOrNullObject('budgettargets.summary').load('key, value');
      const missing = props.getItemOrNullObject('other').load('value');
      props.load('items/key, items/value');
      await context.sync();
      expect([found.isNullObject, found.key, found.value]).toEqual([false, 'BudgetTargets.Summary', 'v1']);
      expect(missing.isNullObject).toBe(true);
      expect(props.items.map((p) => [p.key, p.value])).toEqual([
        ['BudgetTargets.Summary', 'v1'],
        ['note', 'x'],
      ]);
      props.add('BUDGETTARGETS.SUMMARY', 'v2');
      props.getItem('note').delete();
      await context.sync();
    });
    expect(host.snapshot()['汇总'].customProperties).toEqual({ 'BudgetTargets.Summary': 'v2' });
  });

  test('getItem of a missing key fails with ItemNotFound; keys over 255 characters are refused', async () => {
    const host = createPreviewHost();
    const missing = await failure(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').customProperties.getItem('nope').load('value');
        await context.sync();
      }),
    );
    expect(missing.code).toBe('ItemNotFound');
    const long = await failure(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').customProperties.add('k'.repeat(256), 'v');
        await context.sync();
      }),
    );
    expect(long.code).toBe('InvalidArgument');
  });
});

describe('panes and page setup', () => {
  test('freezeRows, freezeAt and getLocationOrNullObject', async () => {
    const host = createPreviewHost();
    await host.run(async (context) => {
      const panes = context.workbook.worksheets.getItem('Sheet1').freezePanes;
      const none = panes.getLocationOrNullObject();
      panes.freezeRows(3);
      const rows = panes.getLocationOrNullObject().load('address');
      panes.freezeAt('A1:B2');
      const both = panes.getLocationOrNullObject().load('address');
      await context.sync();
      expect(none.isNullObject).toBe(true);
      expect([rows.address, both.address]).toEqual(['Sheet1!1:3', 'Sheet1!A1:B2']);
    });
    expect(host.snapshot().Sheet1.freeze).toEqual({ rows: 2, columns: 2 });
  });

  test('A4 portrait, one page wide', async () => {
    const host = createPreviewHost();
    await host.run(async (context) => {
      const page = context.workbook.worksheets.getItem('Sheet1').pageLayout;
      page.orientation = 'Portrait';
      page.paperSize = 'A4';
      page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      page.load('orientation, paperSize, zoom');
      await context.sync();
      expect([page.orientation, page.paperSize, page.zoom]).toEqual(['Portrait', 'A4', { horizontalFitToPages: 1, verticalFitToPages: 0 }]);
    });
  });

  test('a zoom scale outside 10–400 is refused', async () => {
    const host = createPreviewHost();
    const error = await failure(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').pageLayout.zoom = { scale: 5 };
        await context.sync();
      }),
    );
    expect(error.code).toBe('InvalidArgument');
  });
});
