/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { I18nProvider } from '../i18n';
import { WorkbookPort } from '../port';
import { PreviewApp, WorkbookView } from './PreviewApp';
import { startPreview } from './startPreview';

/** A pane that stays quiet: the pane itself is tested on its own, and live checking end to end in Chromium. */
const quietPort: WorkbookPort = {
  start: () => new Promise(() => undefined),
  insertTables: jest.fn(),
  goTo: jest.fn(),
  applyFix: jest.fn(),
  applyFixes: jest.fn(),
  writeSummary: jest.fn(),
  loadProfile: () => new Promise(() => undefined),
  saveProfile: jest.fn(),
  notices: () => [],
  setHighlights: jest.fn(),
  highlighted: () => false,
};

async function show(): Promise<WorkbookView> {
  const { workbook } = await startPreview('zh-CN');
  render(
    <I18nProvider initialLanguage="zh-CN">
      <PreviewApp port={quietPort} workbook={workbook} />
    </I18nProvider>,
  );
  return workbook;
}

// By address rather than by role: computing the roles of a whole grid is slow in jsdom.
const gridCell = (address: string) => document.querySelector(`[data-cell="${address}"]`) as HTMLElement;

function typeInto(address: string, input: string) {
  // A click selects; a double click edits in place, as in Excel.
  fireEvent.click(gridCell(address));
  fireEvent.doubleClick(gridCell(address));
  const editor = screen.getByLabelText(`编辑 ${address}`);
  fireEvent.change(editor, { target: { value: input } });
  fireEvent.keyDown(editor, { key: 'Enter' });
}

describe('the browser preview', () => {
  it('seeds the in-memory workbook with the ten seed tables through the Excel layer', async () => {
    const { workbook } = await startPreview('zh-CN');
    const sheets = workbook.sheetNames();
    expect(sheets).toHaveLength(10);
    expect(sheets).not.toContain('Sheet1');
    expect(workbook.activeSheet()).toBe(sheets[0]);
    expect(workbook.sheet(sheets[0])?.cells.A1.value).toBe('1.2022年人大之家工作经费绩效目标表');
  });

  it('is labelled as a preview and shows the active sheet with its tabs', async () => {
    const workbook = await show();
    expect(screen.getByText('浏览器预览：未连接 Excel')).toBeTruthy();
    expect(within(screen.getByRole('tablist', { name: '工作表' })).getAllByRole('tab')).toHaveLength(10);
    expect(screen.getByRole('grid', { name: workbook.activeSheet() })).toBeTruthy();
    expect(gridCell('C4').textContent).toBe('2.00');
  });

  it('types into the workbook as a user, so that the cell changes as in Excel', async () => {
    const workbook = await show();
    typeInto('C7', '20%');
    const sheet = workbook.activeSheet();
    expect(workbook.sheet(sheet)?.cells.C7.value).toBe(0.2);
    expect(gridCell('C7').textContent).toBe('20%');
  });

  it('switches the sheet shown from its tabs', async () => {
    const workbook = await show();
    const second = workbook.sheetNames()[1];
    fireEvent.click(within(screen.getByRole('tablist', { name: '工作表' })).getByRole('tab', { name: second }));
    await screen.findByRole('grid', { name: second });
    expect(workbook.activeSheet()).toBe(second);
  });

  it('shows an entry the workbook refuses as a message', async () => {
    await show();
    typeInto('H20', '=SUM(');
    expect(screen.getByText('操作失败')).toBeTruthy();
  });
});
