/**
 * The preview host's workbook: sheets, cells (value or formula, number format, style,
 * dropdown list, hyperlink), merged areas, row heights and column widths, frozen panes,
 * page setup, custom properties and the change events Excel raises. Pure in-memory state
 * with Excel's rules (sheet names, typed entry, merged cells, shifting rows); no Office.js.
 * Rows and columns are 0-based, as in `core/grid`.
 */
import { CellRange, a1, columnName, parseA1, parseRangeA1, rangeA1 } from '../core/grid';
import { Decimal, decimalFromNumber, roundHalfAway } from '../core/money';
import { PreviewError } from './errors';
import {
  FormulaError,
  FormulaSyntaxError,
  MAX_COLUMNS,
  MAX_ROWS,
  ReferenceChange,
  Scalar,
  adjustFormula,
  evaluate,
  offsetFormula,
  parseFormula,
  quoteSheetName,
} from './formula';

/** Points: 8.43 characters of Calibri 11, Excel's default column. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;
/** The preview stores formats cell by cell; beyond this a single call is refused rather than run for minutes. */
const MAX_CELLS_PER_CALL = 1_000_000;

type BorderSide = 'top' | 'bottom' | 'left' | 'right' | 'diagonalDown' | 'diagonalUp';
export type BorderIndex = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp';

export interface Border {
  style: string;
  weight: string;
  color: string;
}

export interface CellStyle {
  numberFormat: string;
  /** `#RRGGBB`, or null for no fill. */
  fill: string | null;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  fontName: string;
  fontSize: number;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  borders: Partial<Record<BorderSide, Border>>;
}

const DEFAULT_STYLE: Readonly<CellStyle> = Object.freeze({
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
  borders: Object.freeze({}),
});

const NO_BORDER: Readonly<Border> = Object.freeze({ style: 'None', weight: 'Thin', color: '#000000' });

/**
 * A cell's data validation: a dropdown list (`source`), a decimal rule, or neither (Excel's
 * "any value", which still shows its input message), with an input message and an error alert.
 */
export interface CellValidation {
  inCellDropDown?: boolean;
  /** `a,b,c` or a formula such as `=Lists!$A$1:$A$4`. */
  source?: string;
  /** A decimal between / at least … (`Between`, `GreaterThanOrEqualTo`…), bounds as Office.js takes them. */
  decimal?: DecimalRule;
  /** The input message shown when the cell is selected. */
  prompt?: ValidationPrompt;
  /** What Excel does with an entry the rule refuses; absent = its default, a Stop alert. */
  alert?: ValidationAlert;
}

export interface DecimalRule {
  operator: string;
  formula1: number | string;
  formula2?: number | string;
}

export interface ValidationPrompt {
  showPrompt: boolean;
  title: string;
  message: string;
}

/** A conditional format by formula (Office.js `custom`): the format shows where the formula is true. */
export interface ConditionalFormat {
  id: string;
  area: CellRange;
  type: 'Custom';
  /** Written for the area's top-left cell (`=AND(…)`); '' until the rule is set. */
  formula: string;
  fill: string | null;
  fontColor: string | null;
}

/** What a conditional format shows on a cell where it applies. */
export interface ConditionalLook {
  fill?: string;
  fontColor?: string;
}

export interface ValidationAlert {
  showAlert: boolean;
  style: string;
  title: string;
  message: string;
}

interface Hyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

interface Cell {
  /** A constant; null when the cell is empty or holds a formula. */
  value: string | number | boolean | null;
  formula: string | null;
  style: CellStyle;
  validation: CellValidation | null;
  hyperlink: Hyperlink | null;
}

export interface PageSetup {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
}

export class Sheet {
  readonly cells = new Map<number, Cell>();
  merges: CellRange[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  freeze = { rows: 0, columns: 0 };
  page: PageSetup = { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 } };
  /** Keyed by upper-cased key: Excel's custom property keys ignore case. */
  readonly customProperties = new Map<string, { key: string; value: string }>();
  /** In priority order: the first applies first (`add` puts a new one first, as Excel does). */
  conditionalFormats: ConditionalFormat[] = [];
  visibility = 'Visible';
  tabColor = '';
  showGridlines = true;
  selection: CellRange = { top: 0, left: 0, bottom: 0, right: 0 };

  constructor(
    readonly id: string,
    public name: string,
  ) {}
}

type ChangeType = 'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'CellInserted' | 'CellDeleted';

export type ModelEvent =
  | { kind: 'changed'; sheetId: string; area: CellRange; changeType: ChangeType; details?: { before: Scalar; after: Scalar } }
  | { kind: 'added'; sheetId: string }
  | { kind: 'deleted'; sheetId: string }
  | { kind: 'renamed'; sheetId: string; before: string; after: string }
  | { kind: 'selectionChanged'; sheetId: string; area: CellRange };

export interface CellSnapshot extends Omit<CellStyle, 'borders'> {
  /** What `values` returns: the computed value, `''` when empty, `#REF!` for an error. */
  value: string | number | boolean;
  formula: string | null;
  borders: Partial<Record<BorderSide, Border>>;
  validation: CellValidation | null;
  hyperlink: Hyperlink | null;
  /** What the sheet's conditional formats show on the cell, when one applies. */
  conditional?: ConditionalLook;
}

export interface SheetSnapshot {
  id: string;
  name: string;
  position: number;
  visibility: string;
  tabColor: string;
  showGridlines: boolean;
  /** Every cell that holds something or is formatted, by A1 address. */
  cells: Record<string, CellSnapshot>;
  merges: string[];
  /** Points, by column letter / 1-based row number; only those that differ from the default. */
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  freeze: { rows: number; columns: number };
  page: PageSetup;
  customProperties: Record<string, string>;
  /** In priority order, with the address they apply to. */
  conditionalFormats: { address: string; type: string; formula: string; fill: string | null; fontColor: string | null }[];
  selection: string;
}

const key = (row: number, col: number) => row * MAX_COLUMNS + col;
const rowOf = (k: number) => Math.floor(k / MAX_COLUMNS);
const colOf = (k: number) => k % MAX_COLUMNS;

export function cellCount(area: CellRange): number {
  return (area.bottom - area.top + 1) * (area.right - area.left + 1);
}

export function intersect(a: CellRange, b: CellRange): CellRange | null {
  const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

const contains = (outer: CellRange, inner: CellRange) =>
  inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;

export const isEntireRows = (area: CellRange) => area.left === 0 && area.right === MAX_COLUMNS - 1;
export const isEntireColumns = (area: CellRange) => area.top === 0 && area.bottom === MAX_ROWS - 1;

/** `B3`, `A1:G9`, `5:7` (entire rows) or `A:C` (entire columns); throws InvalidArgument otherwise. */
export function parseAddress(address: string): CellRange {
  const bad = () => new PreviewError('InvalidArgument', `'${address}' is not an address on this sheet`);
  const rows = /^\$?(\d{1,7}):\$?(\d{1,7})$/.exec(address);
  if (rows) {
    const [a, b] = [Number(rows[1]) - 1, Number(rows[2]) - 1];
    if (Math.min(a, b) < 0 || Math.max(a, b) >= MAX_ROWS) throw bad();
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COLUMNS - 1 };
  }
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(address);
  let area: CellRange;
  if (cols) {
    const [a, b] = [parseA1(`${cols[1]}1`).col, parseA1(`${cols[2]}1`).col];
    area = { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a, b), right: Math.max(a, b) };
  } else {
    try {
      area = parseRangeA1(address);
    } catch {
      throw bad();
    }
  }
  if (area.top < 0 || area.bottom >= MAX_ROWS || area.right >= MAX_COLUMNS) throw bad();
  return area;
}

