/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { Finding } from '../../core/finding';
import { readTargetTable } from '../../core/layout/reader';
import { writeTargetTable } from '../../core/layout/writer';
import { TargetTable } from '../../core/model';
import { DEFAULT_PROFILE } from '../../core/profile';
import { sheetToGrid } from '../../core/sheet';
import { seedTables } from '../../../test/support/seed';
import { I18nProvider, Language } from '../i18n';
import { WorkbookPort, WorkbookState } from '../port';
import { TaskPane } from './TaskPane';

const S003: Finding = {
  rule: 'S003',
  severity: 'error',
  sheet: '项目1',
  cell: 'C7',
  message: '6月底累计支出计划20%低于3月底的25%：支出计划是累计数，不能减少',
  message_en: 'The 6月底 share 20% is lower than the 3月底 share 25%: the plan is cumulative and cannot go down',
};
const TABLES: TargetTable[] = [readTargetTable(sheetToGrid(writeTargetTable(seedTables()[0])), '项目1')!];

/** A fake port: `emit` plays the Excel layer telling of a change. */
function fakePort(overrides: Partial<WorkbookPort> = {}) {
  let listener: ((s: WorkbookState) => void) | undefined;
  const stop = jest.fn();
  const port: WorkbookPort = {
    start: jest.fn(async (l) => {
      listener = l;
      return stop;
    }),
    insertTables: jest.fn().mockResolvedValue([]),
    goTo: jest.fn().mockResolvedValue(undefined),
    applyFix: jest.fn().mockResolvedValue(undefined),
    applyFixes: jest.fn().mockResolvedValue(0),
    writeSummary: jest.fn(),
    loadProfile: jest.fn().mockResolvedValue(DEFAULT_PROFILE),
    saveProfile: jest.fn().mockResolvedValue(undefined),
    notices: jest.fn().mockReturnValue([]),
    setHighlights: jest.fn().mockResolvedValue(undefined),
    highlighted: jest.fn().mockReturnValue(false),
    ...overrides,
  };
  const emit = (s: WorkbookState) => act(() => listener?.(s));
  return { port, emit, stop };
}

async function show(port: WorkbookPort, language: Language = 'zh-CN', preview = false) {
  const view = render(
    <I18nProvider initialLanguage={language}>
      <TaskPane port={port} preview={preview} />
    </I18nProvider>,
  );
  await act(async () => undefined);
  return view;
}

describe('TaskPane', () => {
  it('has the four panels as tabs, 检查 first shown', async () => {
    const { port } = fakePort();
    await show(port);
    expect(screen.getAllByRole('tab').map((t) => t.id)).toEqual(['tab-insert', 'tab-check', 'tab-summary', 'tab-settings']);
    for (const name of ['新建目标表', '检查', '汇总', '设置']) expect(screen.getByRole('tab', { name })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '检查' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').id).toBe('panel-check');
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    expect(screen.getByRole('tabpanel').id).toBe('panel-settings');
  });

  it('follows the workbook: every state from the port updates the verdict and the error count', async () => {
    const { port, emit } = fakePort();
    await show(port);
    expect(port.start).toHaveBeenCalledTimes(1);
    emit({ tables: TABLES, findings: [S003], ready: false });
    expect(screen.getByText('不能报送')).toBeTruthy();
    expect(within(screen.getByRole('tab', { name: /检查/ })).getByText('1')).toBeTruthy();
    emit({ tables: TABLES, findings: [], ready: true });
    expect(screen.getByText('可以报送')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '检查' })).toBeTruthy();
  });

  it('keeps a half-filled form while another panel is looked at', async () => {
    const { port } = fakePort();
    await show(port);
    fireEvent.click(screen.getByRole('tab', { name: '新建目标表' }));
    // The insert form loads after the first verdict (a lazy chunk).
    fireEvent.change(await screen.findByLabelText('项目名称'), { target: { value: '2022年村级道路养护经费' } });
    fireEvent.click(screen.getByRole('tab', { name: '检查' }));
    fireEvent.click(screen.getByRole('tab', { name: '新建目标表' }));
    expect((screen.getByLabelText('项目名称') as HTMLInputElement).value).toBe('2022年村级道路养护经费');
  });

  it('stops listening when it goes away', async () => {
    const { port, stop } = fakePort();
    const view = await show(port);
    view.unmount();
    expect(stop).toHaveBeenCalled();
  });

  it('shows a failed start as a message, not a blank pane', async () => {
    const { port } = fakePort({ start: jest.fn().mockRejectedValue(new Error('This add-in needs ExcelApi 1.7')) });
    await show(port);
    expect(screen.getByText('操作失败')).toBeTruthy();
    expect(screen.getByText('This add-in needs ExcelApi 1.7')).toBeTruthy();
    expect(screen.getAllByRole('tab')).toHaveLength(4);
  });

  it('speaks English when Office does, and switches from its header', async () => {
    const { port, emit } = fakePort();
    await show(port, 'en');
    emit({ tables: TABLES, findings: [S003], ready: false });
    for (const name of ['Insert', 'Check 1', 'Summary', 'Settings']) expect(screen.getByRole('tab', { name })).toBeTruthy();
    expect(screen.getByText(S003.message_en)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Switch to Chinese' }));
    expect(screen.getByText(S003.message)).toBeTruthy();
  });

  it('shows what the host has to say, and asks again once the settings are saved', async () => {
    const profileNotice = { zh: '工作簿中保存的规则配置有误，已使用默认配置', en: 'The rule profile stored in the workbook is invalid; the defaults apply' };
    const degraded = { zh: '此版本的 Excel 缺少部分功能，已自动降级：不读取合并单元格', en: 'This version of Excel lacks some features, which are degraded: merged cells are not read' };
    const notices = jest.fn().mockReturnValueOnce([degraded, profileNotice]).mockReturnValue([degraded]);
    const { port } = fakePort({ notices });
    await show(port);
    expect(screen.getByText(degraded.zh)).toBeTruthy();
    expect(screen.getByText(profileNotice.zh)).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: '保存' })));
    expect(port.saveProfile).toHaveBeenCalledWith(DEFAULT_PROFILE);
    expect(screen.queryByText(profileNotice.zh)).toBeNull();
    expect(screen.getByText(degraded.zh)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '切换为英文界面' }));
    expect(screen.getByText(degraded.en)).toBeTruthy();
  });

  it('highlights the findings in the sheet through the port when asked, and only then', async () => {
    const { port, emit } = fakePort();
    await show(port);
    emit({ tables: TABLES, findings: [S003], ready: false });
    expect(port.setHighlights).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(screen.getByRole('switch', { name: '在表格中标出问题单元格' })));
    expect(port.setHighlights).toHaveBeenCalledWith(true, [S003]);
  });

  it('says when it is the preview', async () => {
    const { port } = fakePort();
    await show(port, 'zh-CN', true);
    expect(screen.getByText('预览')).toBeTruthy();
  });
});
