/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Finding } from '../../core/finding';
import { TargetTable } from '../../core/model';
import { I18nProvider } from '../i18n';
import { WorkbookState } from '../port';
import { CheckPanel } from './CheckPanel';

const S003: Finding = {
  rule: 'S003',
  severity: 'error',
  sheet: '项目1',
  cell: 'C7',
  message: '6月底累计支出计划20%低于3月底的25%：支出计划是累计数，不能减少',
  message_en: 'The 6月底 share 20% is lower than the 3月底 share 25%: the plan is cumulative and cannot go down',
};
const I013: Finding = { rule: 'I013', severity: 'info', sheet: '项目1', cell: 'F11', message: '效益指标只有定性描述', message_en: 'qualitative only' };
const S004: Finding = {
  rule: 'S004',
  severity: 'error',
  sheet: '项目9',
  cell: 'E7',
  message: '12月底累计支出计划应为100%，现为25%',
  message_en: 'The 12月底 cumulative share must be 100%, it is 25%',
  fix: { description: '改为累计数', description_en: 'Make cumulative', edits: [] },
};
// The panel only counts tables; their contents are the core's business.
const tables = (n: number) => Array.from({ length: n }, () => ({}) as TargetTable);

function show(state: WorkbookState | undefined, port: { goTo?: jest.Mock; applyFix?: jest.Mock; applyFixes?: jest.Mock } = {}) {
  const goTo = port.goTo ?? jest.fn().mockResolvedValue(undefined);
  const applyFix = port.applyFix ?? jest.fn().mockResolvedValue(undefined);
  const applyFixes = port.applyFixes ?? jest.fn().mockResolvedValue(0);
  const setHighlights = jest.fn().mockResolvedValue(undefined);
  const view = render(
    <I18nProvider initialLanguage="zh-CN">
      <CheckPanel state={state} goTo={goTo} applyFix={applyFix} applyFixes={applyFixes} setHighlights={setHighlights} />
    </I18nProvider>,
  );
  const update = (next: WorkbookState) =>
    view.rerender(
      <I18nProvider initialLanguage="zh-CN">
        <CheckPanel state={next} goTo={goTo} applyFix={applyFix} setHighlights={setHighlights} />
      </I18nProvider>,
    );
  return { goTo, applyFix, applyFixes, setHighlights, update };
}

/** An I010 finding on `sheet` whose fix writes `≥98%` into its cell. */
const i010 = (sheet: string, cell: string): Finding => ({
  rule: 'I010',
  severity: 'warning',
  sheet,
  cell,
  message: `满意度指标值“≥98”不是“≥N%”形式的门槛值（${sheet}）`,
  message_en: 'not a ≥N% threshold',
  fix: { description: '改为“≥98%”', description_en: 'Write ≥98%', edits: [{ sheet, cell, value: '≥98%' }] },
});

