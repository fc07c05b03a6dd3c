/**
 * The Excel layer through the preview host (a strict in-memory Excel): inserting the seed's
 * tables, live validation of the officer's (and a co-author's) edits, quick fixes, the summary
 * sheet and its totals (SPEC §5), and safety: no cell changes but those asked for.
 */
import { Finding } from '../core/finding';
import { columnName } from '../core/grid';
import { LAYOUTS } from '../core/layout/definition';
import { DEFAULT_PROFILE, presetProfile } from '../core/profile';
import { SUMMARY_MARK } from '../core/summary';
import { PreviewHost, PreviewHostOptions, SheetSnapshot, createPreviewHost } from '../preview';
import { ManualTimers } from '../../test/support/manualTimers';
import { seedTables } from '../../test/support/seed';
import { HostError } from './host';
import { SETTINGS } from './marks';
import { WorkbookService, WorkbookState, createWorkbookService } from './service';
import { failure } from '../../test/support/failure';

interface Setup {
  host: PreviewHost;
  service: WorkbookService;
  timers: ManualTimers;
}

function setup(options: PreviewHostOptions = {}, host = createPreviewHost(options)): Setup {
  const timers = new ManualTimers();
  return { host, timers, service: createWorkbookService({ run: host.run.bind(host), office: host.office, timers }) };
}

/** Live validation running; `state()` is the last published state. */
async function live(s: Setup) {
  let last: WorkbookState | undefined;
  const stop = await s.service.start((state) => (last = state));
  return {
    stop,
    state: () => last!,
    /** Lets the events of the edits so far arrive, the debounce pass and the re-read finish. */
    settle: async () => {
      await s.host.settle();
      s.timers.fire();
      await s.service.idle();
    },
  };
}

const located = (findings: readonly Finding[]) => findings.map(({ rule, severity, sheet, cell }) => ({ rule, severity, sheet, cell }));
const only = (findings: readonly Finding[], rule: string) => located(findings.filter((f) => f.rule === rule));

async function texts(host: PreviewHost, sheet: string, address: string): Promise<string[][]> {
  return host.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load('text');
    await context.sync();
    return range.text;
  });
}

const P1 = '2022年人大之家工作经费';
const P9 = '2022年新中国成立前老党员生活补贴';

