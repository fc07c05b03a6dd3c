/** The proxy/queue model of Office.js: loads, syncs, payloads, requirement sets. */
import { COMMAND_OVERHEAD_BYTES, createPreviewHost } from './index';
import { failure } from '../../test/support/failure';

function thrown(read: () => unknown): { code: string } {
  try {
    read();
  } catch (e) {
    return e as { code: string };
  }
  throw new Error('expected a throw');
}

describe('reading properties', () => {
  test('a property that was never loaded throws PropertyNotLoaded', async () => {
    const host = createPreviewHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.load('address');
      await context.sync();
      expect(range.address).toBe('Sheet1!A1');
      expect(thrown(() => range.values).code).toBe('PropertyNotLoaded');
    });
  });

  test('a loaded property is readable only after the sync that loads it', async () => {
    const host = createPreviewHost();
    host.userEdit('Sheet1', 'A1', 7);
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.load('values');
      expect(thrown(() => range.values).code).toBe('PropertyNotLoaded');
      await context.sync();
      expect(range.values).toEqual([[7]]);
    });
  });

  test('a value written on the proxy is not readable without a load', async () => {
    const host = createPreviewHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.values = [[1]];
      await context.sync();
      expect(thrown(() => range.values).code).toBe('PropertyNotLoaded');
    });
  });

  test('load takes a list, an array, navigation paths, select and the typed object form', async () => {
    const host = createPreviewHost();
    await host.asUser(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      range.values = [['x', 2]];
      range.format.font.bold = true;
      range.format.fill.color = '#FFFF00';
    });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const a = sheet.getRange('A1:B1').load('values, rowCount');
      const b = sheet.getRange('A1:B1').load(['columnCount', 'format/font/bold', 'format/fill/color']);
      const c = sheet.getRange('A1:B1').load({ select: 'address, format/wrapText' });
      const d = sheet.getRange('A1:B1').load({ numberFormat: true, format: { font: { bold: true } } });
      await context.sync();
      expect([a.values, a.rowCount]).toEqual([[['x', 2]], 1]);
      expect([b.columnCount, b.format.font.bold, b.format.fill.color]).toEqual([2, true, '#FFFF00']);
      expect([c.address, c.format.wrapText]).toEqual(['Sheet1!A1:B1', false]);
      expect([d.numberFormat, d.format.font.bold]).toEqual([[['General', 'General']], true]);
      expect(thrown(() => d.values).code).toBe('PropertyNotLoaded');
    });
  });

  test('loading a property the object does not have fails at once', async () => {
    const host = createPreviewHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(thrown(() => range.load('colour')).code).toBe('InvalidArgument');
    });
  });
});

describe('queued commands', () => {
  test('writes reach the workbook only at sync, in order', async () => {
    const host = createPreviewHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.values = [['first']];
      range.values = [['second']];
      expect(host.cell('Sheet1', 'A1').value).toBe('');
      const before = range.load('values');
      await context.sync();
      expect(before.values).toEqual([['second']]);
      expect(host.cell('Sheet1', 'A1').value).toBe('second');
    });
  });

  test('a load sees the writes queued before it, not those after', async () => {
    const host = createPreviewHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').values = [[1]];
      const first = sheet.getRange('A1').load('values');
      sheet.getRange('A1').values = [[2]];
      const second = sheet.getRange('A1').load('values');
      await context.sync();
      expect([first.values, second.values]).toEqual([[[1]], [[2]]]);
    });
  });

  test('a failing command stops the sync: earlier commands stay applied, later ones never run', async () => {
    const host = createPreviewHost();
    const error = await failure(
      host.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.getItem('Sheet1').getRange('A1').values = [['kept']];
        sheets.getItem('Nowhere').getRange('A1').values = [['lost']];
        sheets.getItem('Sheet1').getRange('A2').values = [['never']];
        await context.sync();
      }),
    );
    expect(error.code).toBe('ItemNotFound');
    expect(error.debugInfo.errorLocation).toBe('Range.values');
    expect(host.values('Sheet1', 'A1:A2')).toEqual([['kept'], ['']]);
  });

  test('objects cannot be used after their Excel.run has ended', async () => {
    const host = createPreviewHost();
    const range = await host.run(async (context) => context.workbook.worksheets.getItem('Sheet1').getRange('A1'));
    expect(thrown(() => (range.values = [[1]])).code).toBe('InvalidObjectPath');
  });
});

