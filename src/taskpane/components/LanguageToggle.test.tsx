/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nProvider, useI18n } from '../i18n';
import { LanguageToggle } from './LanguageToggle';

function Title() {
  const { t } = useI18n();
  return <h1>{t('appTitle')}</h1>;
}

describe('LanguageToggle', () => {
  it('switches the pane between Chinese and English and sets the document language', () => {
    render(
      <I18nProvider initialLanguage="zh-CN">
        <Title />
        <LanguageToggle />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('预算绩效目标表助手');
    fireEvent.click(screen.getByRole('button', { name: '切换为英文界面' }));
    expect(screen.getByRole('heading').textContent).toBe('Budget Targets for Excel');
    expect(document.documentElement.lang).toBe('en');
    fireEvent.click(screen.getByRole('button', { name: 'Switch to Chinese' }));
    expect(screen.getByRole('heading').textContent).toBe('预算绩效目标表助手');
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});