describe('a full cycle on the seed document', () => {
  const s = setup();
  let watch: Awaited<ReturnType<typeof live>>;

  beforeAll(async () => {
    watch = await live(s);
    await s.service.insertTables(seedTables());
    await watch.settle();
  });
  afterAll(() => watch.stop());

  test('the ten tables are read back, with only project 9 breaking a spending-plan rule', () => {
    expect(watch.state().tables.map((t) => t.sheet)).toEqual(s.host.sheetNames().slice(1));
    expect(watch.state().tables).toHaveLength(10);
    expect(located(watch.state().findings.filter((f) => f.rule.startsWith('S')))).toEqual([{ rule: 'S004', severity: 'error', sheet: P9, cell: 'E7' }]);
    expect(watch.state().ready).toBe(false);
  });

  test('an edit making a percentage decrease raises S003 at that cell; editing it back clears it', async () => {
    s.host.userEdit(P1, 'C7', 0.1);
    await watch.settle();
    expect(only(watch.state().findings, 'S003')).toEqual([{ rule: 'S003', severity: 'error', sheet: P1, cell: 'C7' }]);
    s.host.userEdit(P1, 'C7', 0.5);
    await watch.settle();
    expect(only(watch.state().findings, 'S003')).toEqual([]);
  });

  test("a co-author's edit (source Remote) is validated the same way", async () => {
    s.host.userEdit(P1, 'D7', 0.3, { source: 'Remote' });
    await watch.settle();
    expect(only(watch.state().findings, 'S003')).toEqual([{ rule: 'S003', severity: 'error', sheet: P1, cell: 'D7' }]);
    s.host.userEdit(P1, 'D7', 0.75, { source: 'Remote' });
    await watch.settle();
    expect(only(watch.state().findings, 'S003')).toEqual([]);
  });

  test('the summary sheet carries the totals of SPEC §5, as formulas over the project sheets', async () => {
    const written = await s.service.writeSummary();
    expect(written.sheet).toBe('汇总');
    expect(s.host.sheetNames()[0]).toBe('汇总');
    expect(await texts(s.host, '汇总', 'A14:J14')).toEqual([['合计', '', '', '291.61', '291.61', '0.00', '72.91', '144.81', '216.72', '288.61']]);
    expect(s.host.cell('汇总', 'D4').formula).toBe(`='${P1}'!C4`);
    expect(s.host.cell('汇总', 'G12').formula).toBe(`=ROUND('${P9}'!C4*'${P9}'!B7,2)`);
    expect(s.host.cell('汇总', 'D14').formula).toBe('=SUM(D4:D13)');
    expect(s.host.cell('汇总', 'N4').hyperlink).toEqual({ documentReference: `'${P1}'!A1`, textToDisplay: P1 });
    expect(s.host.snapshot()['汇总'].customProperties).toEqual({ [SUMMARY_MARK.key]: SUMMARY_MARK.value });
    await watch.settle();
    expect(only(watch.state().findings, 'W002')).toEqual([]);
  });

  test("project 9's quick fix makes its shares cumulative; the finding goes and the summary follows", async () => {
    const s004 = watch.state().findings.find((f) => f.rule === 'S004')!;
    await s.service.applyFix(s004);
    expect(s.host.values(P9, 'B7:E7')).toEqual([[0.25, 0.5, 0.75, 1]]);
    expect(only(watch.state().findings, 'S004')).toEqual([]);
    // Made on another sheet than the active one, the fix is shown: its sheet active, the first changed cell selected.
    expect(s.host.selection()).toEqual({ sheet: P9, address: 'B7' });
    // The summary's formulas follow the project sheets: project 9 now plans 1, 2, 3, 4 万元.
    expect(await texts(s.host, '汇总', 'G12:J12')).toEqual([['1.00', '2.00', '3.00', '4.00']]);
    expect(await texts(s.host, '汇总', 'G14:J14')).toEqual([['72.91', '145.81', '218.72', '291.61']]);
  });

  test('W002 when a project is renamed after the summary; regenerating replaces our sheet in place', async () => {
    s.host.userEdit(P1, 'E3', '人大之家经费');
    await watch.settle();
    expect(only(watch.state().findings, 'W002')).toEqual([{ rule: 'W002', severity: 'warning', sheet: '汇总', cell: 'A1' }]);
    const again = await s.service.writeSummary();
    expect(again.sheet).toBe('汇总');
    expect(s.host.sheetNames().filter((n) => n.startsWith('汇总'))).toEqual(['汇总']);
    expect(s.host.values('汇总', 'C4')).toEqual([['人大之家经费']]);
    expect(only(watch.state().findings, 'W002')).toEqual([]);
  });

  test('go to a finding selects its cell', async () => {
    const f = watch.state().findings.find((x) => x.sheet === P9)!;
    await s.service.goTo(f);
    expect(s.host.selection()).toEqual({ sheet: P9, address: f.cell });
  });

  test("the add-in's own writes are re-read once (1 sync), not again when their events arrive", async () => {
    s.host.resetStats();
    await s.service.applyFix({ description: '', description_en: '', edits: [{ sheet: P1, cell: 'G10', value: '计划标准' }] });
    await watch.settle();
    expect(s.host.stats.syncs).toBe(2);
    s.host.resetStats();
    await s.service.insertTable(seedTables()[1]);
    await watch.settle();
    expect(s.host.stats.syncs).toBe(3);
    expect(watch.state().tables).toHaveLength(11);
  });

  test('deleting and renaming sheets updates the findings without reading anything', async () => {
    s.host.resetStats();
    await s.host.asUser(async (context) => {
      context.workbook.worksheets.getItem('2022年乡镇维稳经费 (2)').delete();
      context.workbook.worksheets.getItem(P1).name = '人大之家';
    });
    await watch.settle();
    expect(s.host.stats.syncs).toBe(0);
    expect(watch.state().tables.map((t) => t.sheet)).toEqual(s.host.sheetNames().slice(2));
    expect(watch.state().tables[0].sheet).toBe('人大之家');
    expect(only(watch.state().findings, 'W002')).toEqual([{ rule: 'W002', severity: 'warning', sheet: '汇总', cell: 'A1' }]);
  });
});

