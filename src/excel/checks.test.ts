/**
 * The checks that travel with a table the add-in inserts (issue 8): number limits and input
 * messages that never block typing, and three conditional formats that colour what the rules
 * would flag — on the seed, exactly project 9's 12月底 cell, as LibreOffice colours it in
 * test/xlsx/travellingChecks.test.ts. They cost no sync, older hosts get the table without the
 * validation, and our highlights (set and cleared) and the export's reading leave them alone.
 */
import { writeTargetTable } from '../core/layout/writer';
import { CHECK_FILL, CHECK_FONT } from '../core/sheet';
import { PreviewHost, PreviewHostOptions, createPreviewHost } from '../preview';
import { ManualTimers } from '../../test/support/manualTimers';
import { seedTables } from '../../test/support/seed';
import { isOurConditionalFormat, isOurValidation, readConditionalFormats } from './checks';
import { WorkbookService, createWorkbookService } from './service';

const NEVER_BLOCK = { showAlert: false, style: 'Stop', title: '', message: '' };
const CHECKS = writeTargetTable(seedTables()[8]).checks!;

async function inserted(options: PreviewHostOptions = {}): Promise<{ host: PreviewHost; service: WorkbookService; names: string[]; syncs: number }> {
  const host = createPreviewHost(options);
  const service = createWorkbookService({ run: host.run.bind(host), office: host.office, timers: new ManualTimers() });
  host.resetStats();
  const names = await service.insertTables(seedTables());
  return { host, service, names, syncs: host.stats.syncs };
}

/** Every cell's validation and the conditional formats of a sheet: what must not change. */
function checksOf(host: PreviewHost, sheet: string) {
  const snapshot = host.snapshot()[sheet];
  const validations = Object.fromEntries(Object.entries(snapshot.cells).flatMap(([a, c]) => (c.validation ? [[a, c.validation]] : [])));
  return { validations, conditionalFormats: snapshot.conditionalFormats };
}

/** The cells of every sheet that a conditional format colours. */
function coloured(host: PreviewHost, names: string[]): Record<string, string[]> {
  return Object.fromEntries(
    names.map((name) => [name, Object.entries(host.snapshot()[name].cells).flatMap(([a, c]) => (c.conditional ? [a] : []))]),
  );
}

describe('a table inserted by the add-in carries the checks', () => {
  let host: PreviewHost;
  let names: string[];
  let syncs: number;
  beforeAll(async () => ({ host, names, syncs } = await inserted()));

  test('in the same 2 syncs as before: everything is queued with the table', () => {
    expect(syncs).toBe(2);
  });

  test('plan cells: a decimal 0–1 with its input message; amounts: a decimal ≥ 0; head fields: an input message alone; none blocks typing', () => {
    const p9 = names[8];
    const plan = {
      decimal: { formula1: 0, formula2: 1, operator: 'Between' },
      prompt: { showPrompt: true, title: '累计支出比例', message: '截至该月底累计支出占预算数的比例，0%–100%，逐月不减少，12月底为100%。' },
      alert: NEVER_BLOCK,
    };
    for (const cell of ['B7', 'C7', 'D7', 'E7']) expect(host.cell(p9, cell).validation).toEqual(plan);
    const amount = {
      decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' },
      prompt: { showPrompt: true, title: '金额（万元）', message: '填写不小于0的数，单位万元，最多两位小数。预算数 = 财政资金 + 其他资金。' },
      alert: NEVER_BLOCK,
    };
    for (const cell of ['C4', 'E4', 'G4']) expect(host.cell(p9, cell).validation).toEqual(amount);
    expect(host.cell(p9, 'B3').validation).toEqual({ prompt: { showPrompt: true, title: '项目编码', message: '一体化系统中的项目编码，如 13022522P00200810001P。' } });
    expect(host.cell(p9, 'E3').validation?.prompt?.title).toBe('项目名称');
    expect(host.cell(p9, 'B8').validation?.prompt?.title).toBe('绩效目标');
    // The dropdown lists are as before: 一级指标 and 确定依据 from the first indicator row down.
    expect(host.cell(p9, 'A10').validation).toMatchObject({ inCellDropDown: true, source: '产出指标,成本指标,效益指标,满意度指标' });
    // Every validated cell: all of them ours or a dropdown list.
    const { validations } = checksOf(host, p9);
    const other = Object.entries(validations).filter(([a, v]) => v.source === undefined && !isOurValidation(a, v.prompt?.title, CHECKS));
    expect(other).toEqual([]);
    expect(Object.keys(validations).filter((a) => validations[a].source === undefined).sort()).toEqual(['B3', 'B7', 'B8', 'C4', 'C7', 'D7', 'E3', 'E4', 'E7', 'G4']);
  });

  test('three conditional formats: a fall in the plan, a 12月底 other than 100 %, a 预算数 other than its parts', async () => {
    const p9 = names[8];
    const expected = [
      { address: 'C4', type: 'Custom', formula: '=AND(ISNUMBER(C4),ROUND(C4-N(E4)-N(G4),6)<>0)', fill: CHECK_FILL, fontColor: CHECK_FONT },
      { address: 'E7', type: 'Custom', formula: '=AND(ISNUMBER(E7),ROUND(E7,6)<>1)', fill: CHECK_FILL, fontColor: CHECK_FONT },
      { address: 'C7:E7', type: 'Custom', formula: '=AND(ISNUMBER(C7),ISNUMBER(B7),C7<B7)', fill: CHECK_FILL, fontColor: CHECK_FONT },
    ];
    expect(host.snapshot()[p9].conditionalFormats).toEqual(expected);
    // Read back through Office.js, as the add-in would: each one carries our mark.
    const read = await host.run((context) => readConditionalFormats(context, context.workbook.worksheets.getItem(p9), CHECKS));
    expect(read).toEqual(expected.map((cf) => ({ ...cf, ours: true })));
  });

  test('the preview colours exactly what LibreOffice colours: project 9’s 12月底 (25 %), on no other table', () => {
    const flagged = coloured(host, names);
    expect(flagged).toEqual(Object.fromEntries(names.map((n, i) => [n, i === 8 ? ['E7'] : []])));
    expect(host.cell(names[8], 'E7')).toMatchObject({ value: 0.25, fill: null, conditional: { fill: CHECK_FILL, fontColor: CHECK_FONT } });
  });

  test('the colours follow the officer’s typing: a cumulative plan clears E7; a fall and a wrong 预算数 colour theirs', () => {
    const p9 = names[8];
    host.userEdit(p9, 'B7:E7', [[0.25, 0.5, 0.75, 1]]);
    expect(coloured(host, [p9])[p9]).toEqual([]);
    host.userEdit(p9, 'C7', 0.2);
    host.userEdit(p9, 'C4', 999);
    expect(coloured(host, [p9])[p9]).toEqual(['C4', 'C7']);
  });
});

