/** The department-wide part (第一部分): its sheet layout read back by its labels, and rules D001/D002. */
import { DepartmentInput, splitNumber, numberedText } from '../../src/core/department/model';
import { checkDepartment } from '../../src/core/department/rules';
import { DEPARTMENT_SHEET, departmentToInput, readDepartmentSheet, writeDepartmentSheet } from '../../src/core/department/sheet';
import { Grid } from '../../src/core/grid';
import { departmentFromText } from '../../src/core/publishedDocument';
import { sheetToGrid } from '../../src/core/sheet';
import { seedText } from '../support/seed';

const part: DepartmentInput = {
  department: '802008乐亭县新寨镇人民政府',
  overallGoal: '2022年，坚持稳中求进。',
  goals: [{ number: '一', text: '推进党的建设。' }, { number: '二', text: '推进乡村振兴战略。' }],
  measures: [{ number: '一', text: '深入学习。' }],
};
const read = (grid: Grid) => readDepartmentSheet(grid, DEPARTMENT_SHEET)!;

describe('the department sheet', () => {
  it('is written in its layout and read back by its labels', () => {
    const sheet = writeDepartmentSheet(part);
    expect(sheet.values).toEqual([
      ['部门整体绩效目标', null, null, null, null],
      ['部门', '802008乐亭县新寨镇人民政府', null, null, null],
      ['总体绩效目标', '2022年，坚持稳中求进。', null, null, null],
      ['分项绩效目标', '一', '推进党的建设。', null, null],
      [null, '二', '推进乡村振兴战略。', null, null],
      ['工作保障措施', '一', '深入学习。', null, null],
    ]);
    expect(sheet.merges).toContainEqual({ top: 3, left: 0, bottom: 4, right: 0 });
    expect(departmentToInput(read(sheetToGrid(sheet)))).toEqual(part);
  });

  it('reads a block moved down and right, with rows added to the goals', () => {
    const g = sheetToGrid(writeDepartmentSheet(part));
    const values = [[], [], ...g.values.map((r) => [null, ...r])];
    values.splice(7, 0, [null, null, '三', '推进生态环保建设。']);
    const back = read({ values });
    expect(back.goals.map((x) => x.number)).toEqual(['一', '二', '三']);
    expect(back.cells.goals[2]).toEqual({ number: 'C8', text: 'D8' });
    expect(back.measures).toEqual(part.measures);
  });

  it('is no department sheet without its 总体绩效目标 and 分项绩效目标 labels', () => {
    expect(readDepartmentSheet({ values: [['项目编码', 'x']] }, 'S')).toBeUndefined();
  });

  it('comes from the seed text: overall goal, five 分项 goals, two measures', () => {
    const d = departmentFromText(seedText())!;
    expect(d.goals.map((g) => g.number)).toEqual(['一', '二', '三', '四', '五']);
    expect(d.measures).toHaveLength(2);
    expect(d.overallGoal.startsWith('2022年，坚持以习近平新时代中国特色社会主义思想为指导')).toBe(true);
  });
});

describe('numbers of paragraphs', () => {
  it.each([
    ['一、推进', { number: '一', text: '推进' }, '一、推进'],
    ['2.保障', { number: '2', text: '保障' }, '2.保障'],
    ['（三）落实', { number: '（三）', text: '落实' }, '（三）落实'],
    ['没有序号', { number: '', text: '没有序号' }, '没有序号'],
  ])('%s', (paragraph, item, back) => {
    expect(splitNumber(paragraph)).toEqual(item);
    expect(numberedText(item)).toBe(back);
  });
});

describe('rules D001, D002', () => {
  const findings = (p: DepartmentInput) => checkDepartment(read(sheetToGrid(writeDepartmentSheet(p)))).map((f) => `${f.rule} ${f.severity} ${f.cell} ${f.message}`);

  it('a complete part has no finding', () => {
    expect(findings(part)).toEqual([]);
  });
  it('D001: the overall goal is missing', () => {
    expect(findings({ ...part, overallGoal: '' })).toEqual(['D001 error B3 总体绩效目标未填写']);
  });
  it('D002: a goal without a number, a number used twice, a goal numbered twice', () => {
    const goals = [{ number: '一', text: 'a' }, { number: '', text: 'b' }, { number: '一', text: 'c' }, { number: '三', text: '三、d' }];
    expect(findings({ ...part, goals })).toEqual([
      'D002 error B5 第 2 项分项绩效目标没有序号',
      'D002 error B6 序号“一”重复（第 1 项已用）',
      'D002 error C7 第 4 项分项绩效目标的内容又以序号开头（序号只写在序号列）',
    ]);
  });
  it('D002: no 分项 goal at all', () => {
    expect(findings({ ...part, goals: [] })).toEqual(['D002 error A4 没有分项绩效目标']);
  });
});
