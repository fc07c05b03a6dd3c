/**
 * Applies a core SheetWrite to a worksheet: commands are only queued here; the caller syncs.
 * Number formats go in before values, so that text (given the `@` format) stays text even when
 * it starts with `=`, `+`, `-` or `@`; formulas go in through Range.formulas only for the cells
 * that have one, never user text.
 */
import { CellRange, CellValue, a1, columnName, rangeA1 } from '../core/grid';
import { SheetWrite } from '../core/sheet';
import { columnWidthPoints } from '../core/sheet';
import { queueChecks } from './checks';
import { Features } from './host';

/** Longest inline list source Excel accepts for a dropdown. */
const MAX_INLINE_LIST = 255;

/** Where a dropdown list comes from: inline text (`a,b,c`) when short, else a formula to a range. */
export type ListSource = (list: readonly string[]) => string;

const inlineListSource = (list: readonly string[]): string | undefined => {
  const source = list.join(',');
  return source.length <= MAX_INLINE_LIST && !list.some((item) => item.includes(',')) ? source : undefined;
};

export interface WriteOptions {
  features: Features;
  /** Source for lists that cannot be inline (see lists.ts); without it such lists are left out. */
  longListSource?: ListSource;
}

const TEXT = '@';
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

function width(sheet: SheetWrite): number {
  let w = sheet.columnWidths.length;
  for (const row of sheet.values) w = Math.max(w, row.length);
  return w;
}

function thinBorders(range: Excel.Range, r: CellRange): void {
  const edges: string[] = [...EDGES];
  if (r.bottom > r.top) edges.push('InsideHorizontal');
  if (r.right > r.left) edges.push('InsideVertical');
  for (const edge of edges) {
    const border = range.format.borders.getItem(edge as Excel.BorderIndex);
    border.style = 'Continuous';
    border.weight = 'Thin';
  }
}

/** Queues writing `sheet` into `ws` from A1. */
/**
 * The dropdown lists of a sheet too long for an inline source, which live in the lists sheet. Excel
 * refuses a dropdown whose source is on a sheet not yet created, so they are registered and the
 * lists sheet queued before the sheet that refers to them.
 */
export function longLists(sheet: SheetWrite, features: Features): (readonly string[])[] {
  return features.dataValidation ? sheet.validations.map((v) => v.list).filter((list) => inlineListSource(list) === undefined) : [];
}

export function queueSheetWrite(ws: Excel.Worksheet, sheet: SheetWrite, options: WriteOptions): void {
  const rows = sheet.values.length;
  const cols = width(sheet);
  if (rows && cols) {
    const block = ws.getRange(`A1:${a1(rows - 1, cols - 1)}`);
    const formats: (string | null)[][] = [];
    const values: (CellValue | string)[][] = [];
    const formulas: (string | null)[][] = [];
    let formulaBox: CellRange | undefined;
    for (let r = 0; r < rows; r++) {
      formats.push([]);
      values.push([]);
      formulas.push([]);
      for (let c = 0; c < cols; c++) {
        const value = sheet.values[r]?.[c] ?? null;
        const formula = sheet.formulas?.[r]?.[c] ?? null;
        let format = sheet.numberFormats[r]?.[c] ?? null;
        // Text is always written as text, whatever format the sheet asked for.
        if (typeof value === 'string' && formula === null) format = TEXT;
        formats[r].push(format);
        // null leaves a cell as it is: formula cells get their formula below, not their result.
        values[r].push(formula === null ? value : null);
        formulas[r].push(formula);
        if (formula !== null) {
          formulaBox = formulaBox
            ? { top: Math.min(formulaBox.top, r), left: Math.min(formulaBox.left, c), bottom: Math.max(formulaBox.bottom, r), right: Math.max(formulaBox.right, c) }
            : { top: r, left: c, bottom: r, right: c };
        }
      }
    }
    block.numberFormat = formats;
    block.values = values;
    if (formulaBox) {
      const box = formulaBox;
      const part = formulas.slice(box.top, box.bottom + 1).map((row) => row.slice(box.left, box.right + 1));
      ws.getRange(rangeA1(box)).formulas = part;
    }
  }

  for (const m of sheet.merges) ws.getRange(rangeA1(m)).merge(false);
  sheet.columnWidths.forEach((chars, c) => {
    const col = columnName(c);
    ws.getRange(`${col}:${col}`).format.columnWidth = columnWidthPoints(chars);
  });
  for (const r of sheet.wrap) ws.getRange(rangeA1(r)).format.wrapText = true;
  for (const r of sheet.bold) ws.getRange(rangeA1(r)).format.font.bold = true;
  for (const r of sheet.centred) ws.getRange(rangeA1(r)).format.horizontalAlignment = 'Center';
  for (const r of sheet.borders) thinBorders(ws.getRange(rangeA1(r)), r);

  if (options.features.dataValidation) {
    for (const v of sheet.validations) {
      const source = inlineListSource(v.list) ?? options.longListSource?.(v.list);
      if (source === undefined) continue;
      const dv = ws.getRange(rangeA1(v.range)).dataValidation;
      dv.rule = { list: { inCellDropDown: true, source } };
      // The dropdown helps typing; the rules judge what was typed (`产出` for 产出指标 is fine), so other entries are not blocked.
      dv.errorAlert = { showAlert: false, style: 'Stop', title: '', message: '' };
    }
  }

  if (sheet.checks) queueChecks(ws, sheet.checks, options.features);

  for (const h of sheet.hyperlinks) {
    ws.getRange(a1(h.row, h.col)).hyperlink = { documentReference: h.subAddress, textToDisplay: h.text };
  }

  if (sheet.freeze) {
    const { rows: fr, columns: fc } = sheet.freeze;
    if (fr > 0 && fc > 0) ws.freezePanes.freezeAt(ws.getRange(`A1:${a1(fr - 1, fc - 1)}`));
    else if (fr > 0) ws.freezePanes.freezeRows(fr);
    else if (fc > 0) ws.freezePanes.freezeColumns(fc);
  }

  if (options.features.pageLayout) {
    const page = ws.pageLayout;
    page.paperSize = 'A4';
    page.orientation = sheet.print.orientation === 'portrait' ? 'Portrait' : 'Landscape';
    // 0 pages tall means "as many as needed" (OOXML fitToHeight="0"): one page wide only.
    page.zoom = { horizontalFitToPages: sheet.print.fitToPagesWide, verticalFitToPages: 0 };
  }
}
