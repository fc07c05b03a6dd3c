import { Caption1, Tab, TabList, makeStyles, mergeClasses, tokens, useUncontrolledFocus } from '@fluentui/react-components';
import { KeyboardEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { a1, columnName, parseA1, parseRangeA1 } from '../../core/grid';
import type { CellSnapshot, SheetSnapshot } from '../../preview';
import { useI18n } from '../i18n';
import { cellDisplay, cellInput } from './cellText';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, gap: tokens.spacingVerticalXS },
  scroll: { overflow: 'auto', flexGrow: 1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, backgroundColor: '#fff' },
  table: { borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: '12px', fontFamily: tokens.fontFamilyBase },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    height: '20px',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    width: '36px',
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'center',
  },
  cell: {
    border: `1px solid #e1e1e1`,
    padding: '1px 3px',
    height: '20px',
    overflow: 'hidden',
    verticalAlign: 'middle',
    whiteSpace: 'nowrap',
    cursor: 'cell',
    ':focus': { outline: 'none' },
  },
  wrap: { whiteSpace: 'pre-wrap', wordBreak: 'break-all' },
  bold: { fontWeight: tokens.fontWeightBold },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  input: { width: '100%', boxSizing: 'border-box', font: 'inherit', border: 'none', padding: 0, outline: 'none', backgroundColor: 'transparent' },
  // Scrollable, with a visible scrollbar, like Excel's sheet tabs; the active one is scrolled into view.
  sheetTabs: { overflowX: 'auto', overflowY: 'hidden', flexWrap: 'nowrap', flexShrink: 0, scrollbarWidth: 'thin', paddingBottom: '2px' },
});

export interface GridViewProps {
  sheets: readonly string[];
  /** The active sheet, as the workbook says (the add-in's goTo activates one). */
  active: string;
  sheet: SheetSnapshot | undefined;
  /** The active sheet's selection (a cell or range address). */
  selection: string;
  onActivate: (sheet: string) => void;
  /** The user typed `input` into a cell and pressed Enter. */
  onEdit: (sheet: string, address: string, input: string) => void;
  /** The user moved the selection to a cell (click, arrows, Enter, Tab). */
  onSelect?: (sheet: string, address: string) => void;
}

const MIN_COLUMNS = 8;
/** The sticky row-number column and column-letter row, which cover what scrolls under them. */
const ROW_HEAD_PX = 36;
const COLUMN_HEAD_PX = 22;

/**
 * Scrolls `container` the least that shows `target` below and right of its sticky headers (`inset`);
 * a target wider or taller than the view shows its top-left corner. Only `container` scrolls, never the page.
 */
export function reveal(container: HTMLElement, target: HTMLElement, inset: { left: number; top: number }): void {
  const box = container.getBoundingClientRect();
  const el = target.getBoundingClientRect();
  const axis = (start: number, end: number, viewStart: number, viewEnd: number) => {
    if (start < viewStart || end - start > viewEnd - viewStart) return start - viewStart;
    if (end > viewEnd) return end - viewEnd;
    return 0;
  };
  const dx = axis(el.left, el.right, box.left + inset.left, box.left + container.clientWidth);
  const dy = axis(el.top, el.bottom, box.top + inset.top, box.top + container.clientHeight);
  if (dx) container.scrollLeft += dx;
  if (dy) container.scrollTop += dy;
}
const MIN_ROWS = 20;
const pointsToPixels = (points: number) => Math.round((points * 4) / 3);

/** Where the sheet's content ends, with a margin to type into. */
function extent(sheet: SheetSnapshot | undefined): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const address of Object.keys(sheet?.cells ?? {})) {
    const { row, col } = parseA1(address);
    rows = Math.max(rows, row + 1);
    cols = Math.max(cols, col + 1);
  }
  return { rows: Math.max(rows + 5, MIN_ROWS), cols: Math.max(cols + 1, MIN_COLUMNS) };
}

/** For each merged area: its span at the top-left cell, and the cells it hides. */
function mergeMap(sheet: SheetSnapshot | undefined) {
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  /** Each hidden cell's merged area's top-left cell. */
  const hidden = new Map<string, string>();
  for (const m of sheet?.merges ?? []) {
    const r = parseRangeA1(m);
    spans.set(a1(r.top, r.left), { rowSpan: r.bottom - r.top + 1, colSpan: r.right - r.left + 1 });
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) hidden.set(a1(row, col), a1(r.top, r.left));
  }
  return { spans, hidden };
}

