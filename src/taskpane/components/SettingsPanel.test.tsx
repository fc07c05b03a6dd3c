/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_PROFILE, Profile, presetProfile } from '../../core/profile';
import { I18nProvider } from '../i18n';
import { SettingsPanel } from './SettingsPanel';

const STORED: Profile = { ...DEFAULT_PROFILE, requiredLevel1: ['产出指标', '满意度指标'], satisfactionMin: 95, codePattern: '^\\d{6}', amountDecimals: 2, framework: 'mof-2015', rules: { I011: 'info' } };

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
    const expected: Profile = { ...STORED, requiredLevel1: ['产出指标', '效益指标', '满意度指标'], satisfactionMin: 90, amountDecimals: 4 };
    expect(saveProfile).toHaveBeenCalledWith(expected);
    expect(onSaved).toHaveBeenCalledWith(expected);
    expect(screen.getByText('已保存在工作簿中。')).toBeTruthy();
  });

  it('shows the preset and each rule\'s severity as stored, and saves a changed severity (framework kept)', async () => {
    const { saveProfile } = await show();
    const preset = screen.getByRole('combobox', { name: '预设' }) as HTMLSelectElement;
    expect(preset.value).toBe('default');
    expect(screen.queryByRole('combobox', { name: /^I011 / })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^各条规则的级别 \(1\)/ }));
    const i011 = screen.getByRole('combobox', { name: 'I011 指标值确定依据为空' }) as HTMLSelectElement;
    expect(i011.value).toBe('info');
    const t002 = screen.getByRole('combobox', { name: /^T002 / }) as HTMLSelectElement;
    expect(t002.value).toBe('');
    expect(t002.options[0].textContent).toBe('按预设（警告）');
    fireEvent.change(t002, { target: { value: 'off' } });
    fireEvent.change(i011, { target: { value: '' } });
    await act(async () => fireEvent.click(save()));
    expect(saveProfile).toHaveBeenCalledWith({ ...STORED, rules: { T002: 'off' } });
  });

  it('starts over from a chosen preset: mof-2021 requires 成本指标 and makes I009 an error', async () => {
    const { saveProfile } = await show();
    fireEvent.change(screen.getByRole('combobox', { name: '预设' }), { target: { value: 'mof-2021' } });
    expect(box('成本指标').checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: /^各条规则的级别/ }));
    expect((screen.getByRole('combobox', { name: /^I009 / }) as HTMLSelectElement).options[0].textContent).toBe('按预设（错误）');
    await act(async () => fireEvent.click(save()));
    expect(saveProfile).toHaveBeenCalledWith(presetProfile('mof-2021'));
  });

  it('refuses a code pattern that is not a regular expression', async () => {
    const { saveProfile } = await show();
    fireEvent.change(input(PATTERN), { target: { value: '^(\\d{6}' } });
    expect(screen.getByText('编码格式有误：圆括号“(”和“)”不成对')).toBeTruthy();
    fireEvent.change(input(PATTERN), { target: { value: '[0-9' } });
    // Never the engine's "Invalid regular expression: /[0-9/: Unterminated character class".
    expect(screen.getByText('编码格式有误：方括号“[”没有对应的“]”')).toBeTruthy();
    expect(screen.queryByText(/Invalid regular expression/)).toBeNull();
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

  it('restores the defaults at once, and says so (issue 9, item 9)', async () => {
    const { saveProfile } = await show();
    fireEvent.change(input(SATISFACTION), { target: { value: '80' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '恢复默认' })));
    expect(saveProfile).toHaveBeenCalledWith(DEFAULT_PROFILE);
    expect(input(SATISFACTION).value).toBe('90');
    expect(screen.getByText('已恢复默认规则并保存在工作簿中。')).toBeTruthy();
  });

  it('says what the code pattern means, with an example of a valid code', async () => {
    await show();
    expect(screen.getByText('即：6位数字，例如 123456')).toBeTruthy();
    fireEvent.change(input(PATTERN), { target: { value: DEFAULT_PROFILE.codePattern } });
    expect(screen.getByText('即：8位数字、字母“P”、12位数字或大写字母（共21位），例如 12345678P1A2B3C4D5E6F')).toBeTruthy();
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
