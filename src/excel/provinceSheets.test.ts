/**
 * The Excel layer reads a province's template with the same reader as the CLI (SPEC §3a, issue
 * 7 item 8): a list-layout sheet in 元 (Sichuan, Mata 2023, test/fixtures/provinces) typed into
 * the preview host is validated live, and the summary's formulas point at the cells read,
 * converting 元 to 万元 in the formula.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { createPreviewHost } from '../preview';
import { ManualTimers } from '../../test/support/manualTimers';
import { createWorkbookService } from './service';

const FIXTURE = path.join(__dirname, '..', '..', 'test', 'fixtures', 'provinces', 'sichuan-jingyan-mata-2023.json');

/** The fixture's cells as a person pasting the table gets them: numbers where the copy gives numbers. */
function pastedRows(): (string | number | null)[][] {
  const source = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { rows: (string | null)[][]; numbers: Record<string, string> };
  return source.rows.map((row, r) =>
    row.map((v, c) => {
      const address = `${String.fromCharCode(65 + c)}${r + 1}`;
      return v !== null && address in source.numbers ? Number(v.replace(/,/g, '')) : v;
    }),
  );
}

async function setup() {
  const host = createPreviewHost({ sheets: ['项目绩效目标'] });
  const rows = pastedRows();
  host.userEdit('项目绩效目标', `A1:L${rows.length}`, rows);
  const service = createWorkbookService({ run: host.run.bind(host), office: host.office, timers: new ManualTimers() });
  return { host, service };
}

describe('a provincial list sheet in 元 in the add-in', () => {
  test('is read and validated by the same reader: one project, 330.984 万元, no finding', async () => {
    const { service } = await setup();
    const state = await service.readAndValidate();
    expect(state.tables.map((t) => [t.name.text, t.budget.total.value?.toFixed(), t.indicators.length])).toEqual([['村组干部报酬', '330.984', 8]]);
    expect(state.findings).toEqual([]);
    expect(state.ready).toBe(true);
  });

  test('the summary converts the 元 cell to 万元 in its formula, rounded to the 分', async () => {
    const { host, service } = await setup();
    const written = await service.writeSummary();
    expect(host.cell(written.sheet, 'D4').formula).toBe("=ROUND('项目绩效目标'!C5/10000,6)");
    expect(host.cell(written.sheet, 'D4').value).toBe(330.984);
    // The summary follows the sheet: the officer corrects the amount in 元.
    host.userEdit('项目绩效目标', 'C5', [[3000000]]);
    expect(host.cell(written.sheet, 'D4').value).toBe(300);
  });
});