/** The address Excel shows for an area: `A1:B2`, `B3`, `5:7`, `A:C`. */
export function areaAddress(area: CellRange): string {
  if (isEntireRows(area)) return `${area.top + 1}:${area.bottom + 1}`;
  if (isEntireColumns(area)) return `${columnName(area.left)}:${columnName(area.right)}`;
  return rangeA1(area);
}

/** `Sheet1!A1:B2`, `'It''s'!C4`: what `Range.address` returns. */
export function sheetAddress(sheetName: string, area: CellRange): string {
  return `${quoteSheetName(sheetName)}!${areaAddress(area)}`;
}

/** The value as `Range.values` returns it. */
export function apiValue(v: Scalar): string | number | boolean {
  if (v === null) return '';
  return v instanceof FormulaError ? v.code : v;
}

/** Excel's General format: as many digits as fit in 11 characters, else scientific. */
function generalText(v: number): string {
  for (let digits = 11; digits >= 1; digits--) {
    const text = String(Number(v.toPrecision(digits)));
    if (text.length <= 11 && !text.includes('e')) return text;
  }
  return v.toExponential(5).replace(/\.?0+e/, 'e').replace('e', 'E');
}

/** `Range.valueTypes`. */
export function valueType(v: Scalar): 'Empty' | 'Double' | 'String' | 'Boolean' | 'Error' {
  if (v === null) return 'Empty';
  if (v instanceof FormulaError) return 'Error';
  return typeof v === 'number' ? 'Double' : typeof v === 'string' ? 'String' : 'Boolean';
}

/** `Range.text`: the value as the number format shows it, for the formats the add-in uses. */
export function displayText(v: Scalar, numberFormat: string): string {
  if (typeof v !== 'number') return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(apiValue(v));
  if (numberFormat === 'yyyy/m/d') {
    const date = new Date(Math.round((v - UNIX_EPOCH_SERIAL) * DAY_MS));
    return `${date.getUTCFullYear()}/${date.getUTCMonth() + 1}/${date.getUTCDate()}`;
  }
  const m = /^(#,##)?0(?:\.(0+))?(%?)$/.exec(numberFormat);
  if (!m) return numberFormat === '@' ? String(v) : generalText(v);
  const digits = m[2]?.length ?? 0;
  const scaled = m[3] ? decimalFromNumber(v).times(100) : decimalFromNumber(v);
  let text = roundHalfAway(scaled, digits).toFixed(digits);
  if (m[1]) text = text.replace(/^(-?\d+)/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ','));
  return text + m[3];
}

function copyValidation(v: CellValidation): CellValidation {
  return JSON.parse(JSON.stringify(v)) as CellValidation;
}

function checkColor(color: unknown): string {
  if (typeof color !== 'string' || !/^#[0-9A-Fa-f]{6}$/.test(color)) {
    throw new PreviewError('InvalidArgument', `colour '${String(color)}': the preview host takes #RRGGBB colours`);
  }
  return color.toUpperCase();
}

const ENUMS: Record<string, readonly string[]> = {
  horizontalAlignment: ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'],
  verticalAlignment: ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'],
  style: ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'],
  weight: ['Hairline', 'Thin', 'Medium', 'Thick'],
  visibility: ['Visible', 'Hidden', 'VeryHidden'],
  orientation: ['Portrait', 'Landscape'],
};

function checkEnum(name: string, value: unknown): string {
  if (typeof value !== 'string' || !ENUMS[name].includes(value)) {
    throw new PreviewError('InvalidArgument', `${name} cannot be '${String(value)}'`);
  }
  return value;
}

function withoutSide(borders: CellStyle['borders'], side: BorderSide): CellStyle['borders'] {
  const copy = { ...borders };
  delete copy[side];
  return copy;
}

function isDefaultStyle(style: CellStyle): boolean {
  if (style === DEFAULT_STYLE) return true;
  for (const field of Object.keys(DEFAULT_STYLE) as (keyof CellStyle)[]) {
    if (field !== 'borders' && style[field] !== DEFAULT_STYLE[field]) return false;
  }
  return Object.keys(style.borders).length === 0;
}

function isBlank(cell: Cell): boolean {
  return cell.value === null && cell.formula === null && cell.validation === null && cell.hyperlink === null && isDefaultStyle(cell.style);
}

/** Equal values, comparing objects (a dropdown list, a border) by content. */
function same(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));
}

type Entry = { value: string | number | boolean | null; formula: string | null; numberFormat?: string };

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE_TEXT = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
/** Excel's date serial of 1970-01-01 (day 1 is 1900-01-01, with Lotus's 1900-02-29). */
const UNIX_EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;
const GROUPED_TEXT = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * What Excel stores when `input` is written to a cell, as if typed: `=…` (and `+…`, `-…`,
 * `@…` that are not numbers) become formulas, number-like text becomes a number (`25%` with
 * a percent format, `2022/12/31` a date), `TRUE` a logical — unless the cell is formatted as
 * text (`@`).
 */
function entryFor(input: unknown, numberFormat: string): Entry {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new PreviewError('InvalidArgument', `${input} is not a number Excel can store`);
    return { value: input, formula: null };
  }
  if (typeof input === 'boolean') return { value: input, formula: null };
  if (typeof input !== 'string') throw new PreviewError('InvalidArgument', `a cell cannot hold ${JSON.stringify(input)}`);
  if (input.length > 32767) throw new PreviewError('InvalidArgument', 'a cell holds at most 32,767 characters');
  if (input === '') return { value: null, formula: null };
  if (numberFormat === '@') return { value: input, formula: null };
  if (NUMBER_TEXT.test(input)) return { value: Number(input), formula: null };
  if (GROUPED_TEXT.test(input)) {
    const general = numberFormat === 'General';
    return { value: Number(input.replace(/,/g, '')), formula: null, numberFormat: general ? (input.includes('.') ? '#,##0.00' : '#,##0') : undefined };
  }
  if (input.endsWith('%') && NUMBER_TEXT.test(input.slice(0, -1))) {
    const value = new Decimal(input.slice(0, -1)).div(100).toNumber();
    const general = numberFormat === 'General';
    return { value, formula: null, numberFormat: general ? (input.includes('.') ? '0.00%' : '0%') : undefined };
  }
  if (/^(TRUE|FALSE)$/i.test(input)) return { value: input.toUpperCase() === 'TRUE', formula: null };
  const date = DATE_TEXT.exec(input);
  if (date) {
    const [year, month, day] = date.slice(1).map(Number);
    const time = Date.UTC(year, month - 1, day);
    if (new Date(time).getUTCDate() === day && month <= 12) {
      return { value: time / DAY_MS + UNIX_EPOCH_SERIAL, formula: null, numberFormat: numberFormat === 'General' ? 'yyyy/m/d' : undefined };
    }
  }
  const lead = input[0];
  if (input.length > 1 && (lead === '=' || lead === '+' || lead === '-' || lead === '@')) {
    const formula = lead === '=' ? input : lead === '@' ? `=${input.slice(1)}` : `=${input}`;
    try {
      parseFormula(formula);
    } catch (e) {
      if (e instanceof FormulaSyntaxError) throw new PreviewError('InvalidArgument', `'${input}' is not a formula Excel accepts: ${e.message}`);
      throw e;
    }
    return { value: null, formula };
  }
  return { value: input, formula: null };
}

