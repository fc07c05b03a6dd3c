/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { readTargetTable } from '../../core/layout/reader';
import { writeTargetTable } from '../../core/layout/writer';
import { TargetTable } from '../../core/model';
import { validateWorkbook } from '../../core/rules';
import { DEFAULT_PROFILE } from '../../core/profile';
import { sheetToGrid } from '../../core/sheet';
import { buildSummary } from '../../core/summary';
import { seedTables } from '../../../test/support/seed';
import { I18nProvider, Language } from '../i18n';
import { WorkbookState } from '../port';
import { SummaryPanel } from './SummaryPanel';

/** The seed's ten tables as the workbook would read them (project 1's 预算数 changed to `total`), and their summary. */
function seedState(total?: string): WorkbookState {
  const tables = seedTables().map(
    (input, i) => readTargetTable(sheetToGrid(writeTargetTable(i === 0 && total ? { ...input, budget: { ...input.budget, total, fiscal: total } } : input)), `项目${i + 1}`) as TargetTable,
  );
  const findings = validateWorkbook(tables, DEFAULT_PROFILE);
  return { tables, findings, ready: false };
}
function seedSummary() {
  const { tables, findings } = seedState();
  return buildSummary(tables, findings);
}

function show(writeSummary: jest.Mock, language: Language = 'zh-CN') {
  render(
    <I18nProvider initialLanguage={language}>
      <SummaryPanel writeSummary={writeSummary} />
    </I18nProvider>,
  );
}

const amounts = () =>
  within(screen.getByTestId('summary-totals'))
    .getAllByRole('row')
    .map((r) => [...r.children].map((c) => c.textContent));

describe('SummaryPanel', () => {
  it('writes the summary sheet and shows the seed totals to two decimals', async () => {
    const writeSummary = jest.fn().mockResolvedValue({ sheet: '汇总', summary: seedSummary() });
    show(writeSummary);
    expect(screen.queryByTestId('summary-totals')).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '生成或更新汇总表' })));
    expect(writeSummary).toHaveBeenCalledTimes(1);
    expect(screen.getByText('已写入工作表“汇总”，共 10 个项目。')).toBeTruthy();
    expect(amounts()).toEqual([
      ['预算数', '291.61'],
      ['财政资金', '291.61'],
      ['其他资金', '0.00'],
      ['计划支出'],
      ['3月底', '72.91'],
      ['6月底', '144.81'],
      ['10月底', '216.72'],
      ['12月底', '288.61'],
    ]);
  });

  it('labels the totals in English', async () => {
    show(jest.fn().mockResolvedValue({ sheet: '汇总 (2)', summary: seedSummary() }), 'en');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create or update the summary' })));
    expect(screen.getByText('Written to sheet “汇总 (2)” (projects: 10).')).toBeTruthy();
    expect(amounts()[0]).toEqual(['Budget', '291.61']);
    expect(amounts()[7]).toEqual(['End of December', '288.61']);
  });

  it('shows the totals of the workbook as it is now, recomputed at every change, and says when the sheet’s counts are stale (issue 9, item 3)', () => {
    const writeSummary = jest.fn();
    const view = render(
      <I18nProvider initialLanguage="zh-CN">
        <SummaryPanel writeSummary={writeSummary} state={seedState()} />
      </I18nProvider>,
    );
    expect(amounts()[0]).toEqual(['预算数', '291.61']);
    // 预算数 2 → 3 on project 1: the pane follows without regenerating.
    view.rerender(
      <I18nProvider initialLanguage="zh-CN">
        <SummaryPanel writeSummary={writeSummary} state={{ ...seedState('3.00'), summarySheet: { name: '汇总', staleCounts: ['项目1'] } }} />
      </I18nProvider>,
    );
    expect(amounts()[0]).toEqual(['预算数', '292.61']);
    expect(screen.getByTestId('summary-stale').textContent).toBe('工作表“汇总”中以下项目的错误/警告数已过期：项目1。请重新生成汇总表。');
    expect(writeSummary).not.toHaveBeenCalled();
  });

  it('shows a failure as a message and keeps the button usable', async () => {
    show(jest.fn().mockRejectedValue(new Error('The workbook is protected.')));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '生成或更新汇总表' })));
    expect(screen.getByText('The workbook is protected.')).toBeTruthy();
    expect(screen.getByRole('button', { name: '生成或更新汇总表' }).hasAttribute('disabled')).toBe(false);
  });
});
