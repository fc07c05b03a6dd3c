/**
 * Round trips are the speed the officer feels (SPEC §8): every operation costs the same number
 * of context.sync() calls whatever the number of sheets, counted by the preview host.
 */
import { Finding } from '../core/finding';
import { createPreviewHost, PreviewHost } from '../preview';
import { ManualTimers } from '../../test/support/manualTimers';
import { seedTables } from '../../test/support/seed';
import { WorkbookService, WorkbookState, createWorkbookService } from './service';
import { TABLES_PER_REQUEST } from './tables';

/** The seed's ten tables repeated to `n` sheets; project 9 (per-quarter shares, S004) comes first. */
function tables(n: number) {
  const seed = seedTables();
  return Array.from({ length: n }, (_, i) => seed[(i + 8) % seed.length]);
}

async function syncsOf(host: PreviewHost, operation: () => Promise<unknown>): Promise<number> {
  host.resetStats();
  await operation();
  return host.stats.syncs;
}

const SIZES = [1, 10, 100, 500];

describe.each(SIZES)('with %i target-table sheets', (n) => {
  let host: PreviewHost;
  let service: WorkbookService;
  let timers: ManualTimers;
  let names: string[];

  beforeAll(async () => {
    host = createPreviewHost();
    timers = new ManualTimers();
    service = createWorkbookService({ run: host.run.bind(host), office: host.office, timers });
    names = await service.insertTables(tables(n));
  });

  test('each operation costs the same constant number of syncs', async () => {
    let state: WorkbookState | undefined;
    const counts = {
      readAndValidate: await syncsOf(host, async () => {
        state = await service.readAndValidate();
        fullReadBytes = host.stats.payloadBytes;
      }),
      insertTable: await syncsOf(host, () => service.insertTable(seedTables()[0])),
      insertTenTables: await syncsOf(host, () => service.insertTables(seedTables())),
      addIndicatorRows: await syncsOf(host, () => service.addIndicatorRows(names[0], 2)),
      goTo: await syncsOf(host, () => service.goTo(state!.findings[0])),
      applyFix: await syncsOf(host, () => service.applyFix(state!.findings.find((f) => f.rule === 'S004' && f.sheet === names[0])!)),
      // Quick fixes on all their findings (one rule's on every sheet, say): one batch, whatever their number.
      applyRuleFixes: await syncsOf(host, () => service.applyFixes(state!.findings.filter((f) => f.fix))),
      writeSummary: await syncsOf(host, () => service.writeSummary()),
      rewriteSummary: await syncsOf(host, () => service.writeSummary()),
      highlight: await syncsOf(host, () => service.highlightFindings(state!.findings.filter((f) => f.sheet === names[0]))),
      clearHighlights: await syncsOf(host, () => service.clearHighlights()),
    };
    expect(counts).toEqual({
      readAndValidate: 2,
      insertTable: 2,
      insertTenTables: 2,
      addIndicatorRows: 2,
      goTo: 1,
      applyFix: 1,
      applyRuleFixes: 1,
      writeSummary: 3,
      rewriteSummary: 3,
      highlight: 2,
      clearHighlights: 2,
    });
    expect(host.stats.maxPayloadBytes).toBeLessThan(5_000_000);
  });

  test('live validation: 2 syncs to start, then 1 per burst of edits, re-reading only the changed sheet', async () => {
    let last: WorkbookState | undefined;
    const startSyncs = await syncsOf(host, async () => {
      const stop = await service.start((s) => (last = s));
      stopLive = stop;
    });
    const cell = last!.tables.find((t) => t.sheet === names[0])!.spendingPlan[1].percent.cell;
    host.resetStats();
    host.userEdit(names[0], cell, 0.1);
    host.userEdit(names[0], cell, 0.2);
    await host.settle();
    timers.fire();
    await service.idle();
    expect({ startSyncs, editSyncs: host.stats.syncs }).toEqual({ startSyncs: 2, editSyncs: 1 });
    // Validation never writes, so nothing follows: no loop.
    await host.settle();
    timers.fire();
    await service.idle();
    expect(host.stats.syncs).toBe(1);
    // Only the changed sheet (and the sheet list) travelled: a small part of the whole workbook.
    if (n >= 100) expect(host.stats.payloadBytes).toBeLessThan(fullReadBytes / 10);
    expect(last!.findings.filter((f: Finding) => f.sheet === names[0] && f.rule === 'S003')).toHaveLength(1);
    await stopLive();
  });

  let stopLive: () => Promise<void> = async () => undefined;
  let fullReadBytes = 0;
});

describe('how many tables one request writes (TABLES_PER_REQUEST)', () => {
  test('the estimate matches the payload the preview host counts, commands and object paths included', async () => {
    const host = createPreviewHost();
    const service = createWorkbookService({ run: host.run.bind(host), office: host.office, timers: new ManualTimers() });
    host.resetStats();
    await service.insertTables(tables(20));
    const bytesPerTable = host.stats.maxPayloadBytes / 20;
    const fits = Math.floor(5_000_000 / bytesPerTable);
    // Within 10 % of what fits, and never more than fits.
    expect(TABLES_PER_REQUEST).toBeLessThanOrEqual(fits);
    expect(TABLES_PER_REQUEST).toBeGreaterThan(fits * 0.9);
  });

  test('more tables than that are written one request per TABLES_PER_REQUEST, none refused', async () => {
    const host = createPreviewHost();
    const service = createWorkbookService({ run: host.run.bind(host), office: host.office, timers: new ManualTimers() });
    const syncs = await syncsOf(host, () => service.insertTables(tables(TABLES_PER_REQUEST + 1)));
    expect(syncs).toBe(3);
    expect(host.stats.maxPayloadBytes).toBeLessThan(5_000_000);
    expect(host.sheetNames()).toHaveLength(1 + TABLES_PER_REQUEST + 1);
  });
});
