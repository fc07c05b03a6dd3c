/**
 * A core `SheetWrite` as a worksheet part of its own (SpreadsheetML XML), for adding one sheet
 * to a package without rewriting the rest. Text is written as inline strings (never a
 * formula, whatever it starts with), formulas with their computed results, styles as indexes
 * the caller gets from the styles part (`stylesPart.ts`).
 */
import { CellRange, CellValue, a1, columnName, rangeA1 } from '../core/grid';
import { SheetHyperlink, SheetWrite } from '../core/sheet';
import { INLINE_LIST_LIMIT, LIST_COLUMN_START } from './applySheetWrite';
import { escapeAttr, escapeText, xstring } from './xmlOutline';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** What a cell looks like, the same vocabulary as the ExcelJS adapter's. */
export interface CellStyle {
  numFmt?: string;
  bold?: boolean;
  centred?: boolean;
  wrap?: boolean;
  border?: boolean;
  link?: boolean;
}

export function styleKey(s: CellStyle): string {
  return JSON.stringify([s.numFmt ?? '', !!s.bold, !!s.centred, !!s.wrap, !!s.border, !!s.link]);
}

interface Cell {
  value: CellValue;
  formula?: string;
  style?: CellStyle;
}

/** A text inside a formula's string literal: quotes doubled, so it can never end the literal. */
function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A link inside the workbook as a HYPERLINK formula (see applySheetWrite.ts); too long for Excel: plain text. */
function linkCell(link: SheetHyperlink): Pick<Cell, 'value' | 'formula'> {
  const target = `#${link.subAddress}`;
  if (target.length > 255 || link.text.length > 255) return { value: link.text };
  return { value: link.text, formula: `HYPERLINK(${stringLiteral(target)},${stringLiteral(link.text)})` };
}

function inlineList(list: readonly string[]): string | undefined {
  if (list.some((item) => /[,"]/.test(item))) return undefined;
  const joined = list.join(',');
  return joined.length <= INLINE_LIST_LIMIT ? `"${joined}"` : undefined;
}

/** The cells of a sheet, row by row, with everything a cell carries merged in. */
class Cells {
  readonly rows = new Map<number, Map<number, Cell>>();

  at(row: number, col: number): Cell {
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = new Map()));
    let c = r.get(col);
    if (!c) r.set(col, (c = { value: null }));
    return c;
  }

  style(row: number, col: number): CellStyle {
    const cell = this.at(row, col);
    return (cell.style ??= {});
  }

  styleRange(range: CellRange, set: (s: CellStyle) => void): void {
    for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) set(this.style(r, c));
  }
}

function numberText(n: number): string {
  return String(n);
}

function cellXml(ref: string, cell: Cell, styleIndex: (s: CellStyle) => number): string {
  const s = cell.style ? styleIndex(cell.style) : 0;
  const sAttr = s ? ` s="${s}"` : '';
  const v = cell.value;
  if (cell.formula !== undefined) {
    const f = `<f>${xstring(cell.formula)}</f>`;
    if (v === null) return `<c r="${ref}"${sAttr}>${f}</c>`;
    if (typeof v === 'string') return `<c r="${ref}"${sAttr} t="str">${f}<v>${xstring(v)}</v></c>`;
    if (typeof v === 'boolean') return `<c r="${ref}"${sAttr} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    if (!Number.isFinite(v)) return `<c r="${ref}"${sAttr} t="e">${f}<v>#NUM!</v></c>`;
    return `<c r="${ref}"${sAttr}>${f}<v>${numberText(v)}</v></c>`;
  }
  if (v === null) return `<c r="${ref}"${sAttr}/>`;
  if (typeof v === 'string') {
    const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : '';
    return `<c r="${ref}"${sAttr} t="inlineStr"><is><t${space}>${xstring(v)}</t></is></c>`;
  }
  if (typeof v === 'boolean') return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (!Number.isFinite(v)) return `<c r="${ref}"${sAttr} t="e"><v>#NUM!</v></c>`;
  return `<c r="${ref}"${sAttr}><v>${numberText(v)}</v></c>`;
}

export interface SheetXml {
  /** Renders the part once every style has its index. */
  render(styleIndex: (s: CellStyle) => number): string;
  /** Every distinct cell style the sheet uses. */
  styles: CellStyle[];
}