describe('our mark', () => {
  test('highlighting findings and clearing the highlights leave the checks as they were; the officer’s own format is not ours', async () => {
    const { host, service, names } = await inserted();
    const p9 = names[8];
    // The officer's own conditional format, in our very colours but another formula.
    await host.asUser(async (context) => {
      const cf = context.workbook.worksheets.getItem(p9).getRange('B7').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=B7<0.3';
      cf.custom.format.fill.color = CHECK_FILL;
      cf.custom.format.font.color = CHECK_FONT;
    });
    const before = checksOf(host, p9);
    const state = await service.readAndValidate();
    const findings = state.findings.filter((f) => f.sheet === p9);
    expect(findings.find((f) => f.rule === 'S004')).toMatchObject({ cell: 'E7', severity: 'error' });
    await service.highlightFindings(findings);
    // E7 now has our highlight fill (the error colour, the same pink) under the format's colour.
    expect(host.cell(p9, 'E7')).toMatchObject({ fill: '#FFC7CE', conditional: { fill: CHECK_FILL } });
    expect(checksOf(host, p9)).toEqual(before);
    // Ten cells were highlighted (E7, B8, C10, F10, G10, C11, G11, D12, G12, F11): each gets its fill back.
    expect(await service.clearHighlights()).toBe(10);
    expect(host.cell(p9, 'E7')).toMatchObject({ fill: null, conditional: { fill: CHECK_FILL } });
    expect(checksOf(host, p9)).toEqual(before);
    // Reading for the export (the tables and the department part) changes nothing either.
    await service.readAndValidate();
    await service.readDepartment();
    expect(checksOf(host, p9)).toEqual(before);
    const read = await host.run((context) => readConditionalFormats(context, context.workbook.worksheets.getItem(p9), CHECKS));
    expect(read.map((cf) => [cf.address, cf.ours])).toEqual([
      ['B7', false],
      ['C4', true],
      ['E7', true],
      ['C7:E7', true],
    ]);
  });

  test('the signature is exact: range, formula and both colours', () => {
    const ours = { address: 'E7', type: 'Custom', formula: '=AND(ISNUMBER(E7),ROUND(E7,6)<>1)', fill: '#ffc7ce', fontColor: CHECK_FONT };
    expect(isOurConditionalFormat(ours, CHECKS)).toBe(true);
    expect(isOurConditionalFormat({ ...ours, address: 'D7' }, CHECKS)).toBe(false);
    expect(isOurConditionalFormat({ ...ours, formula: '=AND(ISNUMBER(E7),ROUND(E7,6)<>0.5)' }, CHECKS)).toBe(false);
    expect(isOurConditionalFormat({ ...ours, fill: '#FFEB9C' }, CHECKS)).toBe(false);
    expect(isOurConditionalFormat({ ...ours, fontColor: null }, CHECKS)).toBe(false);
    expect(isOurValidation('B3', '项目编码', CHECKS)).toBe(true);
    expect(isOurValidation('C7', '累计支出比例', CHECKS)).toBe(true);
    expect(isOurValidation('B7:F7', '累计支出比例', CHECKS)).toBe(false);
    expect(isOurValidation('B3', '编码', CHECKS)).toBe(false);
  });
});

describe('older hosts', () => {
  test('ExcelApi 1.7 (no data validation): the table and its conditional formats, without number limits or input messages', async () => {
    const { host, names, syncs } = await inserted({ apiVersion: '1.7' });
    expect(syncs).toBe(2);
    expect(checksOf(host, names[8]).validations).toEqual({});
    expect(host.snapshot()[names[8]].conditionalFormats.map((cf) => cf.address)).toEqual(['C4', 'E7', 'C7:E7']);
    expect(coloured(host, [names[8]])).toEqual({ [names[8]]: ['E7'] });
  });
});
