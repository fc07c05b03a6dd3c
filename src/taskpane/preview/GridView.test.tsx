/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { CellSnapshot, SheetSnapshot } from '../../preview';
import { I18nProvider } from '../i18n';
import { GridView, GridViewProps } from './GridView';

function cell(value: CellSnapshot['value'], more: Partial<CellSnapshot> = {}): CellSnapshot {
  return {
    value,
    formula: null,
    numberFormat: 'General',
    fill: null,
    bold: false,
    italic: false,
    fontColor: '#000000',
    fontName: 'Calibri',
    fontSize: 11,
    wrapText: false,
    horizontalAlignment: 'General',
    verticalAlignment: 'Bottom',
    borders: {},
    validation: null,
    hyperlink: null,
    ...more,
  };
}

const SHEET: SheetSnapshot = {
  id: '{1}',
  name: '项目1',
  position: 0,
  visibility: 'Visible',
  tabColor: '',
  showGridlines: true,
  cells: {
    A1: cell('2022年人大之家工作经费绩效目标表', { bold: true, horizontalAlignment: 'Center' }),
    C4: cell(2, { numberFormat: '0.00' }),
    B6: cell('3月底'),
    B7: cell(0.25, { numberFormat: '0%' }),
    C7: cell(0.5, { numberFormat: '0%' }),
    D7: cell(0.275, { numberFormat: '0.0%' }),
    F4: cell(1430.1, { numberFormat: '#,##0.00' }),
    G4: cell(3, { formula: '=C4+1' }),
  },
  merges: ['A1:G1'],
  columnWidths: { A: 80 },
  rowHeights: {},
  freeze: { rows: 1, columns: 0 },
  page: { orientation: 'Portrait', paperSize: 'A4', zoom: { scale: 100 } } as SheetSnapshot['page'],
  customProperties: {},
  conditionalFormats: [],
  selection: 'A1',
};

function show(props: Partial<GridViewProps> = {}) {
  const onEdit = jest.fn();
  const onActivate = jest.fn();
  const view = render(
    <I18nProvider initialLanguage="zh-CN">
      <GridView sheets={['项目1', '项目2']} active="项目1" sheet={SHEET} selection="A1" onActivate={onActivate} onEdit={onEdit} {...props} />
    </I18nProvider>,
  );
  return { onEdit, onActivate, view };
}

const gridCell = (address: string) => screen.getByRole('gridcell', { name: address });

