/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { Finding } from '../../core/finding';
import { I18nProvider, Language } from '../i18n';
import { FindingList, groupBySheet } from './FindingList';

const f = (rule: Finding['rule'], severity: Finding['severity'], sheet: string, cell: string, fix?: Finding['fix']): Finding => ({
  rule,
  severity,
  sheet,
  cell,
  message: `${rule}的中文说明`,
  message_en: `${rule} in English`,
  ...(fix ? { fix } : {}),
});

const S004 = f('S004', 'error', '项目9', 'E7', {
  description: '改为累计数：25%、50%、75%、100%',
  description_en: 'Make the shares cumulative: 25%, 50%, 75%, 100%',
  edits: [{ sheet: '项目9', cell: 'B7', value: 0.25 }],
});
// As the core sorts them: errors first, then by sheet.
const FINDINGS = [S004, f('A005', 'warning', '项目1', 'C5'), f('I010', 'warning', '项目6', 'F12'), f('I013', 'info', '项目9', 'F11')];

function show(findings: Finding[], language: Language = 'zh-CN') {
  const onGoTo = jest.fn();
  const onFix = jest.fn();
  render(
    <I18nProvider initialLanguage={language}>
      <FindingList findings={findings} onGoTo={onGoTo} onFix={onFix} />
    </I18nProvider>,
  );
  return { onGoTo, onFix };
}

describe('grouping by sheet', () => {
  it('puts sheets with errors first and keeps the core order otherwise', () => {
    expect(groupBySheet(FINDINGS).map((g) => [g.sheet, g.findings.map((x) => x.rule)])).toEqual([
      ['项目9', ['S004', 'I013']],
      ['项目1', ['A005']],
      ['项目6', ['I010']],
    ]);
  });
});

describe('FindingList', () => {
  it('shows each sheet with its counts and its findings in Chinese', () => {
    show(FINDINGS);
    const groups = screen.getAllByTestId('finding-group');
    expect(groups.map((g) => g.getAttribute('data-sheet'))).toEqual(['项目9', '项目1', '项目6']);
    const first = within(groups[0]);
    expect(first.getByRole('heading', { name: '项目9' })).toBeTruthy();
    expect(first.getByTestId('count-error').textContent).toBe('错误 1');
    expect(first.getByTestId('count-info').textContent).toBe('提示 1');
    expect(first.getByText('S004的中文说明')).toBeTruthy();
    expect(first.getByText('S004 · E7')).toBeTruthy();
  });

  it('goes to the cell of a clicked finding', () => {
    const { onGoTo } = show(FINDINGS);
    fireEvent.click(screen.getByRole('button', { name: 'A005的中文说明' }));
    expect(onGoTo).toHaveBeenCalledWith(FINDINGS[1]);
  });

  it('offers the quick fix only where the core has one', () => {
    const { onFix } = show(FINDINGS);
    const fixes = screen.getAllByRole('button', { name: /^快速修复/ });
    expect(fixes.map((b) => b.textContent)).toEqual(['快速修复：改为累计数：25%、50%、75%、100%']);
    fireEvent.click(fixes[0]);
    expect(onFix).toHaveBeenCalledWith(S004);
  });

  it('speaks English when asked', () => {
    show(FINDINGS, 'en');
    expect(screen.getByText('S004 in English')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Quick fix: Make the shares cumulative: 25%, 50%, 75%, 100%' })).toBeTruthy();
    expect(screen.getAllByTestId('count-warning')[1].textContent).toBe('Warnings 1');
  });
});