/** Lays out `sheet`; `render` then writes the worksheet part. */
export function sheetXml(sheet: SheetWrite): SheetXml {
  const cells = new Cells();
  let width = 0;
  sheet.values.forEach((row, r) => {
    width = Math.max(width, row.length);
    row.forEach((v, c) => {
      const formula = sheet.formulas?.[r]?.[c];
      if (formula) Object.assign(cells.at(r, c), { value: v, formula: formula.replace(/^=/, '') });
      else if (v !== null) cells.at(r, c).value = v;
    });
  });
  for (const link of sheet.hyperlinks) {
    Object.assign(cells.at(link.row, link.col), { formula: undefined }, linkCell(link));
    cells.style(link.row, link.col).link = true;
  }
  sheet.numberFormats.forEach((row, r) =>
    row.forEach((f, c) => {
      if (f) cells.style(r, c).numFmt = f;
    }),
  );
  for (const range of sheet.bold) cells.styleRange(range, (s) => (s.bold = true));
  for (const range of sheet.centred) cells.styleRange(range, (s) => (s.centred = true));
  for (const range of sheet.wrap) cells.styleRange(range, (s) => (s.wrap = true));
  for (const range of sheet.borders) cells.styleRange(range, (s) => (s.border = true));

  // Dropdown lists too long (or too odd) for an inline list go down a hidden helper column.
  const widths = [...sheet.columnWidths];
  const hidden = new Set<number>();
  let nextListColumn = Math.max(LIST_COLUMN_START, width + 1, sheet.columnWidths.length + 1);
  const validations = sheet.validations.map((v) => {
    let formula = inlineList(v.list);
    if (formula === undefined) {
      const col = nextListColumn++;
      v.list.forEach((item, i) => {
        const cell = cells.at(v.range.top + i + 1, col);
        cell.value = item;
        cells.style(v.range.top + i + 1, col).numFmt = '@';
      });
      hidden.add(col);
      const letter = columnName(col);
      formula = `$${letter}$${v.range.top + 1}:$${letter}$${v.range.top + Math.max(v.list.length, 1)}`;
    }
    return { sqref: rangeA1(v.range), formula };
  });

  const styles = new Map<string, CellStyle>();
  for (const row of cells.rows.values()) for (const cell of row.values()) if (cell.style) styles.set(styleKey(cell.style), cell.style);

  const render = (styleIndex: (s: CellStyle) => number): string => {
    const rowNumbers = [...cells.rows.keys()].sort((a, b) => a - b);
    let maxCol = 0;
    const rowsXml = rowNumbers.map((r) => {
      const row = cells.rows.get(r)!;
      const cols = [...row.keys()].sort((a, b) => a - b);
      maxCol = Math.max(maxCol, cols[cols.length - 1] ?? 0);
      return `<row r="${r + 1}">${cols.map((c) => cellXml(a1(r, c), row.get(c)!, styleIndex)).join('')}</row>`;
    });
    const lastRow = rowNumbers.length ? rowNumbers[rowNumbers.length - 1] : 0;
    const out: string[] = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      `<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`,
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
      `<dimension ref="${rowNumbers.length ? `A1:${a1(lastRow, maxCol)}` : 'A1'}"/>`,
    ];

    const active = escapeAttr(sheet.select ?? 'A1');
    const f = sheet.freeze;
    if (f && (f.rows > 0 || f.columns > 0)) {
      const pane = f.rows > 0 && f.columns > 0 ? 'bottomRight' : f.rows > 0 ? 'bottomLeft' : 'topRight';
      const split = `${f.columns > 0 ? ` xSplit="${f.columns}"` : ''}${f.rows > 0 ? ` ySplit="${f.rows}"` : ''}`;
      out.push(
        '<sheetViews><sheetView workbookViewId="0">',
        `<pane${split} topLeftCell="${a1(f.rows, f.columns)}" activePane="${pane}" state="frozen"/>`,
        `<selection pane="${pane}" activeCell="${active}" sqref="${active}"/>`,
        '</sheetView></sheetViews>',
      );
    } else {
      out.push(`<sheetViews><sheetView workbookViewId="0"><selection activeCell="${active}" sqref="${active}"/></sheetView></sheetViews>`);
    }
    out.push('<sheetFormatPr defaultRowHeight="15"/>');

    const colXml: string[] = [];
    const colCount = Math.max(widths.length, ...[...hidden].map((c) => c + 1));
    for (let c = 0; c < colCount; c++) {
      const w = widths[c];
      if (w === undefined && !hidden.has(c)) continue;
      const widthAttr = w === undefined ? ' width="9.140625"' : ` width="${w}" customWidth="1"`;
      colXml.push(`<col min="${c + 1}" max="${c + 1}"${widthAttr}${hidden.has(c) ? ' hidden="1"' : ''}/>`);
    }
    if (colXml.length) out.push(`<cols>${colXml.join('')}</cols>`);

    out.push(rowsXml.length ? `<sheetData>${rowsXml.join('')}</sheetData>` : '<sheetData/>');
    if (sheet.merges.length) {
      out.push(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${rangeA1(m)}"/>`).join('')}</mergeCells>`);
    }
    if (validations.length) {
      out.push(
        `<dataValidations count="${validations.length}">`,
        ...validations.map((v) => `<dataValidation type="list" allowBlank="1" sqref="${v.sqref}"><formula1>${escapeText(v.formula)}</formula1></dataValidation>`),
        '</dataValidations>',
      );
    }
    out.push(
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
      `<pageSetup paperSize="9" orientation="${sheet.print.orientation}" fitToWidth="${sheet.print.fitToPagesWide}" fitToHeight="0"/>`,
      '</worksheet>',
    );
    return out.join('');
  };

  return { render, styles: [...styles.values()] };
}
