/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { Finding } from '../../core/finding';
import { I18nProvider } from '../i18n';
import { IndicatorRow, indicatorKey } from '../tableForm';
import { IndicatorRowEditor } from './IndicatorRowEditor';

const ROW: IndicatorRow = { id: 7, level1: '满意度指标', level2: '', level3: '群众满意度', description: '', value: '≥98', basis: '' };
const I010: Finding = {
  rule: 'I010',
  severity: 'warning',
  sheet: '[form]',
  cell: 'F10',
  message: '满意度指标值“≥98”不是“≥N%”的形式，建议写为“≥98%”',
  message_en: 'The satisfaction value "≥98" is not of the form "≥ N%"; suggested: "≥98%"',
};

function show(row: IndicatorRow = ROW, findings: Record<string, Finding[]> = {}) {
  const onChange = jest.fn();
  const onRemove = jest.fn();
  render(
    <I18nProvider initialLanguage="zh-CN">
      <IndicatorRowEditor row={row} position={2} findings={(key) => findings[key]} onChange={onChange} onRemove={onRemove} />
    </I18nProvider>,
  );
  return { onChange, onRemove };
}

describe('IndicatorRowEditor', () => {
  it('reports each field change with the row id', () => {
    const { onChange } = show();
    fireEvent.change(screen.getByLabelText('绩效指标描述'), { target: { value: '群众对服务的满意程度' } });
    fireEvent.click(screen.getByRole('combobox', { name: '二级指标' }));
    fireEvent.click(screen.getByRole('option', { name: '服务对象满意度指标' }));
    expect(onChange.mock.calls).toEqual([
      [7, 'description', '群众对服务的满意程度'],
      [7, 'level2', '服务对象满意度指标'],
    ]);
  });

  it('keeps 二级指标 closed until a 一级指标 is chosen', () => {
    show({ ...ROW, level1: '' });
    expect(screen.getByRole('combobox', { name: '二级指标' }).textContent).toBe('先选一级指标');
  });

  it('offers exactly the 一体化 system\'s five 指标值确定依据', () => {
    show();
    fireEvent.click(screen.getByRole('combobox', { name: '指标值确定依据' }));
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['计划标准', '行业标准', '历史标准', '预算支出标准', '其他标准']);
  });

  it('shows the findings of a field next to it', () => {
    show(ROW, { [indicatorKey(7, 'value')]: [I010] });
    expect(screen.getByText(I010.message)).toBeTruthy();
  });

  it('is removed by its labelled button', () => {
    const { onRemove } = show();
    fireEvent.click(screen.getByRole('button', { name: '删除指标 2' }));
    expect(onRemove).toHaveBeenCalledWith(7);
  });
});
