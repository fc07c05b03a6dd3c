import fc from 'fast-check';
import { documentToGrids } from '../../src/core/documentText';
import { CellValue, Grid, parseA1 } from '../../src/core/grid';
import { tableToInput } from '../../src/core/layout/input';
import { readTargetTable } from '../../src/core/layout/reader';
import { writeTargetTable } from '../../src/core/layout/writer';
import { TableInput } from '../../src/core/model';
import { formatIndicatorValue } from '../../src/core/parse';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { validateTable } from '../../src/core/rules';
import { sheetToGrid } from '../../src/core/sheet';
import { canonical, seedTables, seedText } from '../support/seed';

const roundTrip = (input: TableInput) => {
  const table = readTargetTable(sheetToGrid(writeTargetTable(input)), 'S');
  if (!table) throw new Error('not read as a target table');
  return table;
};

const grid = (values: CellValue[][], merges: Grid['merges'] = []): Grid => ({ values, merges });

describe('writer: the canonical layout of SPEC §3', () => {
  const sheet = writeTargetTable(seedTables()[0]);
  const at = (address: string) => {
    const { row, col } = parseA1(address);
    return { value: sheet.values[row][col], format: sheet.numberFormats[row][col] };
  };
  it('puts labels and values in their cells', () => {
    expect(at('A1').value).toBe('1.2022年人大之家工作经费绩效目标表');
    expect(at('A2').value).toBe('802008乐亭县新寨镇人民政府');
    expect(at('G2').value).toBe('单位：万元');
    expect([at('A3').value, at('B3').value, at('D3').value, at('E3').value]).toEqual(['项目编码', '13022522P000X4410003G', '项目名称', '2022年人大之家工作经费']);
    expect([at('B4').value, at('C4').value, at('D4').value, at('E4').value, at('F4').value, at('G4').value]).toEqual(['预算数', 2, '其中：财政资金', 2, '其他资金', null]);
    expect(at('C4').format).toBe('0.00');
    expect(at('G4').format).toBe('0.00');
    expect([at('B6').value, at('C6').value, at('D6').value, at('E6').value]).toEqual(['3月底', '6月底', '10月底', '12月底']);
    expect([at('B7').value, at('C7').value, at('D7').value, at('E7').value]).toEqual([0.25, 0.5, 0.75, 1]);
    expect(at('B7').format).toBe('0%');
    expect(at('B8').value).toBe('1.保障工作正常运转\n2.提高服务对象满意度\n3.资金及时拨付');
    expect(['A9', 'B9', 'C9', 'D9', 'F9', 'G9'].map((a) => at(a).value)).toEqual(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据']);
    expect(at('F12').value).toBe('≥95百分比');
  });
  it('merges, dropdowns, widths, print set-up and the first input cell', () => {
    const merged = sheet.merges.map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`);
    expect(merged).toEqual(expect.arrayContaining(['0,0:0,6', '1,0:1,4', '2,1:2,2', '2,4:2,6', '3,0:4,0', '4,2:4,6', '5,0:6,0', '7,1:7,6', '8,3:8,4', '9,3:9,4']));
    expect(sheet.validations.map((v) => v.list[0])).toEqual(['产出指标', '数量指标', '计划标准']);
    expect(sheet.validations[0].range).toMatchObject({ top: 9, left: 0 });
    expect(sheet.columnWidths).toHaveLength(7);
    expect(sheet.print).toEqual({ paper: 'A4', orientation: 'portrait', fitToPagesWide: 1 });
    expect(sheet.select).toBe('B3');
  });
  it('writes user text with the text format, so `=…` never becomes a formula', () => {
    const s = writeTargetTable({ ...seedTables()[0], name: '=HYPERLINK("x")' });
    expect(s.values[2][4]).toBe('=HYPERLINK("x")');
    expect(s.numberFormats[2][4]).toBe('@');
    expect(s.formulas).toBeUndefined();
  });
});

describe('write → read is the identity', () => {
  it.each(seedTables().map((t, i) => [i + 1, t] as const))('seed table %i, standard layout', (_, input) => {
    expect(tableToInput(roundTrip(input))).toEqual({ ...canonical(input), layout: 'standard' });
  });
  it.each(seedTables().map((t, i) => [i + 1, t] as const))('seed table %i, provincial layout', (_, input) => {
    const table = roundTrip({ ...input, layout: 'provincial' });
    expect(table.layout).toBe('provincial');
    expect(table.indicators.map((i) => i.value.value)).toEqual(roundTrip(input).indicators.map((i) => i.value.value));
    const again = tableToInput(roundTrip(tableToInput(table)));
    expect(again).toEqual(tableToInput(table));
  });
  it('keeps every field with its cell address', () => {
    const t = roundTrip(seedTables()[8]);
    expect(t.code.cell).toBe('B3');
    expect(t.name.cell).toBe('E3');
    expect([t.budget.total.cell, t.budget.fiscal.cell, t.budget.other.cell]).toEqual(['C4', 'E4', 'G4']);
    expect(t.fundUse.cell).toBe('C5');
    expect(t.spendingPlan.map((p) => p.percent.cell)).toEqual(['B7', 'C7', 'D7', 'E7']);
    expect(t.spendingPlan.map((p) => p.form)).toEqual(Array(4).fill('percent-number'));
    expect(t.goals.cell).toBe('B8');
    expect(t.indicators.map((i) => i.value.cell)).toEqual(['F10', 'F11', 'F12']);
    expect(t.labels.indicatorHeader).toBe('A9');
    expect(t.year).toBe(2022);
    expect(t.titleName).toBe('2022年新中国成立前老党员生活补贴');
  });

  const text = fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.replace(/\s/g, 'x'));
  const amount = fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 100).toFixed(2));
  const percent = fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`);
  const indicator = fc.record({
    level1: fc.constantFrom('产出指标', '效益指标', '满意度指标', '成本指标'),
    level2: fc.constantFrom('数量指标', '社会效益指标', '服务对象满意度指标'),
    level3: text,
    description: text,
    value: fc.constantFrom('≥95%', '8人', '及时化解', '=100%', '2022年12月底前'),
    basis: fc.constantFrom('计划标准', '', '行业标准'),
  });
  const table = fc.record({
    layout: fc.constant('standard' as const),
    title: text.map((t) => `${t}绩效目标表`),
    department: text,
    code: text,
    name: text,
    budget: fc.record({ total: amount, fiscal: amount, other: fc.oneof(amount, fc.constant('')) }),
    fundUse: text,
    spendingPlan: fc.tuple(percent, percent, percent, percent),
    goals: fc.array(text, { minLength: 1, maxLength: 4 }),
    indicators: fc.array(indicator, { minLength: 1, maxLength: 12 }),
  });
  const provincialIndicator = fc.oneof(
    fc.record({
      level1: fc.constantFrom('产出指标', '效益指标', '满意度指标'),
      level2: fc.constantFrom('数量指标', '社会效益指标', '服务对象满意度指标'),
      level3: text,
      description: text,
      valueType: fc.constant('定量'),
      operator: fc.constantFrom('≥', '≤', '=', ''),
      value: fc.integer({ min: 0, max: 100_000 }).map(String),
      unit: fc.constantFrom('%', '人', '个', ''),
      basis: fc.constantFrom('计划标准', '', '历史标准'),
    }),
    fc.record({
      level1: fc.constantFrom('效益指标'),
      level2: fc.constantFrom('社会效益指标'),
      level3: text,
      description: text,
      valueType: fc.constant('定性'),
      operator: fc.constant(''),
      value: text,
      unit: fc.constant(''),
      basis: fc.constant('其他'),
    }),
  );
  it('on generated tables in the provincial layout (property)', () => {
    fc.assert(
      fc.property(table, fc.array(provincialIndicator, { minLength: 1, maxLength: 10 }), (base, indicators) => {
        const input = { ...base, layout: 'provincial' as const, indicators };
        fc.pre(![input.code, input.name, input.fundUse, input.department, ...input.goals].some((t) => /^\d|项目|预算|资金|一级指标|绩效|单位|月底/.test(t)));
        expect(tableToInput(roundTrip(input))).toEqual(canonical(input));
      }),
      { numRuns: 150 },
    );
  });

  it('on generated tables (property)', () => {
    fc.assert(
      fc.property(table, (input) => {
        // Text that looks like a label or is numbered like a goal is not what this property is about.
        fc.pre(![input.code, input.name, input.fundUse, input.department, ...input.goals].some((t) => /^\d|项目|预算|资金|一级指标|绩效|单位|月底/.test(t)));
        expect(tableToInput(roundTrip(input))).toEqual(canonical(input));
      }),
      { numRuns: 200 },
    );
  });
});

describe('reader: label-anchored (SPEC §3)', () => {
  const seedGrid = () => sheetToGrid(writeTargetTable(seedTables()[2]));

  it('reads a block moved down and right', () => {
    const g = seedGrid();
    const moved: Grid = {
      values: [[], [], [], ...g.values.map((row) => [null, null, ...row])],
      formats: [[], [], [], ...g.formats!.map((row) => [null, null, ...row])],
      merges: g.merges!.map((m) => ({ top: m.top + 3, bottom: m.bottom + 3, left: m.left + 2, right: m.right + 2 })),
    };
    const t = readTargetTable(moved, 'S')!;
    expect(t.code.cell).toBe('D6');
    expect(t.budget.total.cell).toBe('E7');
    expect(t.spendingPlan[3].percent.cell).toBe('G10');
    expect(tableToInput(t)).toEqual(tableToInput(readTargetTable(g, 'S')!));
  });

  it('reads rows the user inserted in the head and indicator rows added below', () => {
    const g = seedGrid();
    const values = g.values.map((r) => [...r]);
    values.splice(5, 0, ['备注', '这一行是用户插入的']);
    values.push(['产出指标', '时效指标', '完成时间', '按时完成', null, '2022年12月底前', '计划标准']);
    const t = readTargetTable({ values }, 'S')!;
    expect(t.spendingPlan.map((p) => p.percent.cell)).toEqual(['B8', 'C8', 'D8', 'E8']);
    expect(t.spendingPlan.map((p) => p.form)).toEqual(Array(4).fill('points-number'));
    expect(t.indicators).toHaveLength(4);
    expect(t.indicators[3].value.value).toEqual({ kind: 'deadline', year: 2022, month: 12, day: null, operator: '≤' });
  });

  it('reads title, department and unit when the officer inserted blank rows between them and 项目编码', () => {
    const g = seedGrid();
    const insert = <T>(rows: T[][], at: number, n: number): T[][] => [...rows.slice(0, at), ...Array.from({ length: n }, () => []), ...rows.slice(at)];
    const shift = (at: number, n: number) => g.merges!.map((m) => (m.top >= at ? { ...m, top: m.top + n, bottom: m.bottom + n } : m));
    for (const [at, n] of [[1, 1], [2, 1], [2, 2]]) {
      const t = readTargetTable({ values: insert(g.values, at, n), formats: insert(g.formats!, at, n), merges: shift(at, n) }, 'S')!;
      expect([t.title.text, t.department.text, t.unit.text]).toEqual(['3.2022年村干部养老保险绩效目标表', '802008乐亭县新寨镇人民政府', '单位：万元']);
      expect(t.department.cell).toBe(at === 1 ? 'A3' : 'A2');
      expect(t.code.cell).toBe(`B${3 + n}`);
    }
  });

  it('carries a merged 一级指标 down its rows', () => {
    const t = readTargetTable(
      grid(
        [
          ['项目编码', 'X'],
          ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
          ['产出指标', '数量指标', '人数', '受助人数', '8人', '计划标准'],
          [null, '质量指标', '合格率', '合格率', '100%', '计划标准'],
          [null, null, '达标率', '达标率', '≥90%', '计划标准'],
          [null, null, null, null, null, null],
          ['满意度指标', '服务对象满意度指标', '满意度', '满意度', '≥95%', '计划标准'],
        ],
        [{ top: 2, left: 0, bottom: 4, right: 0 }],
      ),
      'S',
    )!;
    expect(t.indicators.map((i) => [i.level1.text, i.level1Carried, i.level2.text, i.level2Carried])).toEqual([
      ['产出指标', false, '数量指标', false],
      ['产出指标', true, '质量指标', false],
      ['产出指标', true, '质量指标', true],
    ]);
    expect(t.indicators[1].level1.cell).toBe('A4');
  });

  it('matches labels with spaces, full-width characters and colon variants', () => {
    const t = readTargetTable(
      grid([
        ['项 目 编 码', 'C1'],
        ['预算数', '１，４３０．１０', '其中:财政    资金', 1000, '其他资金', '430.10'],
        // An indicator header is 一级指标 with 二级指标 and a value column (SPEC §3a).
        ['一级指标', '二级指标', '指标值'],
      ]),
      'S',
    )!;
    expect(t.budget.total.value?.toString()).toBe('1430.1');
    expect(t.budget.fiscal.value?.toString()).toBe('1000');
    expect(t.budget.other.value?.toString()).toBe('430.1');
  });

  it('reads the provincial block by its header labels, in any column order', () => {
    const t = readTargetTable(
      grid([
        ['项目编码', 'C1'],
        ['一级指标', '二级指标', '三级指标', '指标值类型', '计算符号', '指标值', '计量单位', '指标值确定依据', '权重'],
        ['满意度指标', '服务对象满意度指标', '满意度', '定量', '≥', 95, '%', '行业标准', 10],
        ['效益指标', '社会效益指标', '稳定', '定性', null, '明显提升', null, '其他', 10],
      ]),
      'S',
    )!;
    expect(t.layout).toBe('provincial');
    expect(t.indicators[0].value.value).toMatchObject({ kind: 'quantitative', operator: '≥', unit: '%' });
    expect(t.indicators[0].value.cell).toBe('F3');
    expect(t.indicators[1].value.value).toEqual({ kind: 'qualitative', text: '明显提升' });
    // This block has no 指标解释 column: nothing is read from elsewhere, and I007 has nothing to ask for.
    expect(t.indicatorColumns.description).toBeUndefined();
    expect(t.indicators[0].description).toMatchObject({ text: '', cell: 'A2' });
    expect(validateTable(t, DEFAULT_PROFILE).filter((f) => f.rule === 'I007')).toEqual([]);
  });

  it('reads a 指标值 Excel stores as a %-formatted number (typed 98%) as the percentage shown', () => {
    const header = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'];
    const row = ['满意度指标', '服务对象满意度指标', '满意度', '受助对象满意度', 0.98, '计划标准'];
    const standard = readTargetTable({ values: [['项目编码', 'X'], header, row], formats: [[], [], [null, null, null, null, '0%']] }, 'S')!;
    expect(standard.indicators[0].value).toMatchObject({ cell: 'E3', text: '98%', value: { kind: 'quantitative', operator: null, unit: '%' } });
    const i010 = validateTable(standard, DEFAULT_PROFILE).find((f) => f.rule === 'I010')!;
    expect(i010.fix?.edits).toEqual([{ sheet: 'S', cell: 'E3', value: '≥98%' }]);

    const provincial = readTargetTable(
      {
        values: [['项目编码', 'X'], ['一级指标', '二级指标', '三级指标', '计算符号', '指标值', '计量单位'], ['满意度指标', '服务对象满意度指标', '满意度', '≥', 0.98, '%']],
        formats: [[], [], [null, null, null, null, '0%']],
      },
      'S',
    )!;
    expect(provincial.indicators[0].value.value).toMatchObject({ kind: 'quantitative', operator: '≥', unit: '%' });
    expect(formatIndicatorValue(provincial.indicators[0].value.value!)).toBe('≥98%');
  });

  it('ignores sheets without 项目编码 and 一级指标', () => {
    expect(readTargetTable(grid([['项目编码', 'X']]), 'S')).toBeUndefined();
    expect(readTargetTable(grid([['一级指标']]), 'S')).toBeUndefined();
    expect(readTargetTable(grid([]), 'S')).toBeUndefined();
  });

  it('never throws on arbitrary grids (property)', () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.double(),
      fc.boolean(),
      fc.string(),
      fc.constantFrom('项目编码', '一级指标', '预算数', '3月底', '12月底', '#REF!', '资金支出计划（%）', '指标值', '计算符号', '绩效目标'),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 25 }), (values) => {
        readTargetTable({ values, merges: [{ top: 1, left: 0, bottom: 3, right: 0 }] }, 'S');
      }),
      { numRuns: 500 },
    );
  });
});

describe('document text import', () => {
  it('finds the ten tables of the seed document, the same as its JSON', () => {
    const docs = documentToGrids(seedText());
    expect(docs.map((d) => d.title)).toHaveLength(10);
    const fromText = docs.map((d) => tableToInput(readTargetTable(d.grid, d.title)!));
    expect(fromText).toEqual(seedTables().map((t) => ({ ...canonical(t), layout: 'standard' })));
  });
});