describe('sync count', () => {
  test('each sync with queued commands counts; empty syncs cost nothing', async () => {
    const host = createPreviewHost();
    await host.run(async (context) => {
      await context.sync();
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await context.sync();
      await context.sync();
      context.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [[2]];
      await context.sync();
    });
    expect(host.stats.syncs).toBe(2);
  });

  test('Excel.run syncs what is left queued at its end', async () => {
    const host = createPreviewHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['end']];
    });
    expect(host.stats.syncs).toBe(1);
    expect(host.cell('Sheet1', 'A1').value).toBe('end');
  });

  test.each([1, 500])('reading %i sheets (names, then values, formats and merges of each) takes 2 syncs', async (count) => {
    const names = Array.from({ length: count }, (_, i) => `项目${i + 1}`);
    const host = createPreviewHost({ sheets: names });
    await host.asUser(async (context) => {
      for (const name of names) {
        const sheet = context.workbook.worksheets.getItem(name);
        sheet.getRange('A1:G20').values = 'x' as unknown as unknown[][];
        sheet.getRange('A1:G1').merge();
      }
    });
    const read = await host.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      const ranges = sheets.items.map((s) => {
        const used = s.getUsedRangeOrNullObject(true).load('values, numberFormat, address');
        return { used, merged: used.getMergedAreasOrNullObject().load('address') };
      });
      await context.sync();
      return ranges.map((r) => [r.used.address, r.used.values.length, r.merged.address]);
    });
    expect(read[count - 1]).toEqual([`项目${count}!A1:G20`, 20, `项目${count}!A1:G1`]);
    expect(host.stats.syncs).toBe(2);
  });

  test("the user's edits are not counted, and resetStats starts over", async () => {
    const host = createPreviewHost();
    host.userEdit('Sheet1', 'A1', 1);
    await host.asUser(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [[2]];
    });
    expect(host.stats).toEqual({ syncs: 0, payloadBytes: 0, maxPayloadBytes: 0 });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A3').values = [[3]];
    });
    expect(host.stats.syncs).toBe(1);
    host.resetStats();
    expect(host.stats).toEqual({ syncs: 0, payloadBytes: 0, maxPayloadBytes: 0 });
  });
});

