/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_PROFILE, Profile } from '../../core/profile';
import { I18nProvider } from '../i18n';
import { SettingsPanel } from './SettingsPanel';

const STORED: Profile = { requiredLevel1: ['产出指标', '满意度指标'], satisfactionMin: 95, codePattern: '^\\d{6}', amountDecimals: 2, framework: 'auto', requiredFields: [] };

async function show(loadProfile = jest.fn().mockResolvedValue(STORED), saveProfile = jest.fn().mockResolvedValue(undefined)) {
  const onSaved = jest.fn();
  render(
    <I18nProvider initialLanguage="zh-CN">
      <SettingsPanel loadProfile={loadProfile} saveProfile={saveProfile} onSaved={onSaved} />
    </I18nProvider>,
  );
  await screen.findByRole('heading', { name: '检查规则' });
  return { loadProfile, saveProfile, onSaved };
}

const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
const input = (name: string) => screen.getByRole(name.includes('正则') ? 'textbox' : 'spinbutton', { name }) as HTMLInputElement;
const SATISFACTION = '满意度指标的最低值（%）';
const PATTERN = '项目编码格式（正则表达式）';
const DECIMALS = '金额最多几位小数';
const save = () => screen.getByRole('button', { name: '保存' });

describe('SettingsPanel', () => {
  it('loads the workbook profile on mount', async () => {
    const { loadProfile } = await show();
    expect(loadProfile).toHaveBeenCalledTimes(1);
    expect(['产出指标', '成本指标', '效益指标', '满意度指标'].map((l) => box(l).checked)).toEqual([true, false, false, true]);
    expect(input(SATISFACTION).value).toBe('95');
    expect(input(PATTERN).value).toBe('^\\d{6}');
    expect(input(DECIMALS).value).toBe('2');
  });

  it('saves what was edited, required 一级指标 in the taxonomy order', async () => {
    const { saveProfile, onSaved } = await show();
    fireEvent.click(box('效益指标'));
    fireEvent.change(input(SATISFACTION), { target: { value: '90' } });
    fireEvent.change(input(DECIMALS), { target: { value: '4' } });
    await act(async () => fireEvent.click(save()));
    const expected: Profile = { requiredLevel1: ['产出指标', '效益指标', '满意度指标'], satisfactionMin: 90, codePattern: '^\\d{6}', amountDecimals: 4, framework: 'auto', requiredFields: [] };
    expect(saveProfile).toHaveBeenCalledWith(expected);
    expect(onSaved).toHaveBeenCalledWith(expected);
    expect(screen.getByText('已保存在工作簿中。')).toBeTruthy();
  });

  it('refuses a code pattern that is not a regular expression', async () => {
    const { saveProfile } = await show();
    fireEvent.change(input(PATTERN), { target: { value: '^(\\d{6}' } });
    expect(screen.getByText(/^不是有效的正则表达式/)).toBeTruthy();
    expect(save().hasAttribute('disabled')).toBe(true);
    await act(async () => fireEvent.click(save()));
    expect(saveProfile).not.toHaveBeenCalled();
  });

  it('refuses numbers out of range', async () => {
    await show();
    fireEvent.change(input(SATISFACTION), { target: { value: '120' } });
    fireEvent.change(input(DECIMALS), { target: { value: '1.5' } });
    expect(screen.getByText('应为 0 到 100 之间的数')).toBeTruthy();
    expect(screen.getByText('应为 0 到 6 之间的整数')).toBeTruthy();
    expect(save().hasAttribute('disabled')).toBe(true);
  });

  it('restores the defaults', async () => {
    const { saveProfile } = await show();
    fireEvent.click(screen.getByRole('button', { name: '恢复默认' }));
    await act(async () => fireEvent.click(save()));
    expect(saveProfile).toHaveBeenCalledWith(DEFAULT_PROFILE);
  });

  it('shows a failed load or save as a message, with the defaults to edit', async () => {
    const { saveProfile } = await show(jest.fn().mockRejectedValue(new Error('settings unavailable')), jest.fn().mockRejectedValue(new Error('read-only workbook')));
    expect(screen.getByText('settings unavailable')).toBeTruthy();
    expect(input(SATISFACTION).value).toBe('90');
    await act(async () => fireEvent.click(save()));
    expect(saveProfile).toHaveBeenCalled();
    expect(screen.getByText('read-only workbook')).toBeTruthy();
    expect(screen.queryByText('已保存在工作簿中。')).toBeNull();
  });
});