describe('CheckPanel', () => {
  it('waits for the first read of the workbook', () => {
    show(undefined);
    expect(screen.getByText('正在读取工作簿…')).toBeTruthy();
  });

  it('says when the workbook has no target table', () => {
    show({ tables: [], findings: [], ready: true });
    expect(screen.getByText('工作簿中还没有目标表。可在“新建目标表”中插入。')).toBeTruthy();
  });

  it('gives the verdict, the counts and the findings, and follows every new state', () => {
    const { update } = show({ tables: tables(10), findings: [S003, S004, I013], ready: false });
    expect(screen.getByText('不能报送')).toBeTruthy();
    expect(screen.getByText('已检查 10 张目标表')).toBeTruthy();
    expect(screen.getAllByTestId('finding').map((el) => el.getAttribute('data-rule'))).toEqual(['S003', 'I013', 'S004']);

    update({ tables: tables(10), findings: [I013], ready: true });
    expect(screen.getByText('可以报送')).toBeTruthy();
    expect(screen.getAllByTestId('finding').map((el) => el.getAttribute('data-rule'))).toEqual(['I013']);
  });

  it('goes to a finding and applies its quick fix through the port', async () => {
    const { goTo, applyFix } = show({ tables: tables(1), findings: [S004], ready: false });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: S004.message })));
    expect(goTo).toHaveBeenCalledWith(S004);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '快速修复：改为累计数' })));
    expect(applyFix).toHaveBeenCalledWith(S004);
  });

  it('narrows the list with the 错误/警告/提示 badges (issue 9, item 12)', () => {
    show({ tables: tables(10), findings: [S003, S004, I013, i010('项目2', 'F12')], ready: false });
    expect(screen.getAllByTestId('finding')).toHaveLength(4);
    fireEvent.click(screen.getByTestId('filter-error'));
    expect(screen.getAllByTestId('finding').map((el) => el.getAttribute('data-rule'))).toEqual(['S003', 'S004']);
    expect(screen.getByTestId('filter-status').textContent).toBe('已按类别筛选：显示 2 条，共 4 条');
    fireEvent.click(screen.getByTestId('filter-info'));
    expect(screen.getAllByTestId('finding').map((el) => el.getAttribute('data-rule'))).toEqual(['S003', 'I013', 'S004']);
    fireEvent.click(screen.getByTestId('filter-error'));
    fireEvent.click(screen.getByTestId('filter-info'));
    expect(screen.getAllByTestId('finding')).toHaveLength(4);
  });

  it('groups by rule and applies a rule’s quick fix to all its findings in one call, after saying how many cells change', async () => {
    const findings = [S003, i010('项目1', 'F12'), i010('项目2', 'F12'), i010('项目3', 'F13')];
    const { applyFixes, applyFix } = show({ tables: tables(3), findings, ready: false }, { applyFixes: jest.fn().mockResolvedValue(3) });
    fireEvent.click(screen.getByRole('radio', { name: '按规则' }));
    expect(screen.getAllByTestId('rule-group').map((el) => el.getAttribute('data-rule'))).toEqual(['S003', 'I010']);
    fireEvent.click(screen.getByRole('button', { name: '全部快速修复（3 条）' }));
    expect(screen.getByTestId('fix-all-confirm').textContent).toContain('将修改 3 个单元格（3 张工作表）。');
    expect(applyFixes).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认修复' })));
    expect(applyFixes).toHaveBeenCalledTimes(1);
    expect(applyFixes).toHaveBeenCalledWith(findings.slice(1));
    expect(applyFix).not.toHaveBeenCalled();
    expect(screen.getByText('已修改 3 个单元格。')).toBeTruthy();
  });

  it('says when the last re-read failed and which sheets were read in part', () => {
    show({
      tables: tables(2),
      findings: [S004],
      ready: false,
      truncated: ['大表'],
      message: { zh: '读取工作簿失败，显示的是上一次的结果', en: 'Reading the workbook failed; showing the last result' },
    });
    expect(screen.getByText('读取工作簿失败，显示的是上一次的结果')).toBeTruthy();
    expect(screen.getByText('以下工作表太大，只检查了前面的部分：大表')).toBeTruthy();
  });

  it('offers to highlight the findings in the sheet, off by default, and highlights the current ones when asked', async () => {
    const { setHighlights } = show({ tables: tables(1), findings: [S003, I013], ready: false });
    const highlight = screen.getByRole('switch', { name: '在表格中标出问题单元格' }) as HTMLInputElement;
    expect(highlight.checked).toBe(false);
    expect(setHighlights).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(highlight));
    expect(setHighlights).toHaveBeenCalledWith(true, [S003, I013]);
  });

  it('shows an error of the workbook as a message', async () => {
    show({ tables: tables(1), findings: [S004], ready: false }, { applyFix: jest.fn().mockRejectedValue(new Error('工作表“项目9”已被删除')) });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '快速修复：改为累计数' })));
    expect(screen.getByText('操作失败')).toBeTruthy();
    expect(screen.getByText('工作表“项目9”已被删除')).toBeTruthy();
    expect(screen.getByText('不能报送')).toBeTruthy();
  });
});
