/**
 * The department sheet in the live findings (issue 10 item 2): D001/D002 and the department-wide
 * table's I-rules appear in the check panel's findings at the department sheet's cells, count for
 * "ready to send", follow the officer's edits, and go-to selects their cell. Preview host (strict
 * fake), sync counts as in syncs.test.ts.
 */
import { DepartmentInput } from '../core/department/model';
import { Finding } from '../core/finding';
import { createPreviewHost } from '../preview';
import { ManualTimers } from '../../test/support/manualTimers';
import { seedTables } from '../../test/support/seed';
import { WorkbookState, createWorkbookService } from './service';

const PART: DepartmentInput = {
  department: '802008乐亭县新寨镇人民政府',
  overallGoal: '',
  goals: [{ number: '一', text: '推进党的建设。' }, { number: '一', text: '推进乡村振兴战略。' }],
  measures: [{ number: '1', text: '深入学习。' }],
  table: {
    title: '部门整体绩效目标表',
    head: [['年度主要任务', '任务名称', '主要内容', '预算金额'], ['', '乡村振兴', '人居环境整治', '30.00']],
    indicators: [
      { level1: '产出指标', level2: '数量指标', level3: '整治村庄数', description: '完成人居环境整治的村庄数', value: '≥12个', basis: '' },
      { level1: '产出指标', level2: '质量指标', level3: '验收合格率', description: '整治验收合格的村庄占比', value: '95', basis: '' },
      { level1: '效益指标', level2: '社会效益指标', level3: '村容村貌', description: '村容村貌改善情况', value: '明显改善', basis: '' },
      { level1: '满意度指标', level2: '服务对象满意度指标', level3: '群众满意度', description: '受访群众满意的比例', value: '≥90%', basis: '' },
    ],
  },
};
const SHEET = '部门整体绩效目标';
/** The findings on the first department sheet inserted. */
const brief = (fs: readonly Finding[]) => fs.filter((f) => f.sheet === SHEET).map((f) => `${f.rule} ${f.severity} ${f.cell}`);

describe('the department sheet in live validation', () => {
  const host = createPreviewHost();
  const timers = new ManualTimers();
  const service = createWorkbookService({ run: host.run.bind(host), office: host.office, timers });
  let last: WorkbookState | undefined;
  let stop: () => Promise<void>;
  const settle = async () => {
    await host.settle();
    timers.fire();
    await service.idle();
  };

  beforeAll(async () => {
    stop = await service.start((s) => (last = s));
    await service.insertTables(seedTables().slice(0, 1));
    await settle();
  });
  afterAll(() => stop());

  test('inserted (2 syncs and 1 re-read), its findings join the tables’: D001, D002 and the table’s I009 (95 without its %) and I013, at its cells', async () => {
    host.resetStats();
    expect(await service.insertDepartment(PART)).toBe(SHEET);
    await settle();
    expect(host.stats.syncs).toBe(3);
    expect(brief(last!.findings)).toEqual(['D001 error B3', 'D002 error B5', 'I009 warning E13', 'I013 info E14']);
    expect(last!.ready).toBe(false);
    // The department sheet is no project table: no R001 for its indicator header, no table for it.
    expect(last!.findings.filter((f) => f.rule === 'R001')).toEqual([]);
    expect(last!.tables.map((t) => t.sheet)).not.toContain(SHEET);
  });

  test('the officer’s edits are re-checked: filling the overall goal and renumbering clears D001 and D002', async () => {
    host.userEdit(SHEET, 'B3', '2022年，坚持稳中求进。');
    host.userEdit(SHEET, 'B5', '二');
    await settle();
    expect(brief(last!.findings)).toEqual(['I009 warning E13', 'I013 info E14']);
  });

  test('go to a department finding selects its cell', async () => {
    const f = last!.findings.find((x) => x.sheet === SHEET)!;
    await service.goTo(f);
    expect(host.selection()).toEqual({ sheet: SHEET, address: 'E13' });
  });

  test('read back into the form as written, edits included (2 syncs); a second insert never replaces it', async () => {
    host.resetStats();
    const back = await service.readDepartment();
    expect(host.stats.syncs).toBe(2);
    expect(back).toEqual({ ...PART, overallGoal: '2022年，坚持稳中求进。', goals: [PART.goals[0], { number: '二', text: '推进乡村振兴战略。' }] });
    expect(await service.insertDepartment(back!)).toBe(`${SHEET} (2)`);
  });

  test('loaded into the form and rewritten in place (2 + 3 syncs): same sheet, new content, findings follow', async () => {
    host.resetStats();
    const loaded = (await service.loadDepartment())!;
    expect(host.stats.syncs).toBe(2);
    // The second sheet was inserted first in the workbook: it is the one found.
    expect(loaded.sheet).toBe(`${SHEET} (2)`);
    const edited: DepartmentInput = { ...loaded.part, goals: [...loaded.part.goals, { number: '三', text: '推进生态环保建设。' }], measures: [] };
    host.resetStats();
    expect(await service.rewriteDepartment(loaded.sheet, edited)).toBe(`${SHEET} (2)`);
    await settle();
    expect(host.stats.syncs).toBe(4);
    expect((await service.loadDepartment())!.part).toEqual(edited);
    // One goal row more, no measure row fewer (an empty one is written): the table moved down one row.
    // Every department sheet is checked; the rewritten one has one goal row more, so its table moved down one row.
    expect(brief(last!.findings)).toEqual(['I009 warning E13', 'I013 info E14']);
    expect(last!.findings.filter((f) => f.sheet === `${SHEET} (2)`).map((f) => `${f.rule} ${f.cell}`)).toEqual(['I009 E14', 'I013 E15']);
    expect(host.sheetNames().filter((n) => n.startsWith(SHEET))).toEqual([`${SHEET} (2)`, SHEET]);
  });

  test('a sheet no longer in our layout is not rewritten, with a message in both languages', async () => {
    host.userEdit(SHEET, 'A2', '我的部门');
    await settle();
    const part = (await service.readDepartment())!;
    const error = await service.rewriteDepartment(SHEET, part).then(
      () => undefined,
      (e: unknown) => e as { hostMessage: { zh: string; en: string } },
    );
    expect(error?.hostMessage.zh).toMatch(/^“部门整体绩效目标”已不是加载项写入的部门整体绩效目标表/);
    expect(error?.hostMessage.en).toMatch(/is no longer a department sheet the add-in wrote/);
    expect((await service.readDepartment())!.department).toBe(part.department);
  });
});
