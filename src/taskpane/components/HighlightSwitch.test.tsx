/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Finding } from '../../core/finding';
import { I18nProvider, Language } from '../i18n';
import { HighlightSwitch } from './HighlightSwitch';

const S003: Finding = { rule: 'S003', severity: 'error', sheet: '项目1', cell: 'C7', message: '6月底累计支出计划低于3月底', message_en: 'cumulative plan goes down' };
const I013: Finding = { rule: 'I013', severity: 'info', sheet: '项目1', cell: 'F11', message: '效益指标只有定性描述', message_en: 'qualitative only' };
const W001: Finding = { rule: 'W001', severity: 'warning', sheet: '项目2', cell: 'B4', message: '金额小数位过多', message_en: 'too many decimals' };

const ZH = { label: '在表格中标出问题单元格', reminder: '可以报送了，但单元格上还有标出问题的颜色：报送前请关闭“在表格中标出问题单元格”。' };

function show(findings: Finding[], ready: boolean, setHighlights: jest.Mock = jest.fn().mockResolvedValue(undefined), language: Language = 'zh-CN', initiallyOn = false) {
  const ui = (f: Finding[], r: boolean) => (
    <I18nProvider initialLanguage={language}>
      <HighlightSwitch findings={f} ready={r} setHighlights={setHighlights} initiallyOn={initiallyOn} />
    </I18nProvider>
  );
  const view = render(ui(findings, ready));
  const update = (f: Finding[], r: boolean) => act(async () => view.rerender(ui(f, r)));
  return { setHighlights, update };
}

const theSwitch = (name = ZH.label) => screen.getByRole('switch', { name }) as HTMLInputElement;
const flip = (name?: string) => act(async () => fireEvent.click(theSwitch(name)));

describe('HighlightSwitch', () => {
  it('is off by default and touches no cell until turned on; its help says to turn it off before sending', async () => {
    const { setHighlights } = show([S003], false);
    await act(async () => undefined);
    expect(theSwitch().checked).toBe(false);
    expect(setHighlights).not.toHaveBeenCalled();
    const help = document.getElementById(theSwitch().getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toBe('按问题的严重程度给所在单元格填色；关闭后恢复这些单元格原来的填充。报送给财政局的工作簿不应带有这些颜色，报送前请关闭。');
  });

  it('starts on when the workbook still carries its colours, brings them up to date, and can take them off', async () => {
    const { setHighlights } = show([S003], false, undefined, 'zh-CN', true);
    await act(async () => undefined);
    expect(theSwitch().checked).toBe(true);
    expect(setHighlights).toHaveBeenLastCalledWith(true, [S003]);
    await flip();
    expect(setHighlights).toHaveBeenLastCalledWith(false, []);
  });

  it('colours the current findings when turned on, and puts the fills back when turned off', async () => {
    const { setHighlights } = show([S003, I013], false);
    await flip();
    expect(theSwitch().checked).toBe(true);
    expect(setHighlights).toHaveBeenLastCalledWith(true, [S003, I013]);
    await flip();
    expect(theSwitch().checked).toBe(false);
    expect(setHighlights).toHaveBeenLastCalledWith(false, []);
    expect(setHighlights).toHaveBeenCalledTimes(2);
  });

  it('while on, follows the findings when their cells change, and only then (no loop on a re-read of the same findings)', async () => {
    const { setHighlights, update } = show([S003, I013], false);
    await flip();
    // A re-read (e.g. raised by the colouring itself) publishes equal findings in a new array.
    await update([{ ...I013 }, { ...S003 }], false);
    expect(setHighlights).toHaveBeenCalledTimes(1);
    await update([I013, W001], false);
    expect(setHighlights).toHaveBeenCalledTimes(2);
    expect(setHighlights).toHaveBeenLastCalledWith(true, [I013, W001]);
    // The same cell at another severity gets another colour.
    await update([{ ...I013, severity: 'warning' }, W001], false);
    expect(setHighlights).toHaveBeenCalledTimes(3);
  });

  it('calls the host one at a time, in order', async () => {
    const calls: string[] = [];
    let finish: () => void = () => undefined;
    const setHighlights = jest.fn((on: boolean, findings: readonly Finding[]) => {
      calls.push(`${on ? 'on' : 'off'} ${findings.map((f) => f.cell).join(',')}`);
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const { update } = show([S003], false, setHighlights);
    await flip();
    await update([W001], false);
    expect(calls).toEqual(['on C7']);
    await act(async () => finish());
    expect(calls).toEqual(['on C7', 'on B4']);
    await act(async () => finish());
  });

  it('reminds the officer to turn it off once the workbook may be sent', async () => {
    const { update } = show([S003], false);
    await flip();
    expect(screen.queryByText(ZH.reminder)).toBeNull();
    await update([I013], true);
    expect(screen.getByText(ZH.reminder)).toBeTruthy();
    await flip();
    expect(screen.queryByText(ZH.reminder)).toBeNull();
  });

  it('shows why when the host cannot highlight, in the pane language, and stays off', async () => {
    const hostMessage = {
      zh: '此版本的 Excel 不支持在单元格中标出问题（需要 ExcelApi 1.9）',
      en: 'This version of Excel cannot highlight findings in cells (it needs ExcelApi 1.9)',
    };
    const setHighlights = jest.fn().mockRejectedValue(Object.assign(new Error(hostMessage.en), { hostMessage }));
    show([S003], false, setHighlights, 'en');
    await flip('Highlight finding cells');
    expect(screen.getByText('Something went wrong')).toBeTruthy();
    expect(screen.getByText(hostMessage.en)).toBeTruthy();
    expect(theSwitch('Highlight finding cells').checked).toBe(false);
  });

  it('stays on when the colours could not be taken off, so that the officer can try again', async () => {
    const setHighlights = jest.fn().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error('工作簿已关闭')).mockResolvedValue(undefined);
    show([S003], true, setHighlights);
    await flip();
    await flip();
    expect(screen.getByText('工作簿已关闭')).toBeTruthy();
    expect(theSwitch().checked).toBe(true);
    expect(screen.getByText(ZH.reminder)).toBeTruthy();
    expect(setHighlights).toHaveBeenCalledTimes(2);
    await flip();
    expect(setHighlights).toHaveBeenLastCalledWith(false, []);
    expect(theSwitch().checked).toBe(false);
  });
});