const ALIGN: Record<string, 'left' | 'center' | 'right' | undefined> = { Left: 'left', Center: 'center', Right: 'right', CenterAcrossSelection: 'center' };

/**
 * The browser preview's stand-in for Excel's grid: the active sheet's cells as Excel shows them,
 * sheet tabs, and typing into a cell as a user would (Enter confirms, Esc cancels).
 */
export function GridView({ sheets, active, sheet, selection, onActivate, onEdit, onSelect }: GridViewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [cursor, setCursor] = useState(() => selection.split(':')[0]);
  /** The cell being edited: in place (F2, double click) or replaced by what is typed (`replacing`). */
  const [editing, setEditing] = useState<{ address: string; text: string; original: string; replacing: boolean }>();
  // Esc unmounts the editor, which may blur it: that blur must not commit.
  const cancelled = useRef(false);
  const scroll = useRef<HTMLDivElement>(null);
  const sheetTabs = useRef<HTMLDivElement>(null);
  // Tab moves between cells, as in Excel: Fluent's focus manager must leave the grid's keys to it.
  const uncontrolled = useUncontrolledFocus();
  const { rows, cols } = useMemo(() => extent(sheet), [sheet]);
  const merges = useMemo(() => mergeMap(sheet), [sheet]);

  // The workbook moved the selection (goTo, another sheet): follow it and bring it, and the sheet's tab, into view.
  const hostCell = selection.split(':')[0];
  const shownSheet = useRef<string>(undefined);
  // The list as a value: a new array with the same names (every workbook change) moves nothing.
  const sheetList = sheets.join('\n');
  useLayoutEffect(() => {
    setCursor(hostCell);
    setEditing(undefined);
    const grid = scroll.current;
    if (grid) {
      // Another sheet opens at its top-left corner, as in Excel, not where the last one was scrolled to.
      if (shownSheet.current !== active) grid.scrollTo?.({ left: 0, top: 0 });
      const target = grid.querySelector<HTMLElement>(`[data-cell="${hostCell}"]`);
      if (target) reveal(grid, target, { left: ROW_HEAD_PX, top: COLUMN_HEAD_PX });
    }
    shownSheet.current = active;
    const strip = sheetTabs.current;
    // By name: Fluent marks the selected tab (aria-selected) only in a later render.
    const tab = [...(strip?.querySelectorAll<HTMLElement>('[data-sheet]') ?? [])].find((el) => el.dataset.sheet === active);
    if (strip && tab) reveal(strip, tab, { left: 0, top: 0 });
  }, [active, hostCell, sheetList]);

  const focusCell = (address: string) => {
    setCursor(address);
    if (address !== cursor) onSelect?.(active, address);
    // After React has rendered the new roving tab stop.
    requestAnimationFrame(() => scroll.current?.querySelector<HTMLElement>(`[data-cell="${address}"]`)?.focus());
  };
  /** Confirms the edit and moves on, as Excel does: Enter goes down, Tab right (Shift reverses); focus stays in the grid. */
  const commit = (move: [number, number] = [1, 0]) => {
    if (!editing) return;
    cancelled.current = true;
    if (editing.text !== editing.original || editing.replacing) onEdit(active, editing.address, editing.text);
    setEditing(undefined);
    focusCell(moved(editing.address, move));
  };
  /** The cell a move lands on, as in Excel: a merged area is one cell (its top-left), and moving leaves it. */
  const moved = (address: string, [dr, dc]: [number, number]) => {
    const anchor = (a: string) => merges.hidden.get(a) ?? a;
    const from = anchor(address);
    let { row, col } = parseA1(address);
    for (;;) {
      const next = { row: Math.min(Math.max(row + dr, 0), rows - 1), col: Math.min(Math.max(col + dc, 0), cols - 1) };
      if (next.row === row && next.col === col) return anchor(a1(row, col));
      ({ row, col } = next);
      if (anchor(a1(row, col)) !== from) return anchor(a1(row, col));
    }
  };
  const startEditing = (address: string, text?: string) => {
    const original = cellInput(sheet?.cells[address]);
    cancelled.current = false;
    setEditing({ address, text: text ?? original, original, replacing: text !== undefined });
  };

  const onCellKey = (e: KeyboardEvent<HTMLTableCellElement>, address: string) => {
    const move: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (move[e.key]) {
      e.preventDefault();
      focusCell(moved(address, move[e.key]));
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      // Excel: Enter goes down, Tab right, Shift the other way; the cell is not edited.
      e.preventDefault();
      focusCell(moved(address, e.key === 'Enter' ? [e.shiftKey ? -1 : 1, 0] : [0, e.shiftKey ? -1 : 1]));
    } else if (e.key === 'F2') {
      e.preventDefault();
      startEditing(address);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      onEdit(active, address, '');
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Typing on a selected cell replaces its content, as in Excel.
      e.preventDefault();
      startEditing(address, e.key);
    }
  };

  const renderCell = (row: number, col: number) => {
    const address = a1(row, col);
    if (merges.hidden.has(address)) return null;
    const cell: CellSnapshot | undefined = sheet?.cells[address];
    const span = merges.spans.get(address);
    const isEditing = editing?.address === address;
    const numeric = typeof cell?.value === 'number';
    // A conditional format's look wins over the cell's own, as in Excel.
    const fill = cell?.conditional?.fill ?? cell?.fill;
    const fontColor = cell?.conditional?.fontColor ?? cell?.fontColor;
    const prompt = cell?.validation?.prompt;
    return (
      <td
        key={address}
        data-cell={address}
        role="gridcell"
        aria-label={address}
        aria-selected={cursor === address}
        tabIndex={cursor === address ? 0 : -1}
        rowSpan={span?.rowSpan}
        colSpan={span?.colSpan}
        className={mergeClasses(styles.cell, cell?.wrapText && styles.wrap, cell?.bold && styles.bold, cursor === address && styles.selected)}
        style={{
          textAlign: ALIGN[cell?.horizontalAlignment ?? ''] ?? (numeric ? 'right' : 'left'),
          backgroundColor: fill ?? undefined,
          color: fontColor && fontColor !== '#000000' ? fontColor : undefined,
        }}
        // The input message Excel shows on selecting the cell.
        title={prompt?.showPrompt ? `${prompt.title}\n${prompt.message}` : undefined}
        onClick={() => {
          // A click selects; typing then replaces, a double click (or F2) edits in place.
          if (!isEditing) focusCell(address);
        }}
        onDoubleClick={() => {
          if (!isEditing) startEditing(address);
        }}
        onKeyDown={isEditing ? undefined : (e) => onCellKey(e, address)}
      >
        {isEditing ? (
          <input
            className={styles.input}
            aria-label={t('gridEditing', { cell: address })}
            autoFocus
            value={editing.text}
            onChange={(e) => setEditing({ ...editing, text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === 'Tab') {
                e.preventDefault();
                commit(e.key === 'Enter' ? [e.shiftKey ? -1 : 1, 0] : [0, e.shiftKey ? -1 : 1]);
              } else if (e.key === 'Escape') {
                e.preventDefault();
                cancelled.current = true;
                setEditing(undefined);
                focusCell(address);
              }
            }}
            onBlur={() => {
              // Clicking away confirms what was typed, as in Excel.
              if (!cancelled.current && (editing.replacing || editing.text !== editing.original)) onEdit(active, address, editing.text);
              setEditing(undefined);
            }}
          />
        ) : (
          cellDisplay(cell)
        )}
      </td>
    );
  };

  return (
    <section className={styles.view} aria-label={t('gridLabel')}>
      <Caption1>{t('gridHint')}</Caption1>
      <div className={styles.scroll} ref={scroll} {...uncontrolled}>
        <table className={styles.table} role="grid" aria-label={active}>
          <colgroup>
            <col style={{ width: `${ROW_HEAD_PX}px` }} />
            {Array.from({ length: cols }, (_, c) => (
              <col key={c} style={{ width: `${pointsToPixels(sheet?.columnWidths[columnName(c)] ?? 48)}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={styles.head} />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col" className={styles.head}>
                  {columnName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r} style={{ height: sheet?.rowHeights[String(r + 1)] ? `${pointsToPixels(sheet.rowHeights[String(r + 1)])}px` : undefined }}>
                <th scope="row" className={styles.rowHead}>
                  {r + 1}
                </th>
                {Array.from({ length: cols }, (_, c) => renderCell(r, c))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TabList ref={sheetTabs} className={styles.sheetTabs} size="small" selectedValue={active} onTabSelect={(_, d) => onActivate(String(d.value))} aria-label={t('gridSheets')}>
        {sheets.map((name) => (
          <Tab key={name} value={name} data-sheet={name}>
            {name}
          </Tab>
        ))}
      </TabList>
    </section>
  );
}