describe('GridView', () => {
  it('shows the cells as their number formats show them, merged cells spanning', () => {
    show();
    expect(gridCell('A1').textContent).toBe('2022年人大之家工作经费绩效目标表');
    expect(gridCell('A1').getAttribute('colspan')).toBe('7');
    expect(screen.queryByRole('gridcell', { name: 'B1' })).toBeNull();
    expect(['C4', 'B7', 'C7', 'D7', 'F4', 'G4'].map((a) => gridCell(a).textContent)).toEqual(['2.00', '25%', '50%', '27.5%', '1,430.10', '3']);
  });

  it('shows a conditional format’s colour over the cell’s own fill, and the input message on hovering', () => {
    const sheet: SheetSnapshot = {
      ...SHEET,
      cells: {
        ...SHEET.cells,
        E7: cell(0.25, { numberFormat: '0%', fill: '#FFFFFF', conditional: { fill: '#FFC7CE', fontColor: '#9C0006' }, validation: { prompt: { showPrompt: true, title: '累计支出比例', message: '12月底为100%。' } } }),
      },
    };
    show({ sheet });
    expect(gridCell('E7').style.backgroundColor).toBe('rgb(255, 199, 206)');
    expect(gridCell('E7').style.color).toBe('rgb(156, 0, 6)');
    expect(gridCell('E7').getAttribute('title')).toBe('累计支出比例\n12月底为100%。');
    expect(gridCell('C7').style.backgroundColor).toBe('');
    expect(gridCell('C7').getAttribute('title')).toBeNull();
  });

  it('edits a cell by typing, and hands the text to the workbook on Enter', () => {
    const { onEdit } = show();
    fireEvent.keyDown(gridCell('C7'), { key: '2' });
    const editor = screen.getByRole('textbox', { name: '编辑 C7' }) as HTMLInputElement;
    expect(editor.value).toBe('2');
    fireEvent.change(editor, { target: { value: '20%' } });
    fireEvent.keyDown(editor, { key: 'Enter' });
    expect(onEdit).toHaveBeenCalledWith('项目1', 'C7', '20%');
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('starts an in-place edit (double click, F2) from what the cell holds: a percentage as 25%, a formula as written', () => {
    show();
    fireEvent.doubleClick(gridCell('B7'));
    expect((screen.getByRole('textbox', { name: '编辑 B7' }) as HTMLInputElement).value).toBe('25%');
    fireEvent.keyDown(screen.getByRole('textbox'), { key: 'Escape' });
    fireEvent.keyDown(gridCell('G4'), { key: 'F2' });
    expect((screen.getByRole('textbox', { name: '编辑 G4' }) as HTMLInputElement).value).toBe('=C4+1');
  });

  it('replaces a clicked cell with what is typed (100% then 90% gives 90%, not 100%90%)', () => {
    const { onEdit } = show();
    fireEvent.click(gridCell('C7'));
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(gridCell('C7').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(gridCell('C7'), { key: '9' });
    const editor = screen.getByRole('textbox', { name: '编辑 C7' }) as HTMLInputElement;
    expect(editor.value).toBe('9');
    fireEvent.change(editor, { target: { value: '90%' } });
    fireEvent.keyDown(editor, { key: 'Enter' });
    expect(onEdit).toHaveBeenCalledWith('项目1', 'C7', '90%');
    expect(gridCell('C8').getAttribute('tabindex')).toBe('0');
  });

  it('moves on with Tab and Enter, editing or not, keeping the grid in charge', () => {
    const { onEdit } = show();
    fireEvent.click(gridCell('B7'));
    fireEvent.keyDown(gridCell('B7'), { key: 'Tab' });
    expect(gridCell('C7').getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(gridCell('C7'), { key: 'Enter' });
    expect(gridCell('C8').getAttribute('tabindex')).toBe('0');
    expect(screen.queryByRole('textbox')).toBeNull();
    fireEvent.keyDown(gridCell('C8'), { key: '5' });
    fireEvent.keyDown(screen.getByRole('textbox', { name: '编辑 C8' }), { key: 'Tab' });
    expect(onEdit).toHaveBeenCalledWith('项目1', 'C8', '5');
    expect(gridCell('D8').getAttribute('tabindex')).toBe('0');
  });

  it('drops the edit on Esc', () => {
    const { onEdit } = show();
    fireEvent.doubleClick(gridCell('C4'));
    const editor = screen.getByRole('textbox');
    fireEvent.change(editor, { target: { value: '99' } });
    fireEvent.keyDown(editor, { key: 'Escape' });
    fireEvent.blur(editor);
    expect(onEdit).not.toHaveBeenCalled();
    expect(gridCell('C4').textContent).toBe('2.00');
  });

  it('moves with the arrow keys and clears a cell with Delete', () => {
    const { onEdit } = show();
    fireEvent.keyDown(gridCell('A1'), { key: 'ArrowDown' });
    expect(gridCell('A2').getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(gridCell('A2'), { key: 'Delete' });
    expect(onEdit).toHaveBeenCalledWith('项目1', 'A2', '');
  });

  it('follows the selection the workbook sets (goTo)', () => {
    const { view, onEdit, onActivate } = show();
    view.rerender(
      <I18nProvider initialLanguage="zh-CN">
        <GridView sheets={['项目1', '项目2']} active="项目1" sheet={SHEET} selection="E7" onActivate={onActivate} onEdit={onEdit} />
      </I18nProvider>,
    );
    expect(gridCell('E7').getAttribute('aria-selected')).toBe('true');
  });

  it('switches sheets from its tabs', () => {
    const { onActivate } = show();
    const tabs = screen.getByRole('tablist', { name: '工作表' });
    fireEvent.click(within(tabs).getByRole('tab', { name: '项目2' }));
    expect(onActivate).toHaveBeenCalledWith('项目2');
  });
});
