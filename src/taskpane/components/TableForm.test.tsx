/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { readTargetTable } from '../../core/layout/reader';
import { writeTargetTable } from '../../core/layout/writer';
import { TableInput, TargetTable } from '../../core/model';
import { DEFAULT_PROFILE } from '../../core/profile';
import { sheetToGrid } from '../../core/sheet';
import { seedTables } from '../../../test/support/seed';
import { I18nProvider } from '../i18n';
import { TableForm } from './TableForm';

function show(insertTables = jest.fn().mockResolvedValue(['新表']), tables: TargetTable[] = []) {
  render(
    <I18nProvider initialLanguage="zh-CN">
      <TableForm insertTables={insertTables} profile={DEFAULT_PROFILE} tables={tables} />
    </I18nProvider>,
  );
  return insertTables;
}

const type = (label: string, value: string, within_: HTMLElement = document.body) =>
  fireEvent.change(within(within_).getByLabelText(label), { target: { value } });

function choose(label: string, option: string, row: HTMLElement) {
  fireEvent.click(within(row).getByRole('combobox', { name: label }));
  fireEvent.click(screen.getByRole('option', { name: option }));
}

const row = (n: number) => screen.getByTestId(`indicator-row-${n}`);

function fillIndicator(n: number, level1: string | undefined, level2: string, level3: string, description: string, value: string, basis: string) {
  const r = row(n);
  if (level1) choose('一级指标', level1, r);
  choose('二级指标', level2, r);
  type('三级指标', level3, r);
  type('绩效指标描述', description, r);
  type('指标值', value, r);
  choose('指标值确定依据', basis, r);
}

function fillGoodTable() {
  type('项目编码', '13022522P000X4410099Z');
  type('项目名称', '2022年村级道路养护经费');
  type('预算数（万元）', '12.50');
  type('其中：财政资金', '12.50');
  type('资金用途', '村级道路日常养护');
  ['25', '50', '75', '100'].forEach((v, i) => type(['3月底', '6月底', '10月底', '12月底'][i], v));
  type('绩效目标（每行一条）', '道路通行顺畅\n道路完好率保持在95%以上');
  fillIndicator(1, undefined, '数量指标', '养护里程', '全年养护村级道路', '≥12公里', '计划标准');
  fillIndicator(2, undefined, '社会效益指标', '道路完好率', '养护后道路完好', '≥95%', '历史标准');
  fillIndicator(3, undefined, '服务对象满意度指标', '群众满意度', '沿线群众对养护的满意程度', '≥95%', '行业标准');
}