/**
 * The input for each cell of an area: a 2-D array of the area's shape, or one scalar for
 * every cell. `null` entries leave their cell unchanged, as in Office.js.
 */
function inputFor(area: CellRange, input: unknown, what: string): (row: number, col: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  if (input.length !== rows || input.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw new PreviewError(
      'InvalidArgument',
      `the ${what} array does not match the size of the range (${rows}×${cols}): the number of rows or columns in the input array doesn't match the size or dimensions of the range`,
    );
  }
  return (row, col) => (input[row - area.top] as unknown[])[col - area.left];
}

function checkSheetName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
    throw new PreviewError(
      'InvalidArgument',
      `'${String(name)}' is not a valid sheet name: 1 to 31 characters, none of : \\ / ? * [ ], not starting or ending with ', not History`,
    );
  }
  return name;
}

/** Width of a text in character units: CJK characters take two. */
function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return n;
}

export class Workbook {
  readonly sheets: Sheet[] = [];
  activeSheet: Sheet;
  /** Values saved with the document (Office.Settings after saveAsync). */
  savedSettings: Record<string, unknown> = {};
  private nextId = 1;
  private events: ModelEvent[] = [];
  private readonly computing = new Set<Cell>();

  constructor(sheetNames: string[]) {
    if (sheetNames.length === 0) throw new Error('a workbook has at least one sheet');
    for (const name of sheetNames) this.addSheet(name);
    this.activeSheet = this.sheets[0];
    this.events = [];
  }

  /** Events raised since the last call. */
  takeEvents(): ModelEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  // ---- sheets -------------------------------------------------------------------------

  /** A sheet by name (any case) or id. */
  findSheet(nameOrId: string): Sheet | undefined {
    const upper = nameOrId.toUpperCase();
    return this.sheets.find((s) => s.name.toUpperCase() === upper || s.id === nameOrId);
  }

  sheet(nameOrId: string): Sheet {
    const sheet = this.findSheet(nameOrId);
    if (!sheet) throw new PreviewError('ItemNotFound', `there is no worksheet '${nameOrId}'`);
    return sheet;
  }

  has(sheet: Sheet): boolean {
    return this.sheets.includes(sheet);
  }

  private checkUnique(name: string, except?: Sheet): void {
    const other = this.sheets.find((s) => s !== except && s.name.toUpperCase() === name.toUpperCase());
    if (other) throw new PreviewError('ItemAlreadyExists', `a worksheet named '${other.name}' already exists`);
  }

