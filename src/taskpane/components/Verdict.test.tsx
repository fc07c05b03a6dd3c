/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { Finding } from '../../core/finding';
import { I18nProvider, Language } from '../i18n';
import { SeverityCounts, Verdict } from './Verdict';

const f = (severity: Finding['severity']): Finding => ({ rule: 'A005', severity, sheet: 'S', cell: 'C5', message: '', message_en: '' });

function show(ui: React.ReactElement, language: Language = 'zh-CN') {
  return render(<I18nProvider initialLanguage={language}>{ui}</I18nProvider>);
}

describe('Verdict', () => {
  it('says 不能报送 with the number of errors when there is one', () => {
    show(<Verdict ready={false} findings={[f('error'), f('error'), f('warning')]} />);
    expect(screen.getByTestId('verdict').textContent).toBe('不能报送还有 2 个错误需要修改。');
  });

  it('says 可以报送 when no finding is an error', () => {
    show(<Verdict ready findings={[f('warning')]} />);
    expect(screen.getByText('可以报送')).toBeTruthy();
  });

  it('says it in English', () => {
    show(<Verdict ready={false} findings={[f('error')]} />, 'en');
    expect(screen.getByText('Not ready to send')).toBeTruthy();
    expect(screen.getByText('Errors to fix: 1.')).toBeTruthy();
  });
});

describe('SeverityCounts', () => {
  it('counts each severity, zero included', () => {
    show(<SeverityCounts findings={[f('error'), f('warning'), f('warning')]} />);
    expect(['error', 'warning', 'info'].map((s) => screen.getByTestId(`count-${s}`).textContent)).toEqual(['错误 1', '警告 2', '提示 0']);
  });
});
