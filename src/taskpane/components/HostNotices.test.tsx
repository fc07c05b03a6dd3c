/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nProvider, Language } from '../i18n';
import { HostMessage } from '../port';
import { HostNotices } from './HostNotices';

const DEGRADED: HostMessage = {
  zh: '此版本的 Excel 缺少部分功能，已自动降级：汇总表以文档设置标记；不读取合并单元格',
  en: 'This version of Excel lacks some features, which are degraded: the summary sheet is marked by a document setting; merged cells are not read',
};
const PROFILE: HostMessage = {
  zh: '工作簿中保存的规则配置不是有效的 JSON，已使用默认配置',
  en: 'The rule profile stored in the workbook is not valid JSON; the defaults apply',
};

const show = (notices: HostMessage[], language: Language = 'zh-CN') =>
  render(
    <I18nProvider initialLanguage={language}>
      <HostNotices notices={notices} />
    </I18nProvider>,
  );

describe('HostNotices', () => {
  it('shows every notice of the host as a warning, in Chinese', () => {
    show([DEGRADED, PROFILE]);
    expect(screen.getAllByTestId('host-notice')).toHaveLength(2);
    expect(screen.getByText(DEGRADED.zh)).toBeTruthy();
    expect(screen.getByText(PROFILE.zh)).toBeTruthy();
    expect(screen.getAllByText('请注意')).toHaveLength(2);
  });

  it('speaks English in an English pane', () => {
    show([PROFILE], 'en');
    expect(screen.getByText(PROFILE.en)).toBeTruthy();
    expect(screen.queryByText(PROFILE.zh)).toBeNull();
  });

  it('goes when dismissed, one at a time', () => {
    show([DEGRADED, PROFILE]);
    fireEvent.click(screen.getAllByRole('button', { name: '关闭' })[0]);
    expect(screen.queryByText(DEGRADED.zh)).toBeNull();
    expect(screen.getByText(PROFILE.zh)).toBeTruthy();
  });

  it('shows nothing when the host has nothing to say', () => {
    show([]);
    expect(screen.queryByTestId('host-notice')).toBeNull();
  });
});