describe('TableForm', () => {
  it('starts with a row for each required 一级指标 and shows no finding before anything is typed', () => {
    show();
    expect(['产出指标', '效益指标', '满意度指标'].map((l, i) => within(row(i + 1)).getByRole('combobox', { name: '一级指标' }).textContent)).toEqual([
      '产出指标',
      '效益指标',
      '满意度指标',
    ]);
    expect(screen.queryByText('缺少项目编码')).toBeNull();
    expect(screen.getByTestId('form-status').textContent).toBe('填写后在此显示检查结果。');
  });

  it('checks a field as it is filled, with the core’s messages', () => {
    show();
    type('3月底', '25');
    type('6月底', '20');
    expect(screen.getByText('6月底累计支出计划20%低于3月底的25%：支出计划是累计数，不能减少')).toBeTruthy();
    type('6月底', '50');
    expect(screen.queryByText(/低于3月底/)).toBeNull();
    type('项目名称', '道路');
    type('项目名称', '');
    expect(screen.getByText('缺少项目名称')).toBeTruthy();
  });

  it('offers only the 二级指标 of the chosen 一级指标 and clears one that no longer fits', () => {
    show();
    const r = row(1);
    fireEvent.click(within(r).getByRole('combobox', { name: '二级指标' }));
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['数量指标', '质量指标', '时效指标', '成本指标']);
    fireEvent.click(screen.getByRole('option', { name: '质量指标' }));
    choose('一级指标', '效益指标', r);
    expect(within(r).getByRole('combobox', { name: '二级指标' }).textContent).toBe('请选择');
  });

  it('adds and removes indicator rows', () => {
    show();
    fireEvent.click(screen.getByRole('button', { name: '添加指标' }));
    expect(screen.getByTestId('indicator-row-4')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '删除指标 1' }));
    expect(screen.queryByTestId('indicator-row-4')).toBeNull();
    expect(within(row(1)).getByRole('combobox', { name: '一级指标' }).textContent).toBe('效益指标');
  });

  it('inserts a complete table through the port, with the workbook department filled in', async () => {
    const workbook = seedTables().slice(0, 2).map((t, i) => readTargetTable(sheetToGrid(writeTargetTable(t)), `项目${i + 1}`)!);
    const insertTables = show(jest.fn().mockResolvedValue(['2022年村级道路养护经费']), workbook);
    expect((screen.getByLabelText('部门（编码+名称）') as HTMLInputElement).value).toBe('802008乐亭县新寨镇人民政府');
    fillGoodTable();
    expect(screen.getByTestId('form-status').textContent).toBe('没有发现问题');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '插入目标表' })));
    const [[tables]] = insertTables.mock.calls as [[TableInput[]]];
    expect(tables).toEqual([
      {
        layout: 'standard',
        department: '802008乐亭县新寨镇人民政府',
        code: '13022522P000X4410099Z',
        name: '2022年村级道路养护经费',
        budget: { total: '12.50', fiscal: '12.50', other: '' },
        fundUse: '村级道路日常养护',
        spendingPlan: ['25', '50', '75', '100'],
        goals: ['道路通行顺畅', '道路完好率保持在95%以上'],
        indicators: [
          { level1: '产出指标', level2: '数量指标', level3: '养护里程', description: '全年养护村级道路', value: '≥12公里', basis: '计划标准' },
          { level1: '效益指标', level2: '社会效益指标', level3: '道路完好率', description: '养护后道路完好', value: '≥95%', basis: '历史标准' },
          { level1: '满意度指标', level2: '服务对象满意度指标', level3: '群众满意度', description: '沿线群众对养护的满意程度', value: '≥95%', basis: '行业标准' },
        ],
      },
    ]);
    expect(screen.getByText('已插入工作表：2022年村级道路养护经费')).toBeTruthy();
    // Ready for the next table: emptied, the department kept.
    expect((screen.getByLabelText('项目编码') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('部门（编码+名称）') as HTMLInputElement).value).toBe('802008乐亭县新寨镇人民政府');
  });

  it('flags a duplicate 项目编码 before inserting', () => {
    const workbook = seedTables().slice(0, 1).map((t) => readTargetTable(sheetToGrid(writeTargetTable(t)), '项目1')!);
    show(undefined, workbook);
    type('项目编码', '13022522P000X4410003G');
    expect(screen.getByText(/13022522P000X4410003G/)).toBeTruthy();
  });

  it('inserts nothing from an empty form: it asks for a name (issue 9, item 5)', async () => {
    const insertTables = show();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '插入目标表' })));
    expect(insertTables).not.toHaveBeenCalled();
    expect(screen.getByText('请至少填写项目名称再插入')).toBeTruthy();
    type('项目名称', '道路');
    expect(screen.queryByText('请至少填写项目名称再插入')).toBeNull();
  });

  it('after an insert, counts nothing on the reset form, and keeps each insert’s message', async () => {
    const insertTables = show(jest.fn().mockResolvedValueOnce(['表一']).mockResolvedValueOnce(['表二']));
    type('项目名称', '表一');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '插入目标表' })));
    expect(screen.getByTestId('form-status').textContent).toBe('填写后在此显示检查结果。');
    type('项目名称', '表二');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '插入目标表' })));
    expect(insertTables).toHaveBeenCalledTimes(2);
    expect(screen.getAllByText(/^已插入工作表：/).map((e) => e.textContent)).toEqual(['已插入工作表：表二', '已插入工作表：表一']);
  });

  it('says one thing per plan box, under the row of four boxes (issue 9, item 4)', () => {
    show();
    ['25', '50', '75', '110'].forEach((v, i) => type(['3月底', '6月底', '10月底', '12月底'][i], v));
    const messages = within(screen.getByTestId('plan-messages')).getAllByRole('listitem').map((li) => li.textContent);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^12月底/);
    // The box itself is only marked: no message inside the narrow column.
    const box = screen.getByLabelText('12月底');
    expect(box.closest('[class*="fui-Field"]')?.querySelector('[class*="fui-Field__validationMessage"]')).toBeNull();
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows every finding when insert is pressed, inserts anyway and shows a port error as a message', async () => {
    const insertTables = show(jest.fn().mockRejectedValue(new Error('工作簿受保护，不能添加工作表')));
    type('项目名称', '道路');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '插入目标表' })));
    expect(screen.getByText('缺少项目编码')).toBeTruthy();
    expect(screen.getByText('缺少绩效目标：请至少填写一条，每行一条')).toBeTruthy();
    expect(insertTables).toHaveBeenCalledTimes(1);
    expect(screen.getByText('工作簿受保护，不能添加工作表')).toBeTruthy();
  });

  it('chooses the provincial layout', async () => {
    const insertTables = show();
    type('项目名称', '道路');
    fireEvent.click(screen.getByRole('radio', { name: '省级（指标值分列）' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '插入目标表' })));
    expect((insertTables.mock.calls[0][0] as TableInput[])[0].layout).toBe('provincial');
  });
});