describe('a choice from a dropdown that raises no onChanged (Excel on the web and desktop; issue 9, item 14)', () => {
  test('is seen once the selection moves: one read of that sheet, debounced; a move with nothing changed publishes nothing', async () => {
    const s = setup();
    const [P1] = await s.service.insertTables(seedTables());
    let published = 0;
    let last: WorkbookState | undefined;
    await s.service.start((state) => {
      published++;
      last = state;
    });
    const settle = async () => {
      await s.host.settle();
      s.timers.fire();
      await s.service.idle();
    };
    await settle();
    expect(only(last!.findings, 'I011').filter((f) => f.sheet === P1 && f.cell === 'G10')).toHaveLength(1);

    // The officer picks 计划标准 in G10's dropdown: the host says nothing.
    s.host.userChoose(P1, 'G10', '计划标准');
    published = 0;
    await settle();
    expect(published).toBe(0);
    expect(only(last!.findings, 'I011').filter((f) => f.sheet === P1 && f.cell === 'G10')).toHaveLength(1);

    // The selection moves on (twice within the debounce): one read of that sheet, and the finding goes.
    s.host.resetStats();
    s.host.userSelect(P1, 'G11');
    s.host.userSelect(P1, 'G12');
    await settle();
    expect(s.host.stats.syncs).toBe(1);
    expect(published).toBe(1);
    expect(only(last!.findings, 'I011').filter((f) => f.sheet === P1 && f.cell === 'G10')).toEqual([]);

    // Moving again with nothing changed: one read, no new state.
    s.host.resetStats();
    s.host.userSelect(P1, 'B7');
    await settle();
    expect(s.host.stats.syncs).toBe(1);
    expect(published).toBe(1);
  });
});