  /** Adds a sheet at the end, as `worksheets.add` does; without a name, the next free `SheetN`. */
  addSheet(name?: string): Sheet {
    let finalName = name;
    if (finalName === undefined) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    }
    checkSheetName(finalName);
    this.checkUnique(finalName);
    const id = `{00000000-0001-0000-0000-${(this.nextId++).toString(16).toUpperCase().padStart(12, '0')}}`;
    const sheet = new Sheet(id, finalName);
    this.sheets.push(sheet);
    this.events.push({ kind: 'added', sheetId: id });
    return sheet;
  }

  private visibleSheets(): Sheet[] {
    return this.sheets.filter((s) => s.visibility === 'Visible');
  }

  deleteSheet(sheet: Sheet): void {
    if (sheet.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw new PreviewError('InvalidOperation', 'a workbook must keep at least one visible worksheet');
    }
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    this.adjustFormulas({ kind: 'deleteSheet', sheet: sheet.name });
    if (this.activeSheet === sheet) this.activeSheet = this.nearestVisible(index);
    this.events.push({ kind: 'deleted', sheetId: sheet.id });
  }

  private nearestVisible(index: number): Sheet {
    const after = this.sheets.slice(index).find((s) => s.visibility === 'Visible');
    return after ?? (this.visibleSheets().pop() as Sheet);
  }

  renameSheet(sheet: Sheet, name: unknown): void {
    const newName = checkSheetName(name);
    if (newName === sheet.name) return;
    this.checkUnique(newName, sheet);
    const before = sheet.name;
    this.adjustFormulas({ kind: 'renameSheet', from: before, to: newName });
    sheet.name = newName;
    this.events.push({ kind: 'renamed', sheetId: sheet.id, before, after: newName });
  }

  moveSheet(sheet: Sheet, position: unknown): void {
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw new PreviewError('InvalidArgument', `position ${String(position)} is outside 0–${this.sheets.length - 1}`);
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  setVisibility(sheet: Sheet, visibility: unknown): void {
    const v = checkEnum('visibility', visibility);
    if (v !== 'Visible' && sheet.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw new PreviewError('InvalidOperation', 'a workbook must keep at least one visible worksheet');
    }
    sheet.visibility = v;
    if (v !== 'Visible' && this.activeSheet === sheet) this.activeSheet = this.nearestVisible(this.sheets.indexOf(sheet));
  }

  /** `''` removes the tab colour. */
  setTabColor(sheet: Sheet, color: unknown): void {
    sheet.tabColor = color === '' ? '' : checkColor(color);
  }

  setPageSetup(sheet: Sheet, patch: Partial<PageSetup>): void {
    if (patch.orientation !== undefined) checkEnum('orientation', patch.orientation);
    if (patch.paperSize !== undefined && !(typeof patch.paperSize === 'string' && /^[A-Za-z0-9]+$/.test(patch.paperSize))) {
      throw new PreviewError('InvalidArgument', `paper size '${String(patch.paperSize)}'`);
    }
    const zoom = patch.zoom;
    if (zoom !== undefined) {
      const { scale, horizontalFitToPages: h, verticalFitToPages: v } = zoom;
      const count = (n: unknown) => n === undefined || (typeof n === 'number' && Number.isInteger(n) && n >= 0);
      if (typeof zoom !== 'object' || zoom === null || !(scale === undefined || (typeof scale === 'number' && scale >= 10 && scale <= 400)) || !count(h) || !count(v)) {
        throw new PreviewError('InvalidArgument', `zoom ${JSON.stringify(zoom)}: scale 10–400 or whole numbers of pages`);
      }
    }
    sheet.page = { ...sheet.page, ...patch, zoom: zoom ? { ...zoom } : sheet.page.zoom };
  }

  setFreeze(sheet: Sheet, rows: unknown, columns: unknown): void {
    const ok = (n: unknown, max: number) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < max;
    if (!ok(rows, MAX_ROWS) || !ok(columns, MAX_COLUMNS)) throw new PreviewError('InvalidArgument', `cannot freeze ${String(rows)} rows and ${String(columns)} columns`);
    sheet.freeze = { rows: rows as number, columns: columns as number };
  }

  activate(sheet: Sheet): void {
    if (sheet.visibility !== 'Visible') throw new PreviewError('InvalidOperation', `worksheet '${sheet.name}' is hidden`);
    this.activeSheet = sheet;
  }

  select(sheet: Sheet, area: CellRange): void {
    const moved = this.activeSheet !== sheet || areaAddress(sheet.selection) !== areaAddress(area);
    this.activate(sheet);
    sheet.selection = area;
    if (moved) this.events.push({ kind: 'selectionChanged', sheetId: sheet.id, area });
  }

  /**
   * Drops the change events raised since the last `takeEvents` for the cells of `area`: a choice from
   * a dropdown list that Excel (on the web and desktop) may not report through onChanged (office-js
   * issues #3888, #4066, #420).
   */
  dropChangeEvents(sheet: Sheet, area: CellRange): void {
    this.events = this.events.filter((e) => !(e.kind === 'changed' && e.sheetId === sheet.id && areaAddress(e.area) === areaAddress(area)));
  }

  private adjustFormulas(change: ReferenceChange): void {
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) {
        if (cell.formula !== null) cell.formula = adjustFormula(cell.formula, s.name, change);
      }
      for (const cf of s.conditionalFormats) {
        if (cf.formula !== '') cf.formula = adjustFormula(cf.formula, s.name, change);
      }
    }
  }

  // ---- reading cells ------------------------------------------------------------------

  /** The computed value of a cell: null when empty, a FormulaError for `#REF!` and friends. */
  value(sheet: Sheet, row: number, col: number): Scalar {
    const cell = sheet.cells.get(key(row, col));
    if (!cell) return null;
    if (cell.formula === null) return cell.value;
    // A circular reference: Excel warns and shows 0.
    if (this.computing.has(cell)) return 0;
    this.computing.add(cell);
    try {
      return this.evaluateOn(sheet, cell.formula);
    } finally {
      this.computing.delete(cell);
    }
  }

  /** A formula's value as if it lived on `sheet`. */
  private evaluateOn(sheet: Sheet, formula: string): Scalar {
    return evaluate(formula, {
      cell: (name, r, c) => {
        const target = name === undefined ? sheet : this.sheets.find((s) => s.name.toUpperCase() === name.toUpperCase());
        return target && this.value(target, r, c);
      },
    });
  }

  /**
   * What the conditional formats show on a cell: each format whose area holds the cell and whose
   * formula (moved from the area's top-left cell to this one) is TRUE or a non-zero number, in
   * priority order; the first to set a fill (or font colour) wins it. Undefined when none applies.
   */
  conditionalLook(sheet: Sheet, row: number, col: number): ConditionalLook | undefined {
    let look: ConditionalLook | undefined;
    for (const cf of sheet.conditionalFormats) {
      const { area } = cf;
      if (cf.formula === '' || row < area.top || row > area.bottom || col < area.left || col > area.right) continue;
      const v = this.evaluateOn(sheet, offsetFormula(cf.formula, row - area.top, col - area.left));
      if (!(v === true || (typeof v === 'number' && v !== 0))) continue;
      look ??= {};
      if (cf.fill !== null && look.fill === undefined) look.fill = cf.fill;
      if (cf.fontColor !== null && look.fontColor === undefined) look.fontColor = cf.fontColor;
    }
    return look;
  }

  /** The formula of a cell, or its constant (`''` when empty): what `Range.formulas` returns. */
  formula(sheet: Sheet, row: number, col: number): string | number | boolean {
    const cell = sheet.cells.get(key(row, col));
    return cell?.formula ?? cell?.value ?? '';
  }

  style(sheet: Sheet, row: number, col: number): CellStyle {
    return sheet.cells.get(key(row, col))?.style ?? DEFAULT_STYLE;
  }

  validation(sheet: Sheet, row: number, col: number): CellValidation | null {
    return sheet.cells.get(key(row, col))?.validation ?? null;
  }

  hyperlink(sheet: Sheet, row: number, col: number): Hyperlink | null {
    return sheet.cells.get(key(row, col))?.hyperlink ?? null;
  }

  /** A 2-D array over an area. */
  grid<T>(area: CellRange, read: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const line: T[] = [];
      for (let c = area.left; c <= area.right; c++) line.push(read(r, c));
      out.push(line);
    }
    return out;
  }

  /**
   * The one value `pick` gives for every cell of the area, or null when cells differ —
   * Office.js's answer for a mixed range. Walks only stored cells when the area is large.
   */
  private uniform<T>(sheet: Sheet, area: CellRange, pick: (cell: Cell | undefined) => T): T | null {
    let seen = 0;
    let first: { v: T } | undefined;
    const agrees = (v: T) => {
      first ??= { v };
      return same(first.v, v);
    };
    for (const [, , cell] of this.storedCells(sheet, area)) {
      seen++;
      if (!agrees(pick(cell))) return null;
    }
    if (seen < cellCount(area) && !agrees(pick(undefined))) return null;
    return first ? first.v : null;
  }

  /** A style field shared by every cell of the area, or null when they differ. */
  uniformStyle<T>(sheet: Sheet, area: CellRange, pick: (style: CellStyle) => T): T | null {
    return this.uniform(sheet, area, (cell) => pick(cell?.style ?? DEFAULT_STYLE));
  }

  /** The dropdown list of every cell of the area: null when none, undefined when cells differ. */
  uniformValidation(sheet: Sheet, area: CellRange): CellValidation | null | undefined {
    const v = this.uniform(sheet, area, (cell) => ({ v: cell?.validation ?? null }));
    return v === null ? undefined : v.v;
  }

  /** Stored cells inside an area, by walking whichever is smaller: the area or the sheet. */
  private *storedCells(sheet: Sheet, area: CellRange): Generator<[number, number, Cell]> {
    if (cellCount(area) <= sheet.cells.size) {
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          const cell = sheet.cells.get(key(r, c));
          if (cell) yield [r, c, cell];
        }
      }
    } else {
      for (const [k, cell] of [...sheet.cells]) {
        const r = rowOf(k);
        const c = colOf(k);
        if (r >= area.top && r <= area.bottom && c >= area.left && c <= area.right) yield [r, c, cell];
      }
    }
  }

  /** The merged area a cell belongs to, if any. */
  private mergeAt(sheet: Sheet, row: number, col: number): CellRange | undefined {
    return sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /** Cells of a merged area other than its top-left one: always blank. */
  private isHiddenByMerge(sheet: Sheet, row: number, col: number): boolean {
    const m = this.mergeAt(sheet, row, col);
    return m !== undefined && (m.top !== row || m.left !== col);
  }

  /** The bounding box of stored cells (with values only, or also formats and merges); null on an empty sheet. */
  usedArea(sheet: Sheet, valuesOnly: boolean): CellRange | null {
    let box: CellRange | null = null;
    const grow = (r: CellRange) => {
      box = box ? { top: Math.min(box.top, r.top), left: Math.min(box.left, r.left), bottom: Math.max(box.bottom, r.bottom), right: Math.max(box.right, r.right) } : { ...r };
    };
    for (const [k, cell] of sheet.cells) {
      if (valuesOnly && cell.value === null && cell.formula === null) continue;
      const r = rowOf(k);
      const c = colOf(k);
      grow({ top: r, left: c, bottom: r, right: c });
    }
    if (!valuesOnly) sheet.merges.forEach(grow);
    return box;
  }

  // ---- writing cells ------------------------------------------------------------------

  private cell(sheet: Sheet, row: number, col: number): Cell {
    const k = key(row, col);
    let cell = sheet.cells.get(k);
    if (!cell) {
      cell = { value: null, formula: null, style: DEFAULT_STYLE, validation: null, hyperlink: null };
      sheet.cells.set(k, cell);
    }
    return cell;
  }

  private prune(sheet: Sheet, row: number, col: number): void {
    const k = key(row, col);
    const cell = sheet.cells.get(k);
    if (cell && isBlank(cell)) sheet.cells.delete(k);
  }

  private checkSize(area: CellRange): void {
    if (cellCount(area) > MAX_CELLS_PER_CALL) {
      throw new PreviewError('InvalidArgument', `the preview host changes at most ${MAX_CELLS_PER_CALL} cells per call; this range has ${cellCount(area)}`);
    }
  }

  private changed(sheet: Sheet, area: CellRange, changeType: ChangeType, details?: { before: Scalar; after: Scalar }): void {
    this.events.push({ kind: 'changed', sheetId: sheet.id, area, changeType, details });
  }

  /**
   * `Range.values` / `Range.formulas`: each entry is stored as if typed (see `entryFor`).
   * Cells hidden by a merge keep nothing, as Excel drops what is written there.
   */
  writeCells(sheet: Sheet, area: CellRange, input: unknown, what: 'values' | 'formulas'): void {
    const at = inputFor(area, input, what);
    this.checkSize(area);
    const single = cellCount(area) === 1;
    const before = single ? this.value(sheet, area.top, area.left) : null;
    const entries: [number, number, Entry][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const v = at(r, c);
        if (v === null || v === undefined || this.isHiddenByMerge(sheet, r, c)) continue;
        entries.push([r, c, entryFor(v, this.style(sheet, r, c).numberFormat)]);
      }
    }
    for (const [r, c, e] of entries) {
      const cell = this.cell(sheet, r, c);
      cell.value = e.value;
      cell.formula = e.formula;
      if (e.numberFormat) cell.style = { ...cell.style, numberFormat: e.numberFormat };
      this.prune(sheet, r, c);
    }
    this.changed(sheet, area, 'RangeEdited', single ? { before, after: this.value(sheet, area.top, area.left) } : undefined);
  }

  writeNumberFormat(sheet: Sheet, area: CellRange, input: unknown): void {
    const at = inputFor(area, input, 'numberFormat');
    this.checkSize(area);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const f = at(r, c);
        if (f === null || f === undefined) continue;
        if (typeof f !== 'string') throw new PreviewError('InvalidArgument', `number format ${JSON.stringify(f)} is not text`);
        this.setStyleAt(sheet, r, c, { numberFormat: f === '' ? 'General' : f });
      }
    }
  }

  private setStyleAt(sheet: Sheet, row: number, col: number, patch: Partial<CellStyle>): void {
    const cell = this.cell(sheet, row, col);
    cell.style = { ...cell.style, ...patch };
    this.prune(sheet, row, col);
  }

  /** Sets style fields on every cell of the area (fill, font, wrap, alignment). */
  setStyle(sheet: Sheet, area: CellRange, patch: Partial<CellStyle>): void {
    this.checkSize(area);
    if (patch.fill !== undefined && patch.fill !== null) patch = { ...patch, fill: checkColor(patch.fill) };
    if (patch.fontColor !== undefined) patch = { ...patch, fontColor: checkColor(patch.fontColor) };
    if (patch.fontSize !== undefined && !(typeof patch.fontSize === 'number' && patch.fontSize >= 1 && patch.fontSize <= 409)) {
      throw new PreviewError('InvalidArgument', `font size ${String(patch.fontSize)}`);
    }
    if (patch.horizontalAlignment !== undefined) checkEnum('horizontalAlignment', patch.horizontalAlignment);
    if (patch.verticalAlignment !== undefined) checkEnum('verticalAlignment', patch.verticalAlignment);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) this.setStyleAt(sheet, r, c, patch);
    }
  }

  /** The cell sides an Excel border index stands for. */
  private borderTargets(area: CellRange, index: BorderIndex): { row: number; col: number; side: BorderSide }[] {
    const out: { row: number; col: number; side: BorderSide }[] = [];
    const each = (rows: [number, number], cols: [number, number], side: BorderSide) => {
      for (let r = rows[0]; r <= rows[1]; r++) for (let c = cols[0]; c <= cols[1]; c++) out.push({ row: r, col: c, side });
    };
    const { top, left, bottom, right } = area;
    switch (index) {
      case 'EdgeTop':
        each([top, top], [left, right], 'top');
        break;
      case 'EdgeBottom':
        each([bottom, bottom], [left, right], 'bottom');
        break;
      case 'EdgeLeft':
        each([top, bottom], [left, left], 'left');
        break;
      case 'EdgeRight':
        each([top, bottom], [right, right], 'right');
        break;
      case 'InsideHorizontal':
        each([top, bottom - 1], [left, right], 'bottom');
        break;
      case 'InsideVertical':
        each([top, bottom], [left, right - 1], 'right');
        break;
      case 'DiagonalDown':
        each([top, bottom], [left, right], 'diagonalDown');
        break;
      case 'DiagonalUp':
        each([top, bottom], [left, right], 'diagonalUp');
        break;
    }
    return out;
  }

  /** The neighbouring cell side that draws the same edge. */
  private static facing(row: number, col: number, side: BorderSide): { row: number; col: number; side: BorderSide } | null {
    switch (side) {
      case 'top':
        return row > 0 ? { row: row - 1, col, side: 'bottom' } : null;
      case 'bottom':
        return row < MAX_ROWS - 1 ? { row: row + 1, col, side: 'top' } : null;
      case 'left':
        return col > 0 ? { row, col: col - 1, side: 'right' } : null;
      case 'right':
        return col < MAX_COLUMNS - 1 ? { row, col: col + 1, side: 'left' } : null;
      default:
        return null;
    }
  }

  /** The border drawn on a cell side, whichever of the two cells sharing the edge carries it. */
  private borderAt(sheet: Sheet, row: number, col: number, side: BorderSide): Border {
    const own = this.style(sheet, row, col).borders[side];
    if (own) return own;
    const f = Workbook.facing(row, col, side);
    return (f && this.style(sheet, f.row, f.col).borders[f.side]) || NO_BORDER;
  }

  readBorder(sheet: Sheet, area: CellRange, index: BorderIndex): { style: string | null; weight: string | null; color: string | null } {
    const borders = this.borderTargets(area, index).map((t) => this.borderAt(sheet, t.row, t.col, t.side));
    const one = (field: keyof Border) => (borders.every((b) => b[field] === (borders[0] ?? NO_BORDER)[field]) ? (borders[0] ?? NO_BORDER)[field] : null);
    return { style: one('style'), weight: one('weight'), color: one('color') };
  }

  setBorder(sheet: Sheet, area: CellRange, index: BorderIndex, patch: Partial<Border>): void {
    this.checkSize(area);
    if (patch.style !== undefined) checkEnum('style', patch.style);
    if (patch.weight !== undefined) checkEnum('weight', patch.weight);
    if (patch.color !== undefined) patch = { ...patch, color: checkColor(patch.color) };
    for (const { row, col, side } of this.borderTargets(area, index)) {
      const current = this.borderAt(sheet, row, col, side);
      const next = { ...(current.style === 'None' ? { ...NO_BORDER, style: 'Continuous' } : current), ...patch };
      const f = Workbook.facing(row, col, side);
      if (f && this.style(sheet, f.row, f.col).borders[f.side]) {
        this.setStyleAt(sheet, f.row, f.col, { borders: withoutSide(this.style(sheet, f.row, f.col).borders, f.side) });
      }
      const others = withoutSide(this.style(sheet, row, col).borders, side);
      this.setStyleAt(sheet, row, col, { borders: next.style === 'None' ? others : { ...others, [side]: next } });
    }
  }

  setColumnWidth(sheet: Sheet, area: CellRange, width: unknown): void {
    if (typeof width !== 'number' || !(width >= 0)) throw new PreviewError('InvalidArgument', `column width ${String(width)}`);
    for (let c = area.left; c <= area.right; c++) sheet.columnWidths.set(c, width);
  }

  setRowHeight(sheet: Sheet, area: CellRange, height: unknown): void {
    if (typeof height !== 'number' || !(height >= 0) || height > 409) throw new PreviewError('InvalidArgument', `row height ${String(height)}`);
    for (let r = area.top; r <= area.bottom; r++) sheet.rowHeights.set(r, height);
  }

  columnWidth(sheet: Sheet, col: number): number {
    return sheet.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  /**
   * Row heights from the text the rows hold: wrapped text takes as many lines as the
   * column width needs. Like Excel, merged cells are ignored by autofit.
   */
  autofitRows(sheet: Sheet, area: CellRange): void {
    const lines = new Map<number, number>();
    for (const [k, cell] of sheet.cells) {
      const r = rowOf(k);
      const c = colOf(k);
      if (r < area.top || r > area.bottom || this.mergeAt(sheet, r, c)) continue;
      const text = displayText(this.value(sheet, r, c), cell.style.numberFormat);
      if (text === '') continue;
      const capacity = Math.max(1, Math.floor(this.columnWidth(sheet, c) / 5.25));
      const n = cell.style.wrapText ? text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(textUnits(part) / capacity)), 0) : 1;
      const height = n * Math.round((cell.style.fontSize * DEFAULT_ROW_HEIGHT) / 11);
      lines.set(r, Math.max(lines.get(r) ?? 0, height));
    }
    for (let r = area.top; r <= area.bottom; r++) {
      const h = lines.get(r);
      if (h === undefined || h === DEFAULT_ROW_HEIGHT) sheet.rowHeights.delete(r);
      else sheet.rowHeights.set(r, Math.min(409, h));
    }
  }

  // ---- merges -------------------------------------------------------------------------

  /** Merges the area (or each of its rows when `across`); only the top-left cell keeps its content. */
  merge(sheet: Sheet, area: CellRange, across: boolean): void {
    const parts = across ? Array.from({ length: area.bottom - area.top + 1 }, (_, i) => ({ ...area, top: area.top + i, bottom: area.top + i })) : [area];
    for (const part of parts) {
      if (cellCount(part) === 1) continue;
      for (const m of sheet.merges) {
        if (intersect(m, part) && !contains(part, m)) {
          throw new PreviewError('InvalidOperation', `${areaAddress(part)} partly overlaps the merged area ${areaAddress(m)}`);
        }
      }
      sheet.merges = sheet.merges.filter((m) => !contains(part, m));
      for (const [r, c, cell] of this.storedCells(sheet, part)) {
        if (r === part.top && c === part.left) continue;
        cell.value = null;
        cell.formula = null;
        this.prune(sheet, r, c);
      }
      sheet.merges.push({ ...part });
    }
  }

  unmerge(sheet: Sheet, area: CellRange): void {
    sheet.merges = sheet.merges.filter((m) => !intersect(m, area));
  }

  mergesIn(sheet: Sheet, area: CellRange): CellRange[] {
    return sheet.merges.filter((m) => intersect(m, area));
  }

  // ---- inserting and deleting ----------------------------------------------------------

  /**
   * `Range.insert('Down')`: cells from the area's top row down, in its columns, move down
   * by the area's height; the new cells take the formats and dropdowns of the row above,
   * merged areas and formulas follow, as in Excel.
   */
  insertDown(sheet: Sheet, area: CellRange): void {
    const n = area.bottom - area.top + 1;
    const band = { left: area.left, right: area.right };
    for (const [k, cell] of sheet.cells) {
      if (rowOf(k) >= MAX_ROWS - n && colOf(k) >= band.left && colOf(k) <= band.right && (cell.value !== null || cell.formula !== null)) {
        throw new PreviewError('InvalidOperation', 'To prevent possible loss of data, Excel cannot shift nonblank cells off of the worksheet.');
      }
    }
    this.checkMergesInBand(sheet, area.top, band);
    sheet.merges = sheet.merges.map((m) => {
      if (m.left < band.left || m.right > band.right || m.bottom < area.top) return m;
      return m.top >= area.top ? { ...m, top: m.top + n, bottom: m.bottom + n } : { ...m, bottom: m.bottom + n };
    });
    sheet.conditionalFormats.forEach((cf) => {
      const m = cf.area;
      if (m.left < band.left || m.right > band.right || m.bottom < area.top) return;
      cf.area = m.top >= area.top ? { ...m, top: m.top + n, bottom: m.bottom + n } : { ...m, bottom: m.bottom + n };
    });
    this.moveRows(sheet, area.top, n, band);
    if (area.top > 0) {
      for (let c = band.left; c <= band.right; c++) {
        const above = sheet.cells.get(key(area.top - 1, c));
        if (!above || (isDefaultStyle(above.style) && above.validation === null)) continue;
        for (let r = area.top; r <= area.bottom; r++) {
          const cell = this.cell(sheet, r, c);
          cell.style = above.style;
          cell.validation = above.validation;
        }
      }
    }
    const entire = isEntireRows(area);
    if (entire) this.moveRowHeights(sheet, area.top, n);
    this.adjustFormulas({ kind: 'shiftRows', sheet: sheet.name, at: area.top, count: n, ...band });
    this.changed(sheet, area, entire ? 'RowInserted' : 'CellInserted');
  }

  /** `Range.delete('Up')`: the area's cells go, the cells below move up; formulas to them become #REF!. */
  deleteUp(sheet: Sheet, area: CellRange): void {
    const n = area.bottom - area.top + 1;
    const band = { left: area.left, right: area.right };
    this.checkMergesInBand(sheet, area.top, band);
    sheet.merges = sheet.merges.flatMap((m) => {
      if (m.left < band.left || m.right > band.right || m.bottom < area.top) return [m];
      if (m.top > area.bottom) return [{ ...m, top: m.top - n, bottom: m.bottom - n }];
      const top = Math.min(m.top, area.top);
      const removed = Math.min(m.bottom, area.bottom) - Math.max(m.top, area.top) + 1;
      const next = { ...m, top, bottom: m.bottom - removed };
      return next.bottom >= next.top && cellCount(next) > 1 ? [next] : [];
    });
    sheet.conditionalFormats = sheet.conditionalFormats.flatMap((cf) => {
      const m = cf.area;
      if (m.left < band.left || m.right > band.right || m.bottom < area.top) return [cf];
      if (m.top > area.bottom) return [{ ...cf, area: { ...m, top: m.top - n, bottom: m.bottom - n } }];
      const removed = Math.min(m.bottom, area.bottom) - Math.max(m.top, area.top) + 1;
      const next = { ...m, top: Math.min(m.top, area.top), bottom: m.bottom - removed };
      return next.bottom >= next.top ? [{ ...cf, area: next }] : [];
    });
    for (const [r, c] of [...this.storedCells(sheet, area)]) sheet.cells.delete(key(r, c));
    this.moveRows(sheet, area.bottom + 1, -n, band);
    const entire = isEntireRows(area);
    if (entire) {
      for (let r = area.top; r <= area.bottom; r++) sheet.rowHeights.delete(r);
      this.moveRowHeights(sheet, area.bottom + 1, -n);
    }
    this.adjustFormulas({ kind: 'shiftRows', sheet: sheet.name, at: area.top, count: -n, ...band });
    this.changed(sheet, area, entire ? 'RowDeleted' : 'CellDeleted');
  }

  /** Excel refuses to shift part of a merged area. */
  private checkMergesInBand(sheet: Sheet, fromRow: number, band: { left: number; right: number }): void {
    for (const { area: m } of sheet.conditionalFormats) {
      const overlaps = m.right >= band.left && m.left <= band.right;
      const inside = m.left >= band.left && m.right <= band.right;
      if (overlaps && !inside && m.bottom >= fromRow) {
        throw new PreviewError('InvalidOperation', `the preview host cannot move part of the conditional format on ${areaAddress(m)}: insert or delete whole rows`);
      }
    }
    for (const m of sheet.merges) {
      const overlaps = m.right >= band.left && m.left <= band.right;
      const inside = m.left >= band.left && m.right <= band.right;
      if (overlaps && !inside && m.bottom >= fromRow) {
        throw new PreviewError('InvalidOperation', `this would move part of the merged area ${areaAddress(m)}`);
      }
    }
  }

  /** Moves the stored cells in the band's columns at or below `fromRow` by `by` rows. */
  private moveRows(sheet: Sheet, fromRow: number, by: number, band: { left: number; right: number }): void {
    const moving = [...sheet.cells].filter(([k]) => rowOf(k) >= fromRow && colOf(k) >= band.left && colOf(k) <= band.right);
    for (const [k] of moving) sheet.cells.delete(k);
    for (const [k, cell] of moving) sheet.cells.set(key(rowOf(k) + by, colOf(k)), cell);
  }

  private moveRowHeights(sheet: Sheet, fromRow: number, by: number): void {
    const moving = [...sheet.rowHeights].filter(([r]) => r >= fromRow);
    for (const [r] of moving) sheet.rowHeights.delete(r);
    for (const [r, h] of moving) sheet.rowHeights.set(r + by, h);
    if (by > 0 && fromRow > 0 && sheet.rowHeights.has(fromRow - 1)) {
      for (let r = fromRow; r < fromRow + by; r++) sheet.rowHeights.set(r, sheet.rowHeights.get(fromRow - 1) as number);
    }
  }

  // ---- clearing, validation, hyperlinks ------------------------------------------------

  clear(sheet: Sheet, area: CellRange, applyTo: string): void {
    const contents = applyTo === 'All' || applyTo === 'Contents' || applyTo === 'ResetContents';
    const formats = applyTo === 'All' || applyTo === 'Formats';
    const links = applyTo === 'All' || applyTo === 'Hyperlinks' || applyTo === 'RemoveHyperlinks';
    if (!contents && !formats && !links) throw new PreviewError('InvalidArgument', `clear('${applyTo}')`);
    for (const [r, c, cell] of [...this.storedCells(sheet, area)]) {
      if (contents) {
        cell.value = null;
        cell.formula = null;
      }
      if (formats) cell.style = DEFAULT_STYLE;
      if (links) cell.hyperlink = null;
      this.prune(sheet, r, c);
    }
    if (formats) {
      this.unmerge(sheet, area);
      for (const cf of sheet.conditionalFormats) {
        if (intersect(cf.area, area) && !contains(area, cf.area)) {
          throw new PreviewError('InvalidOperation', `the preview host clears a conditional format only whole; ${areaAddress(area)} covers part of ${areaAddress(cf.area)}`);
        }
      }
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !contains(area, cf.area));
    }
    if (contents) this.changed(sheet, area, 'RangeEdited');
  }

  /** Replaces (or, with null, removes) the whole validation of every cell. */
  setValidation(sheet: Sheet, area: CellRange, validation: CellValidation | null): void {
    this.checkSize(area);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        this.cell(sheet, r, c).validation = validation && { ...validation };
        this.prune(sheet, r, c);
      }
    }
  }

  /** Sets the rule (a list or a decimal) of every cell, keeping its input message and error alert. */
  setValidationRule(sheet: Sheet, area: CellRange, rule: Pick<CellValidation, 'inCellDropDown' | 'source' | 'decimal'>): void {
    this.checkSize(area);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const cell = this.cell(sheet, r, c);
        const kept: CellValidation = {};
        if (cell.validation?.prompt) kept.prompt = cell.validation.prompt;
        if (cell.validation?.alert) kept.alert = cell.validation.alert;
        cell.validation = { ...rule, ...kept };
      }
    }
  }

  /** The input message of every cell; a cell without validation gets one that allows any value, as Excel does. */
  setValidationPrompt(sheet: Sheet, area: CellRange, prompt: ValidationPrompt): void {
    this.checkSize(area);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const cell = this.cell(sheet, r, c);
        cell.validation = { ...(cell.validation ?? {}), prompt: { ...prompt } };
      }
    }
  }

  /** The error alert of every cell's rule; a cell without a rule refuses it (an alert needs something to refuse). */
  setValidationAlert(sheet: Sheet, area: CellRange, alert: ValidationAlert): void {
    this.checkSize(area);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const v = this.validation(sheet, r, c);
        if (!v || (v.source === undefined && v.decimal === undefined)) {
          throw new PreviewError('InvalidOperation', `errorAlert on ${a1(r, c)}: the preview host keeps error alerts of list and decimal rules only; set the rule first`);
        }
      }
    }
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const cell = this.cell(sheet, r, c);
        cell.validation = { ...cell.validation!, alert: { ...alert } };
      }
    }
  }

  /** A hyperlink on each cell; `textToDisplay` (or the target, in an empty cell) becomes the cell's text. */
  setHyperlink(sheet: Sheet, area: CellRange, link: Hyperlink): void {
    this.checkSize(area);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const cell = this.cell(sheet, r, c);
        cell.hyperlink = { ...link };
        const text = link.textToDisplay ?? (cell.value === null && cell.formula === null ? link.address ?? link.documentReference : undefined);
        if (text !== undefined) {
          cell.value = text;
          cell.formula = null;
        }
      }
    }
    this.changed(sheet, area, 'RangeEdited');
  }

  // ---- conditional formats -------------------------------------------------------------

  /** Adds a conditional format of `type` on the area, first in priority (Excel's `add`); the preview models `Custom` only. */
  addConditionalFormat(sheet: Sheet, area: CellRange, type: unknown): ConditionalFormat {
    if (type !== 'Custom') throw new PreviewError('InvalidArgument', `conditional format type '${String(type)}': the preview host models Custom (formula) formats only`);
    this.checkSize(area);
    const cf: ConditionalFormat = { id: `{CF-${(this.nextId++).toString(16).toUpperCase()}}`, area: { ...area }, type, formula: '', fill: null, fontColor: null };
    sheet.conditionalFormats.unshift(cf);
    return cf;
  }

  /** The conditional formats whose area meets `area`, in priority order. */
  conditionalFormatsIn(sheet: Sheet, area: CellRange): ConditionalFormat[] {
    return sheet.conditionalFormats.filter((cf) => intersect(cf.area, area));
  }

  /** The live conditional format, failing as Excel does once it has been deleted (or its sheet). */
  liveConditionalFormat(sheet: Sheet, cf: ConditionalFormat): ConditionalFormat {
    if (!this.has(sheet) || !sheet.conditionalFormats.includes(cf)) throw new PreviewError('ItemNotFound', 'this conditional format has been deleted');
    return cf;
  }

  setConditionalFormula(cf: ConditionalFormat, formula: unknown): void {
    if (typeof formula !== 'string' || !formula.startsWith('=') || formula.length > 8192) {
      throw new PreviewError('InvalidArgument', `a conditional format's formula is a text starting with '=' (got ${JSON.stringify(formula)})`);
    }
    try {
      parseFormula(formula);
    } catch (e) {
      if (e instanceof FormulaSyntaxError) throw new PreviewError('InvalidArgument', `'${formula}' is not a formula Excel accepts: ${e.message}`);
      throw e;
    }
    cf.formula = formula;
  }

  setConditionalLook(cf: ConditionalFormat, patch: { fill?: unknown; fontColor?: unknown }): void {
    if (patch.fill !== undefined) cf.fill = checkColor(patch.fill);
    if (patch.fontColor !== undefined) cf.fontColor = checkColor(patch.fontColor);
  }

  deleteConditionalFormat(sheet: Sheet, cf: ConditionalFormat): void {
    sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
  }

  /** Removes the conditional formats that meet the area (`clearAll`); one reaching outside it is refused rather than cut. */
  clearConditionalFormats(sheet: Sheet, area: CellRange): void {
    for (const cf of this.conditionalFormatsIn(sheet, area)) {
      if (!contains(area, cf.area)) {
        throw new PreviewError('InvalidOperation', `the preview host clears a conditional format only whole; ${areaAddress(area)} covers part of ${areaAddress(cf.area)}`);
      }
    }
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersect(cf.area, area));
  }

  // ---- custom properties ---------------------------------------------------------------

  setCustomProperty(sheet: Sheet, key: unknown, value: unknown): void {
    if (typeof key !== 'string' || key.length === 0 || key.length > 255) {
      throw new PreviewError('InvalidArgument', 'a custom property key has 1 to 255 characters');
    }
    if (typeof value !== 'string') throw new PreviewError('InvalidArgument', 'a custom property value is text');
    const existing = sheet.customProperties.get(key.toUpperCase());
    sheet.customProperties.set(key.toUpperCase(), { key: existing?.key ?? key, value });
  }

  deleteCustomProperty(sheet: Sheet, key: string): void {
    sheet.customProperties.delete(key.toUpperCase());
  }

  // ---- snapshots -----------------------------------------------------------------------

  cellSnapshot(sheet: Sheet, row: number, col: number): CellSnapshot {
    const cell = sheet.cells.get(key(row, col));
    const style = cell?.style ?? DEFAULT_STYLE;
    const borders: Partial<Record<BorderSide, Border>> = {};
    for (const [side, b] of Object.entries(style.borders)) borders[side as BorderSide] = { ...b };
    const conditional = this.conditionalLook(sheet, row, col);
    return {
      ...style,
      borders,
      value: apiValue(this.value(sheet, row, col)),
      formula: cell?.formula ?? null,
      validation: cell?.validation ? copyValidation(cell.validation) : null,
      hyperlink: cell?.hyperlink ? { ...cell.hyperlink } : null,
      ...(conditional ? { conditional } : {}),
    };
  }

  sheetSnapshot(sheet: Sheet): SheetSnapshot {
    const cells: Record<string, CellSnapshot> = {};
    const keys = [...sheet.cells.keys()].sort((x, y) => x - y);
    for (const k of keys) cells[a1(rowOf(k), colOf(k))] = this.cellSnapshot(sheet, rowOf(k), colOf(k));
    const byKey = <T>(m: Map<number, T>, name: (n: number) => string) => Object.fromEntries([...m].sort((x, y) => x[0] - y[0]).map(([n, v]) => [name(n), v]));
    return {
      id: sheet.id,
      name: sheet.name,
      position: this.sheets.indexOf(sheet),
      visibility: sheet.visibility,
      tabColor: sheet.tabColor,
      showGridlines: sheet.showGridlines,
      cells,
      merges: sheet.merges.map(areaAddress),
      columnWidths: byKey(sheet.columnWidths, columnName),
      rowHeights: byKey(sheet.rowHeights, (r) => String(r + 1)),
      freeze: { ...sheet.freeze },
      page: { ...sheet.page, zoom: { ...sheet.page.zoom } },
      customProperties: Object.fromEntries([...sheet.customProperties.values()].map((p) => [p.key, p.value])),
      conditionalFormats: sheet.conditionalFormats.map((cf) => ({ address: areaAddress(cf.area), type: cf.type, formula: cf.formula, fill: cf.fill, fontColor: cf.fontColor })),
      selection: areaAddress(sheet.selection),
    };
  }
}
