/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { DepartmentInput } from '../../core/department/model';
import { DocumentPort } from '../documents';
import { I18nProvider, Language } from '../i18n';
import { DepartmentForm } from './DepartmentForm';

const port = (over: Partial<DocumentPort> = {}): DocumentPort => ({
  insertTables: jest.fn(),
  insertDepartment: jest.fn().mockResolvedValue('部门整体绩效目标'),
  readDepartment: jest.fn(),
  loadDepartment: jest.fn().mockResolvedValue(undefined),
  rewriteDepartment: jest.fn().mockResolvedValue('部门整体绩效目标'),
  canDownload: true,
  ...over,
});
const show = (documents: DocumentPort, language: Language = 'zh-CN') =>
  render(
    <I18nProvider initialLanguage={language}>
      <DepartmentForm documents={documents} />
    </I18nProvider>,
  );
const type = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const click = async (name: string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
};

describe('部门整体绩效目标 form', () => {
  it('fills department, overall goal, numbered goals and measures (lines added and removed) and inserts the sheet', async () => {
    const documents = port();
    show(documents);
    type('部门（编码+名称）', ' 802008乐亭县新寨镇人民政府 ');
    type(/^总体绩效目标/, '2022年，坚持稳中求进。');
    type('分项绩效目标 1 内容', '推进党的建设。');
    await click('添加分项目标');
    await click('添加分项目标');
    expect((screen.getByLabelText('分项绩效目标 3 序号') as HTMLInputElement).value).toBe('三');
    type('分项绩效目标 2 内容', '推进乡村振兴战略。');
    type('分项绩效目标 3 内容', '多余的一行');
    await click('分项绩效目标 删除第 3 行');
    type('工作保障措施 1 内容', '深入学习。');
    await click('添加保障措施');
    expect((screen.getByLabelText('工作保障措施 2 序号') as HTMLInputElement).value).toBe('2');
    await click('插入工作表');
    // The second measure line, numbered but empty, is not written.
    expect(documents.insertDepartment).toHaveBeenCalledWith({
      department: '802008乐亭县新寨镇人民政府',
      overallGoal: '2022年，坚持稳中求进。',
      goals: [{ number: '一', text: '推进党的建设。' }, { number: '二', text: '推进乡村振兴战略。' }],
      measures: [{ number: '1', text: '深入学习。' }],
    });
    expect(screen.getByText('已插入“部门整体绩效目标”')).toBeTruthy();
    // Inserted: it can now be rewritten in place.
    expect(screen.getByRole('button', { name: '改写此工作表' })).toBeTruthy();
  });

  it('asks for the overall goal before inserting', async () => {
    const documents = port();
    show(documents);
    await click('插入工作表');
    expect(documents.insertDepartment).not.toHaveBeenCalled();
    expect(screen.getByText('请填写总体绩效目标')).toBeTruthy();
  });

  it('loads the workbook’s department sheet, keeps its indicator table, and rewrites that sheet', async () => {
    const part: DepartmentInput = {
      department: '中共宁德市委党史和地方志研究室',
      overallGoal: '目标1:确保本室各人员工资及福利的发放;',
      goals: [{ number: '一', text: '保障志鉴地情工作。' }],
      measures: [],
      table: { title: '部门整体支出绩效目标表', head: [], indicators: [{ level1: '产出指标', level2: '数量指标', level3: '各类书籍审稿率', description: '', value: '1', basis: '' }] },
    };
    const documents = port({ loadDepartment: jest.fn().mockResolvedValue({ sheet: '部门整体绩效目标 (2)', part }) });
    show(documents);
    await click('载入工作簿中的部门整体绩效目标表');
    expect(screen.getByText('已载入“部门整体绩效目标 (2)”，修改后点“改写此工作表”')).toBeTruthy();
    expect((screen.getByLabelText('分项绩效目标 1 内容') as HTMLTextAreaElement).value).toBe('保障志鉴地情工作。');
    expect(screen.getByText('部门整体绩效目标表“部门整体支出绩效目标表”（1 项指标）随本表保留，请在工作表中修改指标。')).toBeTruthy();
    type('分项绩效目标 1 内容', '保障志鉴地情相关工作开展所需资金。');
    await click('改写此工作表');
    expect(documents.rewriteDepartment).toHaveBeenCalledWith('部门整体绩效目标 (2)', { ...part, goals: [{ number: '一', text: '保障志鉴地情相关工作开展所需资金。' }] });
    expect(screen.getByText('已改写“部门整体绩效目标”')).toBeTruthy();
  });

  it('says when the workbook has no department sheet, and shows a refusal to rewrite in the pane’s language', async () => {
    const refusal = { hostMessage: { zh: '“部门整体绩效目标”已不是加载项写入的部门整体绩效目标表', en: '“部门整体绩效目标” is no longer a department sheet the add-in wrote' } };
    const part: DepartmentInput = { department: 'x', overallGoal: 'y', goals: [], measures: [] };
    const documents = port({
      loadDepartment: jest.fn().mockResolvedValueOnce(undefined).mockResolvedValueOnce({ sheet: '部门整体绩效目标', part }),
      rewriteDepartment: jest.fn().mockRejectedValue(refusal),
    });
    show(documents, 'en');
    await click('Load the workbook’s department sheet');
    expect(screen.getByText('The workbook has no department sheet')).toBeTruthy();
    await click('Load the workbook’s department sheet');
    await click('Rewrite this sheet');
    expect(within(screen.getByTestId('department-form')).getByText(/is no longer a department sheet the add-in wrote/)).toBeTruthy();
  });
});