describe('inserting a table', () => {
  test('writes the canonical layout: merges, formats, dropdowns, widths, freeze, print setup; selects the first input cell', async () => {
    const { host, service } = setup();
    const [name] = await service.insertTables([seedTables()[0]]);
    const sheet = host.snapshot()[name];
    expect(name).toBe(P1);
    expect(sheet.merges).toEqual(['A1:G1', 'A2:E2', 'B3:C3', 'E3:G3', 'A4:A5', 'C5:G5', 'B8:G8', 'A6:A7', 'F6:G7', 'D9:E9', 'D10:E10', 'D11:E11', 'D12:E12']);
    expect(sheet.cells.A1).toMatchObject({ value: '1.2022年人大之家工作经费绩效目标表', numberFormat: '@', bold: true, horizontalAlignment: 'Center' });
    expect(sheet.cells.C4).toMatchObject({ value: 2, numberFormat: '0.00' });
    expect(sheet.cells.B7).toMatchObject({ value: 0.25, numberFormat: '0%' });
    expect(sheet.cells.A10.borders.left).toEqual({ style: 'Continuous', weight: 'Thin', color: '#000000' });
    expect(sheet.cells.A10.validation).toEqual({
      inCellDropDown: true,
      source: '产出指标,成本指标,效益指标,满意度指标',
      alert: { showAlert: false, style: 'Stop', title: '', message: '' },
    });
    expect(sheet.cells.G10.validation?.source).toBe('计划标准,行业标准,历史标准,预算支出标准,其他标准');
    expect(sheet.columnWidths).toEqual({ A: 77.25, B: 77.25, C: 87.75, D: 77.25, E: 77.25, F: 77.25, G: 87.75 });
    expect(sheet.freeze).toEqual({ rows: 1, columns: 0 });
    expect(sheet.page).toEqual({ orientation: 'Portrait', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(host.selection()).toEqual({ sheet: name, address: 'B3' });
  });

  test('the provincial layout too', async () => {
    const { host, service } = setup();
    const [name] = await service.insertTables([{ ...seedTables()[0], layout: 'provincial' }]);
    const columns = LAYOUTS.provincial.columns.map((c) => c.label);
    expect(host.values(name, `A9:${columnName(columns.length - 1)}9`)).toEqual([columns]);
    expect(columns).toEqual(expect.arrayContaining(['指标值类型', '计算符号', '指标值', '计量单位', '指标值确定依据']));
    const state = await service.readAndValidate();
    expect(state.tables.map((t) => [t.sheet, t.layout, t.indicators.length])).toEqual([[name, 'provincial', 3]]);
  });

  test('never replaces a sheet: a taken name gets a suffix', async () => {
    const { host, service } = setup({ sheets: [P1] });
    host.userEdit(P1, 'A1', '我的数据');
    const names = await service.insertTables([seedTables()[0], seedTables()[0]]);
    expect(names).toEqual([`${P1} (2)`, `${P1} (3)`]);
    expect(host.values(P1, 'A1:B1')).toEqual([['我的数据', '']]);
  });

  test('text starting with = + - @ is written as text, never a formula, and reads back as typed', async () => {
    const { host, service } = setup();
    const input = { ...seedTables()[0], name: '=SUM(1,2)', fundUse: '+1', title: '@项目', department: '-802008' };
    const [name] = await service.insertTables([input]);
    expect(name).toBe('=SUM(1,2)');
    for (const [address, text] of [['E3', '=SUM(1,2)'], ['C5', '+1'], ['A1', '@项目'], ['A2', '-802008']]) {
      expect(host.cell(name, address)).toMatchObject({ value: text, formula: null, numberFormat: '@' });
    }
    const state = await service.readAndValidate();
    expect([state.tables[0].name.text, state.tables[0].fundUse.text]).toEqual(['=SUM(1,2)', '+1']);
    await service.writeSummary();
    expect(host.cell('汇总', 'C4')).toMatchObject({ value: '=SUM(1,2)', formula: null, numberFormat: '@' });
    expect(host.cell('汇总', 'D4').formula).toBe("='=SUM(1,2)'!C4");
  });

  test("sheet names with quotes are escaped in the summary's formulas", async () => {
    const { host, service } = setup();
    const [name] = await service.insertTables([{ ...seedTables()[1], name: "It's 维稳" }]);
    await service.writeSummary();
    expect(host.cell('汇总', 'D4').formula).toBe(`='It''s 维稳'!C4`);
    expect(host.values('汇总', 'D4')).toEqual([[40]]);
    expect(name).toBe("It's 维稳");
  });

  test('adding indicator rows inserts them under the block with its formats, dropdowns and merges', async () => {
    const { host, service } = setup();
    const [name] = await service.insertTables([seedTables()[0]]);
    const added = await service.addIndicatorRows(name, 2);
    expect(added).toEqual({ sheet: name, address: 'A13:G14' });
    const sheet = host.snapshot()[name];
    expect(sheet.merges).toEqual(expect.arrayContaining(['D12:E12', 'D13:E13', 'D14:E14']));
    expect(sheet.cells.A13).toMatchObject({ value: '', numberFormat: '@', validation: expect.objectContaining({ source: '产出指标,成本指标,效益指标,满意度指标' }) });
    expect(sheet.cells.G14.borders.right).toEqual({ style: 'Continuous', weight: 'Thin', color: '#000000' });
    expect(host.selection()).toEqual({ sheet: name, address: 'A13' });
    const before = (await service.readAndValidate()).tables[0].indicators.map((i) => i.level3.text);
    host.userEdit(name, 'A13:G13', [['产出指标', '数量指标', '培训人数', '培训人次', null, '≥100人', '计划标准']]);
    const state = await service.readAndValidate();
    expect(state.tables[0].indicators.map((i) => i.level3.text)).toEqual([...before, '培训人数']);
    expect(before).toHaveLength(3);
  });

  test('a sheet that is not a target table gets a clear message', async () => {
    const { service } = setup();
    const e = (await failure(service.addIndicatorRows('Sheet1', 1))) as HostError;
    expect(e.hostMessage.zh).toBe('工作表“Sheet1”不是绩效目标表（找不到“项目编码”和“一级指标”）');
  });
});

describe('safety: nothing lost, nothing overwritten', () => {
  /** Everything about a sheet but its place among the sheets (a new summary sheet goes first). */
  const content = (sheet: SheetSnapshot): Partial<SheetSnapshot> => ({ ...sheet, position: undefined });

  test('no user cell changes except those the officer asked to change; a user sheet named 汇总 survives', async () => {
    const s = setup({ sheets: ['数据', '汇总'] });
    await s.host.asUser(async (context) => {
      const data = context.workbook.worksheets.getItem('数据');
      data.getRange('A1:C2').values = [['项目', '金额', '备注'], ['办公', 12.5, '=不是公式']];
      data.getRange('B2').numberFormat = [['0.00']];
      data.getRange('A1:C1').format.fill.color = '#DDEBF7';
      data.getRange('A3:C3').merge(false);
      const mine = context.workbook.worksheets.getItem('汇总');
      mine.getRange('A1:B2').values = [['我的汇总', ''], ['合计', 100]];
    });
    const before = s.host.snapshot();
    const watch = await live(s);
    const names = await s.service.insertTables(seedTables());
    const afterInsert = s.host.snapshot();
    const s004 = watch.state().findings.find((f) => f.rule === 'S004')!;
    await s.service.applyFix(s004);
    await s.service.goTo(s004);
    await s.service.highlightFindings(watch.state().findings);
    await s.service.clearHighlights();
    const written = await s.service.writeSummary();
    await watch.settle();
    await watch.stop();
    const after = s.host.snapshot();

    expect(written.sheet).toBe('汇总 (2)');
    expect(content(after['数据'])).toEqual(content(before['数据']));
    expect(content(after['汇总'])).toEqual(content(before['汇总']));
    // On the inserted sheets only the cells of the quick fix changed (B7 already held 25%).
    for (const name of names) {
      const changed = Object.keys(after[name].cells).filter((a) => JSON.stringify(after[name].cells[a]) !== JSON.stringify(afterInsert[name].cells[a]));
      expect([name, changed]).toEqual([name, name === P9 ? ['C7', 'D7', 'E7'] : []]);
    }
  });

  test('a second summary regenerates 汇总 (2), the sheet it marked, and still not the user’s 汇总', async () => {
    const s = setup({ sheets: ['汇总'] });
    s.host.userEdit('汇总', 'A1', '我的');
    await s.service.insertTables(seedTables().slice(0, 2));
    expect((await s.service.writeSummary()).sheet).toBe('汇总 (2)');
    await s.service.insertTables(seedTables().slice(2, 3));
    expect((await s.service.writeSummary()).sheet).toBe('汇总 (2)');
    expect(s.host.sheetNames().filter((n) => n.startsWith('汇总'))).toEqual(['汇总 (2)', '汇总']);
    expect(s.host.values('汇总 (2)', 'A7')).toEqual([['合计']]);
    expect(s.host.values('汇总', 'A1')).toEqual([['我的']]);
  });
});

describe('highlighting findings (off by default)', () => {
  test('colours by severity, then clearing restores exactly the fills there were, even after a pane reload', async () => {
    const s = setup();
    const [name] = await s.service.insertTables([seedTables()[0]]);
    // The officer's own fills on two finding cells: a colour, and a white fill (not the same as no fill).
    await s.host.asUser(async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      ws.getRange('C10').format.fill.color = '#00B0F0';
      ws.getRange('G10').format.fill.color = '#FFFFFF';
    });
    const before = s.host.snapshot()[name];
    const state = await s.service.readAndValidate();
    expect(before.cells.F11.fill).toBeNull();
    const cells = await s.service.highlightFindings(state.findings);
    expect(cells.filter((c) => ['C10', 'G10', 'F11'].includes(c.cell)).map(({ cell, color, pattern, applied }) => ({ cell, color, pattern, applied }))).toEqual([
      { cell: 'C10', color: '#00B0F0', pattern: 'Solid', applied: '#FFEB9C' },
      { cell: 'G10', color: '#FFFFFF', pattern: 'Solid', applied: '#FFEB9C' },
      { cell: 'F11', color: '#FFFFFF', pattern: 'None', applied: '#DDEBF7' },
    ]);
    expect([s.host.cell(name, 'C10').fill, s.host.cell(name, 'F11').fill]).toEqual(['#FFEB9C', '#DDEBF7']);
    expect(typeof s.host.savedSettings()[SETTINGS.highlights]).toBe('string');

    // The pane reloads: a new service finds the record in the document settings.
    const reloaded = setup({}, s.host);
    expect(await reloaded.service.clearHighlights()).toBe(cells.length);
    expect(s.host.snapshot()[name]).toEqual(before);
    expect(s.host.savedSettings()[SETTINGS.highlights]).toBeUndefined();
  });

  test('a fill the officer changed on a highlighted cell is left as they made it', async () => {
    const s = setup();
    const [name] = await s.service.insertTables([seedTables()[0]]);
    const state = await s.service.readAndValidate();
    await s.service.highlightFindings(state.findings.filter((f) => f.cell === 'C10' || f.cell === 'C11'));
    await s.host.asUser(async (context) => {
      context.workbook.worksheets.getItem(name).getRange('C10').format.fill.color = '#92D050';
    });
    expect(await s.service.clearHighlights()).toBe(1);
    expect([s.host.cell(name, 'C10').fill, s.host.cell(name, 'C11').fill]).toEqual(['#92D050', null]);
  });
});

describe('the rule profile travels with the workbook', () => {
  test('saved in a document setting; used by validation at once', async () => {
    const s = setup();
    await s.service.insertTables(seedTables());
    const watch = await live(s);
    expect(only(watch.state().findings, 'I010')).toHaveLength(1);
    await s.service.saveProfile({ ...DEFAULT_PROFILE, satisfactionMin: 99 });
    expect(JSON.parse(s.host.savedSettings()[SETTINGS.profile] as string).satisfactionMin).toBe(99);
    expect(only(watch.state().findings, 'I010').length).toBeGreaterThan(1);
    expect((await setup({}, s.host).service.loadProfile()).satisfactionMin).toBe(99);
    await watch.stop();
  });

  test('a preset and per-rule severities round-trip through the workbook and apply live', async () => {
    const s = setup();
    await s.service.insertTables(seedTables());
    const watch = await live(s);
    expect(only(watch.state().findings, 'I011').every((f) => f.severity === 'warning')).toBe(true);
    const profile = { ...presetProfile('mof-2021'), rules: { I011: 'info' as const, I023: 'off' as const } };
    await s.service.saveProfile(profile);
    expect(JSON.parse(s.host.savedSettings()[SETTINGS.profile] as string)).toMatchObject({ preset: 'mof-2021', rules: { I011: 'info', I023: 'off' } });
    expect(await setup({}, s.host).service.loadProfile()).toEqual(profile);
    expect(only(watch.state().findings, 'I011').every((f) => f.severity === 'info')).toBe(true);
    expect(only(watch.state().findings, 'I023')).toEqual([]);
    expect(only(watch.state().findings, 'I009').every((f) => f.severity === 'error')).toBe(true);
    expect(only(watch.state().findings, 'I002')).toHaveLength(10);
    await watch.stop();
  });

  test('the new rules show live with their quick fixes (I009 implied unit)', async () => {
    const s = setup();
    const [name] = await s.service.insertTables([seedTables()[2]]);
    const watch = await live(s);
    const i009 = watch.state().findings.filter((f) => f.rule === 'I009');
    expect(i009.map((f) => `${f.sheet}!${f.cell} ${f.fix?.edits[0].value}`)).toEqual([`${name}!F10 8人`]);
    expect(only(watch.state().findings, 'I023').map((f) => f.cell)).toEqual(['B8']);
    await s.service.applyFix(i009[0].fix!);
    await watch.settle();
    expect(only(watch.state().findings, 'I009')).toEqual([]);
    await watch.stop();
  });

  test('an invalid stored profile gives the defaults and says why', async () => {
    const s = setup();
    s.host.settings.set(SETTINGS.profile, '{not json');
    expect(s.service.profileStatus()).toEqual({
      profile: DEFAULT_PROFILE,
      message: { zh: '工作簿中保存的规则配置不是有效的 JSON，已使用默认配置', en: 'The rule profile stored in the workbook is not valid JSON; the defaults apply' },
    });
    s.host.settings.set(SETTINGS.profile, JSON.stringify({ satisfactionMin: 120 }));
    expect(s.service.profileStatus().message?.en).toBe('The rule profile stored in the workbook is invalid (satisfactionMin must be a number from 0 to 100); the defaults apply');
  });
});

describe('older hosts', () => {
  test('ExcelApi 1.6 gets a clear message, not a crash, and no round trip', async () => {
    const s = setup({ apiVersion: '1.6' });
    expect(s.service.requirements.ok).toBe(false);
    const message = {
      zh: '此版本的 Excel 不支持本加载项（需要 ExcelApi 1.7）。请使用 Microsoft 365 版 Excel、Excel 2021 或更新版本，或网页版 Excel。',
      en: 'This version of Excel cannot run the add-in (it needs ExcelApi 1.7). Use Excel for Microsoft 365, Excel 2021 or later, or Excel on the web.',
    };
    expect(s.service.requirements.message).toEqual(message);
    for (const attempt of [s.service.readAndValidate(), s.service.insertTables(seedTables()), s.service.writeSummary(), s.service.start(() => undefined)]) {
      const e = (await failure(attempt)) as HostError;
      expect(e).toBeInstanceOf(HostError);
      expect(e.hostMessage).toEqual(message);
    }
    expect(s.host.stats.syncs).toBe(0);
  });

  test('ExcelApi 1.7: no dropdowns, print setup or highlights; per-sheet change events; the summary is marked by a setting', async () => {
    const s = setup({ apiVersion: '1.7' });
    expect(s.service.requirements.ok).toBe(true);
    expect(s.service.requirements.message?.en).toBe(
      'This version of Excel lacks some features, which are degraded: inserted tables have no dropdown lists or input messages; inserted tables keep the default print setup; changes are watched sheet by sheet; findings cannot be highlighted in cells; the summary sheet is marked by a document setting; merged cells are not read; sheet renames show at the next edit',
    );
    const [name] = await s.service.insertTables([seedTables()[8]]);
    expect(s.host.cell(name, 'A10').validation).toBeNull();
    const watch = await live(s);
    s.host.userEdit(name, 'C7', 0.1);
    await watch.settle();
    expect(only(watch.state().findings, 'S003')).toEqual([{ rule: 'S003', severity: 'error', sheet: name, cell: 'C7' }]);
    expect((await s.service.writeSummary()).sheet).toBe('汇总');
    expect((await s.service.writeSummary()).sheet).toBe('汇总');
    expect(s.host.snapshot()['汇总'].customProperties).toEqual({});
    expect(s.host.savedSettings()[SETTINGS.summarySheetId]).toBe(s.host.snapshot()['汇总'].id);
    const e = (await failure(s.service.highlightFindings(watch.state().findings))) as HostError;
    expect(e.hostMessage.en).toBe('This version of Excel cannot highlight findings in cells (it needs ExcelApi 1.9)');
    await watch.stop();
  });
});

describe('reading large workbooks', () => {
  test.each([
    [60_000, 4],
    [20_000, 15],
  ])('a response over the payload limit (%i bytes) falls back to reading in chunks: %i syncs; every table is read', async (payloadLimit, syncs) => {
    const small = setup({ payloadLimit });
    const normal = setup();
    for (let i = 0; i < 3; i++) {
      await small.service.insertTables(seedTables());
      await normal.service.insertTables(seedTables());
    }
    small.host.resetStats();
    const state = await small.service.readAndValidate();
    expect(state.tables).toHaveLength(30);
    expect(state).toEqual(await normal.service.readAndValidate());
    // 2 syncs under Excel's real limit. Here the list, the refused read, the measure, and chunks:
    // at 60 kB one (values and formats alone fit); at 20 kB each refusal halves the size of the
    // chunks after it, until they fit.
    expect(small.host.stats.syncs).toBe(syncs);
  });

  test('a sheet too large for one response is read in bands of rows and put together again', async () => {
    const [small, normal] = [setup({ payloadLimit: 100_000 }), setup()];
    for (const s of [small, normal]) {
      await s.service.insertTables([seedTables()[0]]);
      // The officer's notes beside the table, a thousand rows of them.
      s.host.userEdit(P1, 'I1:M1000', '预算项目绩效目标表备注');
    }
    small.host.resetStats();
    const state = await small.service.readAndValidate();
    expect(state).toEqual(await normal.service.readAndValidate());
    expect(state.tables.map((t) => [t.sheet, t.indicators.length])).toEqual([[P1, 3]]);
    expect(state.truncated).toEqual([]);
    // The list, the refused read, the measure; 1000 rows refused, Sheet1 read, 500 rows refused, 4 × 250 rows read.
    expect(small.host.stats.syncs).toBe(10);
  });

  test('a sheet larger than the read limit is read in part and named', async () => {
    const s = setup();
    await s.service.insertTables([seedTables()[0]]);
    s.host.userEdit('Sheet1', 'A2500', 'x');
    const state = await s.service.readAndValidate();
    expect(state.truncated).toEqual(['Sheet1']);
    expect(state.tables).toHaveLength(1);
  });
});

describe('odd workbooks', () => {
  test('a sheet with more merged areas than Excel returns is read without them; the tables still read', async () => {
    const s = setup();
    await s.service.insertTables([seedTables()[0]]);
    await s.host.asUser(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      for (let row = 1; row <= 600; row++) ws.getRange(`A${row}:B${row}`).merge(false);
    });
    s.host.resetStats();
    const state = await s.service.readAndValidate();
    expect(state.tables.map((t) => [t.sheet, t.indicators.length])).toEqual([[P1, 3]]);
    expect(s.host.stats.syncs).toBe(3);
  });

  test('a finding whose sheet was deleted since gives a clear message on go to and quick fix', async () => {
    const s = setup();
    const [name] = await s.service.insertTables([seedTables()[8]]);
    const s004 = (await s.service.readAndValidate()).findings.find((f) => f.rule === 'S004')!;
    await s.host.asUser(async (context) => context.workbook.worksheets.getItem(name).delete());
    for (const attempt of [s.service.goTo(s004), s.service.applyFix(s004)]) {
      expect(((await failure(attempt)) as HostError).hostMessage).toEqual({
        zh: `找不到工作表“${name}”或单元格，工作簿可能已修改`,
        en: `Sheet "${name}" or its cell was not found; the workbook may have changed`,
      });
    }
  });

  test('empty sheets, error values and random text give findings or nothing, never a failure', async () => {
    const s = setup({ sheets: ['空', '乱'] });
    s.host.userEdit('乱', 'A1:C3', [['项目编码', '#REF!', '一级指标'], [null, '=1/0', 'x'], [true, 3, '']]);
    const state = await s.service.readAndValidate();
    // 一级指标 without 二级指标 is no table: R001 says so, and R002 that the workbook has none.
    expect(state.tables).toEqual([]);
    expect(state.findings.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`)).toEqual(expect.arrayContaining(['R001 error 乱!C1']));
    expect(state.findings.length).toBeGreaterThan(0);
    expect(state.ready).toBe(false);
  });
});
