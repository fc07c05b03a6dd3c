/**
 * Applies a core `SheetWrite` to an ExcelJS worksheet: values, formulas, formats, merges,
 * widths, styles, dropdown lists, links, frozen panes and print setup.
 */
import ExcelJS from 'exceljs';
import { CellRange, a1, columnName, rangeA1 } from '../core/grid';
import { CHECK_FILL, CHECK_FONT, SheetChecks, SheetHyperlink, SheetValidation, SheetWrite } from '../core/sheet';

/**
 * Excel stores an inline dropdown list (`"a,b,c"`) in at most 255 characters. A longer list,
 * or one whose entries hold a comma or a quote, is written down a hidden helper column of the
 * same sheet and referenced from there: the sheet stays self-contained (copying it copies its
 * lists), and no extra sheet appears in the officer's workbook.
 */
export const INLINE_LIST_LIMIT = 255;
/** The first helper column for long lists (0-based: AA), unless the content reaches further right. */
export const LIST_COLUMN_START = 26;

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function inlineList(list: readonly string[]): string | undefined {
  if (list.some((item) => /[,"]/.test(item))) return undefined;
  const joined = list.join(',');
  return joined.length <= INLINE_LIST_LIMIT ? `"${joined}"` : undefined;
}

/** A text inside a formula's string literal: quotes doubled, so it can never end the literal. */
function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A link inside the workbook as a HYPERLINK formula with its text as cached result. ExcelJS
 * writes `{ hyperlink }` cells as external relationships plus a location, which Excel and WPS
 * follow inconsistently (exceljs issues #749, #3027); the formula works everywhere. Excel
 * caps a formula's string literals at 255 characters: a longer link stays plain text.
 */
function linkValue(link: SheetHyperlink): ExcelJS.CellValue {
  const target = `#${link.subAddress}`;
  if (target.length > 255 || link.text.length > 255) return link.text;
  return { formula: `HYPERLINK(${stringLiteral(target)},${stringLiteral(link.text)})`, result: link.text } as ExcelJS.CellFormulaValue;
}

function eachCell(range: CellRange, visit: (row: number, col: number) => void): void {
  for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) visit(r, c);
}

interface CellStyle {
  numFmt?: string;
  bold?: boolean;
  centred?: boolean;
  wrap?: boolean;
  border?: boolean;
  link?: boolean;
}

function toExcelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (s.numFmt) style.numFmt = s.numFmt;
  if (s.bold || s.link) {
    style.font = {
      ...(s.bold ? { bold: true } : {}),
      ...(s.link ? { underline: true, color: { argb: 'FF0563C1' } } : {}),
    };
  }
  if (s.centred || s.wrap) {
    style.alignment = {
      vertical: 'middle',
      ...(s.centred ? { horizontal: 'center' as const } : {}),
      ...(s.wrap ? { wrapText: true } : {}),
    };
  }
  if (s.border) style.border = BORDER;
  return style;
}

function writeValidation(ws: ExcelJS.Worksheet, v: SheetValidation, listColumn: () => number): void {
  let formula = inlineList(v.list);
  if (formula === undefined) {
    const col = listColumn();
    v.list.forEach((item, i) => {
      const cell = ws.getCell(v.range.top + i + 1, col + 1);
      cell.value = item;
      cell.numFmt = '@';
    });
    ws.getColumn(col + 1).hidden = true;
    const letter = columnName(col);
    formula = `$${letter}$${v.range.top + 1}:$${letter}$${v.range.top + Math.max(v.list.length, 1)}`;
  }
  // `dataValidations` exists on every worksheet but is missing from ExcelJS's typings.
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(rangeA1(v.range), {
    type: 'list',
    allowBlank: true,
    showErrorMessage: false,
    formulae: [formula],
  });
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

/** Data validation, input messages and conditional formats of `sheet.checks`; none blocks typing. */
function writeChecks(ws: ExcelJS.Worksheet, checks: SheetChecks): void {
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const n of checks.numbers) {
    validations.add(rangeA1(n.range), {
      type: 'decimal',
      operator: n.max === undefined ? 'greaterThanOrEqual' : 'between',
      allowBlank: true,
      showErrorMessage: false,
      showInputMessage: true,
      promptTitle: n.title,
      prompt: n.prompt,
      formulae: n.max === undefined ? [n.min] : [n.min, n.max],
    });
  }
  for (const p of checks.prompts) {
    // An input message alone: Excel's "any value" validation (no type attribute), as Excel and the
    // add-in write it. ExcelJS writes `type: 'any'` so, though its typings leave it out.
    validations.add(rangeA1(p.range), {
      type: 'any' as ExcelJS.DataValidation['type'],
      showInputMessage: true,
      promptTitle: p.title,
      prompt: p.prompt,
      formulae: [],
    });
  }
  checks.highlights.forEach((h, i) =>
    ws.addConditionalFormatting({
      ref: rangeA1(h.range),
      rules: [{
        type: 'expression',
        priority: i + 1,
        formulae: [h.formula],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(CHECK_FILL) } }, font: { color: { argb: argb(CHECK_FONT) } } },
      }],
    }),
  );
}