describe('payload', () => {
  test('a sync counts the UTF-8 bytes of the JSON it sends and receives, and each command\'s action and object path', async () => {
    const host = createPreviewHost();
    const sent = COMMAND_OVERHEAD_BYTES + JSON.stringify([['汇总', 12.5]]).length + 4;
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      range.values = [['汇总', 12.5]];
      await context.sync();
      expect(host.stats.payloadBytes).toBe(sent);
      range.load('values');
      await context.sync();
    });
    const received = COMMAND_OVERHEAD_BYTES + JSON.stringify({ values: [['汇总', 12.5]] }).length + 4;
    expect(host.stats).toEqual({ syncs: 2, payloadBytes: sent + received, maxPayloadBytes: received });
  });

  test('a request of many small commands is refused for their overhead, as Excel refuses it', async () => {
    const host = createPreviewHost({ payloadLimit: 100 * COMMAND_OVERHEAD_BYTES });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      for (let r = 1; r <= 100; r++) ws.getRange(`A${r}`).format.font.bold = true;
      await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
  });

  test('one sync returning more than the limit fails with ResponsePayloadSizeLimitExceeded; reading in chunks works', async () => {
    const host = createPreviewHost({ payloadLimit: 10_000 });
    await host.asUser(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:J200').values = 'abcdefgh' as unknown as unknown[][];
    });
    const error = await failure(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:J200').load('values');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ResponsePayloadSizeLimitExceeded');

    host.resetStats();
    const rows = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const out: unknown[][] = [];
      for (const top of [0, 50, 100, 150]) {
        const chunk = sheet.getRangeByIndexes(top, 0, 50, 10).load('values');
        await context.sync();
        out.push(...chunk.values);
      }
      return out;
    });
    expect(rows).toHaveLength(200);
    expect(rows[199][9]).toBe('abcdefgh');
    expect(host.stats.syncs).toBe(4);
    expect(host.stats.maxPayloadBytes).toBe(COMMAND_OVERHEAD_BYTES + JSON.stringify({ values: rows.slice(0, 50) }).length);
  });

  test('the limit also holds across the loads of one sync, and Excel on the web allows 5,000,000 bytes', async () => {
    const host = createPreviewHost();
    const error = await failure(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:Z100000').load('values');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ResponsePayloadSizeLimitExceeded');
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:Z10000').load('values');
      await context.sync();
      expect(range.values).toHaveLength(10000);
    });
  });

  test('a sync sending more than the limit fails with RequestPayloadSizeLimitExceeded and changes nothing', async () => {
    const host = createPreviewHost({ payloadLimit: 1000 });
    const error = await failure(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:A100').values = Array.from({ length: 100 }, (_, i) => [`row ${i}`]);
        await context.sync();
      }),
    );
    expect(error.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(host.cell('Sheet1', 'A1').value).toBe('');
  });
});

describe('requirement sets', () => {
  test('isSetSupported answers for the configured ExcelApi version', () => {
    const host = createPreviewHost({ apiVersion: '1.11' });
    expect(host.requirements.isSetSupported('ExcelApi', '1.11')).toBe(true);
    expect(host.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(host.requirements.isSetSupported('ExcelApi', '1.12')).toBe(false);
    expect(host.requirements.isSetSupported('WordApi', '1.1')).toBe(false);
    expect(host.office.context.requirements.isSetSupported('ExcelApi')).toBe(true);
  });

  test('a member newer than the host fails at sync with ApiNotFound', async () => {
    const host = createPreviewHost({ apiVersion: '1.11' });
    const error = await failure(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').customProperties.add('owner', 'budget-targets');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ApiNotFound');
    expect(error.debugInfo.errorLocation).toBe('WorksheetCustomPropertyCollection.add');
  });

  test('load() without names loads only what the host supports', async () => {
    const host = createPreviewHost({ apiVersion: '1.6' });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1').load();
      await context.sync();
      expect([sheet.name, sheet.position, sheet.visibility]).toEqual(['Sheet1', 0, 'Visible']);
      expect(thrown(() => sheet.tabColor).code).toBe('PropertyNotLoaded');
    });
  });
});

describe('Excel.run with a context', () => {
  test('Excel.run(context, batch) reuses a context: its event handlers can be removed, its old objects are invalid', async () => {
    const host = createPreviewHost();
    let calls = 0;
    const { registration, range } = await host.run(async (context) => {
      const registration = context.workbook.worksheets.onChanged.add(async () => void calls++);
      return { registration, range: context.workbook.worksheets.getItem('Sheet1').getRange('A1') };
    });
    host.userEdit('Sheet1', 'A1', 1);
    await host.settle();
    await host.run(registration.context, async (context) => {
      registration.remove();
      expect(thrown(() => range.load('values')).code).toBe('InvalidObjectPath');
      context.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [[2]];
    });
    host.userEdit('Sheet1', 'A1', 3);
    await host.settle();
    expect(calls).toBe(1);
    expect(host.cell('Sheet1', 'A2').value).toBe(2);
  });
});
