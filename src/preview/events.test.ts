/** Events: onChanged for the add-in's, the user's and a co-author's edits; sheets added, deleted, renamed. */
import { createPreviewHost, PreviewHost } from './index';

/** Registers a handler on every worksheet change and returns what it receives. */
async function listen(host: PreviewHost): Promise<Excel.WorksheetChangedEventArgs[]> {
  const seen: Excel.WorksheetChangedEventArgs[] = [];
  await host.run(async (context) => {
    context.workbook.worksheets.onChanged.add(async (args) => void seen.push(args));
    await context.sync();
  });
  return seen;
}

const summary = (args: Excel.WorksheetChangedEventArgs) => ({
  address: args.address,
  changeType: args.changeType,
  source: args.source,
  triggerSource: args.triggerSource,
});

describe('onChanged', () => {
  test("fires for the user's edit, with the address, the source and the values before and after", async () => {
    const host = createPreviewHost();
    const seen = await listen(host);
    host.userEdit('Sheet1', 'C4', 12.5);
    await host.settle();
    expect(seen.map(summary)).toEqual([{ address: 'C4', changeType: 'RangeEdited', source: 'Local', triggerSource: 'Unknown' }]);
    expect(seen[0].details).toEqual({ valueBefore: '', valueAfter: 12.5, valueTypeBefore: 'Empty', valueTypeAfter: 'Double' });
  });

  test("a co-author's edit arrives with source Remote", async () => {
    const host = createPreviewHost();
    const seen = await listen(host);
    host.userEdit('Sheet1', 'A1:B2', 'x', { source: 'Remote' });
    await host.settle();
    expect(seen.map(summary)).toEqual([{ address: 'A1:B2', changeType: 'RangeEdited', source: 'Remote', triggerSource: 'Unknown' }]);
    expect(seen[0].details).toBeUndefined();
  });

  test("the add-in's own edits fire too, marked ThisLocalAddin; formats do not", async () => {
    const host = createPreviewHost();
    const seen = await listen(host);
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:G1').values = 'title' as unknown as unknown[][];
      sheet.getRange('A1:G1').format.font.bold = true;
      sheet.getRange('3:4').insert('Down');
    });
    await host.settle();
    expect(seen.map(summary)).toEqual([
      { address: 'A1:G1', changeType: 'RangeEdited', source: 'Local', triggerSource: 'ThisLocalAddin' },
      { address: '3:4', changeType: 'RowInserted', source: 'Local', triggerSource: 'ThisLocalAddin' },
    ]);
    expect(seen[1].changeDirectionState).toEqual({ insertShiftDirection: 'Down' });
  });

  test('a worksheet handler hears only its sheet, and getRange reads the changed cells in a new batch', async () => {
    const host = createPreviewHost({ sheets: ['A', 'B'] });
    const read: unknown[] = [];
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('B').onChanged.add((args) =>
        host.run(async (ctx) => {
          const range = args.getRange(ctx).load('address, values');
          await ctx.sync();
          read.push(range.address, range.values);
        }),
      );
    });
    host.userEdit('A', 'A1', 1);
    host.userEdit('B', 'B2', '汇总');
    await host.settle();
    expect(read).toEqual(['B!B2', [['汇总']]]);
  });

  test('getRangeOrNullObject is a null object once the sheet is gone', async () => {
    const host = createPreviewHost({ sheets: ['A', 'B'] });
    const seen = await listen(host);
    host.userEdit('B', 'A1', 1);
    await host.run(async (context) => context.workbook.worksheets.getItem('B').delete());
    await host.settle();
    const range = await host.run(async (context) => {
      const r = seen[0].getRangeOrNullObject(context).load('values');
      await context.sync();
      return r;
    });
    expect(range.isNullObject).toBe(true);
  });

  test('removed handlers are not called', async () => {
    const host = createPreviewHost();
    let calls = 0;
    await host.run(async (context) => {
      const registration = context.workbook.worksheets.onChanged.add(async () => void calls++);
      await context.sync();
      host.userEdit('Sheet1', 'A1', 1);
      registration.remove();
      await context.sync();
    });
    host.userEdit('Sheet1', 'A1', 2);
    await host.settle();
    expect(calls).toBe(1);
  });

  test('a handler that fails makes settle() fail', async () => {
    const host = createPreviewHost();
    await host.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async () => {
        throw new Error('handler broke');
      });
    });
    host.userEdit('Sheet1', 'A1', 1);
    await expect(host.settle()).rejects.toThrow('handler broke');
  });

  test('onChanged needs ExcelApi 1.9 on the collection, 1.7 on a worksheet', async () => {
    const host = createPreviewHost({ apiVersion: '1.8' });
    await expect(host.run(async (context) => void context.workbook.worksheets.onChanged.add(async () => undefined))).rejects.toMatchObject({ code: 'ApiNotFound' });
    await host.run(async (context) => void context.workbook.worksheets.getItem('Sheet1').onChanged.add(async () => undefined));
  });
});

describe('worksheet collection events', () => {
  test('onAdded, onNameChanged and onDeleted, for the add-in and for the user', async () => {
    const host = createPreviewHost();
    const seen: string[] = [];
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.onAdded.add(async (args) => void seen.push(`${args.type} ${args.source}`));
      sheets.onNameChanged.add(async (args) => void seen.push(`${args.type} ${args.nameBefore} → ${args.nameAfter}`));
      sheets.onDeleted.add(async (args) => void seen.push(`${args.type} ${args.source}`));
    });
    await host.run(async (context) => void context.workbook.worksheets.add('项目1'));
    await host.asUser(async (context) => void (context.workbook.worksheets.getItem('项目1').name = '项目 1'), { source: 'Remote' });
    await host.asUser(async (context) => context.workbook.worksheets.getItem('项目 1').delete());
    await host.settle();
    expect(seen).toEqual(['WorksheetAdded Local', 'WorksheetNameChanged 项目1 → 项目 1', 'WorksheetDeleted Local']);
  });
});

describe('delivery', () => {
  test("an event arrives after the sync that made the change has resolved and the add-in's code after it has run", async () => {
    const host = createPreviewHost();
    const order: string[] = [];
    await host.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (args) => void order.push(`event ${args.address}`));
      await context.sync();
      context.workbook.worksheets.getItem('Sheet1').getRange('B2').values = [['x']];
      await context.sync();
      order.push('sync resolved');
      await Promise.resolve();
      order.push('next step');
    });
    await host.settle();
    expect(order).toEqual(['sync resolved', 'next step', 'event B2']);
  });
});