/**
 * Writes `sheet` into an empty worksheet. Strings are always written as plain text values
 * (ExcelJS makes formulas only of `{ formula }` objects), formulas with their computed results.
 */
export function applySheetWrite(ws: ExcelJS.Worksheet, sheet: SheetWrite): void {
  const styles = new Map<string, CellStyle>();
  const styleAt = (row: number, col: number): CellStyle => {
    const key = `${row},${col}`;
    let s = styles.get(key);
    if (!s) styles.set(key, (s = {}));
    return s;
  };

  let width = 0;
  sheet.values.forEach((row, r) => {
    if (row.length > width) width = row.length;
    row.forEach((v, c) => {
      const formula = sheet.formulas?.[r]?.[c];
      if (formula) {
        const result = v === null ? undefined : v;
        ws.getCell(r + 1, c + 1).value = { formula: formula.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
      } else if (v !== null) {
        ws.getCell(r + 1, c + 1).value = v;
      }
    });
  });
  for (const link of sheet.hyperlinks) {
    ws.getCell(link.row + 1, link.col + 1).value = linkValue(link);
    styleAt(link.row, link.col).link = true;
  }

  for (const m of sheet.merges) ws.mergeCellsWithoutStyle(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);

  sheet.numberFormats.forEach((row, r) =>
    row.forEach((f, c) => {
      if (f) styleAt(r, c).numFmt = f;
    }),
  );
  for (const range of sheet.bold) eachCell(range, (r, c) => (styleAt(r, c).bold = true));
  for (const range of sheet.centred) eachCell(range, (r, c) => (styleAt(r, c).centred = true));
  for (const range of sheet.wrap) eachCell(range, (r, c) => (styleAt(r, c).wrap = true));
  for (const range of sheet.borders) eachCell(range, (r, c) => (styleAt(r, c).border = true));
  for (const [key, s] of styles) {
    const [r, c] = key.split(',').map(Number);
    ws.getCell(r + 1, c + 1).style = toExcelStyle(s);
  }

  sheet.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));

  let nextListColumn = Math.max(LIST_COLUMN_START, width + 1, sheet.columnWidths.length + 1);
  for (const v of sheet.validations) writeValidation(ws, v, () => nextListColumn++);
  if (sheet.checks) writeChecks(ws, sheet.checks);

  const active = sheet.select ?? 'A1';
  ws.views = sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)
    ? [{
        state: 'frozen',
        xSplit: sheet.freeze.columns,
        ySplit: sheet.freeze.rows,
        topLeftCell: a1(sheet.freeze.rows, sheet.freeze.columns),
        activeCell: active,
      }]
    : [{ state: 'normal', activeCell: active }];

  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: sheet.print.orientation,
    fitToPage: true,
    fitToWidth: sheet.print.fitToPagesWide,
    fitToHeight: 0,
  };
}
