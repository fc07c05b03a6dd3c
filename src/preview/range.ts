/**
 * Range proxies: `Range`, its `format` (fill, font, borders), `dataValidation`, and the
 * `RangeAreas` that `getMergedAreasOrNullObject` returns.
 */
import { CellRange } from '../core/grid';
import { Engine, PreviewContext, maxVersion } from './context';
import { PreviewError } from './errors';
import { MAX_COLUMNS, MAX_ROWS } from './formula';
import { PreviewClientResult, PreviewCollection, PreviewObject, Properties, ProxyOptions } from './proxy';
import {
  Border,
  BorderIndex,
  CellStyle,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  Sheet,
  apiValue,
  cellCount,
  displayText,
  intersect,
  isEntireColumns,
  isEntireRows,
  parseAddress,
  sheetAddress,
  valueType,
  CellValidation,
  ConditionalFormat,
  ValidationAlert,
  ValidationPrompt,
} from './workbook';
import { PreviewWorksheet, liveSheet } from './worksheet';

export interface RangeTarget {
  sheet: Sheet;
  area: CellRange;
}

/** The most merged areas `getMergedAreasOrNullObject` returns; Excel fails beyond. */
const MAX_MERGED_AREAS = 512;

/** Every cell costs at least 3 bytes of JSON (`"",`): refuse before building what cannot be sent. */
function checkResponseSize(area: CellRange, engine: Engine): void {
  if (cellCount(area) * 3 > engine.payloadLimit) {
    throw new PreviewError('ResponsePayloadSizeLimitExceeded', `${cellCount(area)} cells cannot fit in a response of ${engine.payloadLimit} bytes`);
  }
}

function checkArea(area: CellRange): CellRange {
  if (area.top < 0 || area.left < 0 || area.bottom >= MAX_ROWS || area.right >= MAX_COLUMNS || area.bottom < area.top || area.right < area.left) {
    throw new PreviewError('InvalidArgument', 'the range would lie outside the worksheet');
  }
  return area;
}

/** A property read cell by cell into a 2-D array. */
function perCell<V>(read: (engine: Engine, sheet: Sheet, row: number, col: number) => V): Properties<RangeTarget>[string] {
  return {
    get: (t, engine) => {
      checkResponseSize(t.area, engine);
      return engine.workbook.grid(t.area, (r, c) => read(engine, t.sheet, r, c));
    },
  };
}

const RANGE: Properties<RangeTarget> = {
  address: { get: (t) => sheetAddress(t.sheet.name, t.area) },
  addressLocal: { get: (t) => sheetAddress(t.sheet.name, t.area) },
  rowIndex: { get: (t) => t.area.top },
  columnIndex: { get: (t) => t.area.left },
  rowCount: { get: (t) => t.area.bottom - t.area.top + 1 },
  columnCount: { get: (t) => t.area.right - t.area.left + 1 },
  cellCount: { get: (t) => cellCount(t.area) },
  isEntireRow: { get: (t) => isEntireRows(t.area), since: '1.7' },
  isEntireColumn: { get: (t) => isEntireColumns(t.area), since: '1.7' },
  values: perCell((e, s, r, c) => apiValue(e.workbook.value(s, r, c))),
  formulas: perCell((e, s, r, c) => e.workbook.formula(s, r, c)),
  numberFormat: perCell((e, s, r, c) => e.workbook.style(s, r, c).numberFormat),
  text: perCell((e, s, r, c) => displayText(e.workbook.value(s, r, c), e.workbook.style(s, r, c).numberFormat)),
  valueTypes: perCell((e, s, r, c) => valueType(e.workbook.value(s, r, c))),
  hyperlink: { get: (t, e) => e.workbook.hyperlink(t.sheet, t.area.top, t.area.left), since: '1.7' },
};

type RangeMembers =
  | 'address'
  | 'addressLocal'
  | 'rowIndex'
  | 'columnIndex'
  | 'rowCount'
  | 'columnCount'
  | 'cellCount'
  | 'isEntireRow'
  | 'isEntireColumn'
  | 'values'
  | 'formulas'
  | 'numberFormat'
  | 'text'
  | 'valueTypes'
  | 'hyperlink'
  | 'clear'
  | 'delete'
  | 'merge'
  | 'unmerge'
  | 'select';

/** A range given to a method: in the preview, every Excel.Range is a PreviewRange of the same host. */
export function previewRange(range: Excel.Range | PreviewRange): PreviewRange {
  if (!(range instanceof PreviewRange)) throw new PreviewError('InvalidArgument', 'the range does not come from the preview host');
  return range;
}

export class PreviewRange extends PreviewObject<RangeTarget> implements Pick<Excel.Range, RangeMembers> {
  private formatProxy: PreviewRangeFormat | undefined;
  private validationProxy: PreviewDataValidation | undefined;
  private conditionalFormatsProxy: PreviewConditionalFormatCollection | undefined;
  private worksheetProxy: PreviewWorksheet | undefined;

  constructor(context: PreviewContext, resolve: () => RangeTarget | null, options?: ProxyOptions) {
    super(context, 'Range', RANGE, resolve, options);
  }

  protected override navigations() {
    return { format: () => this.format, dataValidation: () => this.dataValidation, conditionalFormats: () => this.conditionalFormats, worksheet: () => this.worksheet };
  }

  /** @internal The sheet and cells this range stands for at sync time. */
  _target(): RangeTarget {
    return this.target();
  }

  get address(): string {
    return this.read('address');
  }
  get addressLocal(): string {
    return this.read('addressLocal');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get cellCount(): number {
    return this.read('cellCount');
  }
  get isEntireRow(): boolean {
    return this.read('isEntireRow');
  }
  get isEntireColumn(): boolean {
    return this.read('isEntireColumn');
  }
  get text(): string[][] {
    return this.read('text');
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.read('valueTypes');
  }

  /** Computed values; `''` for empty cells and for the hidden cells of a merged area. */
  get values(): unknown[][] {
    return this.read('values');
  }
  /** A 2-D array of the range's shape, or one value for every cell; null entries leave a cell as it is. */
  set values(values: unknown) {
    this.command('values', (t) => this.engine.workbook.writeCells(t.sheet, t.area, values, 'values'), { request: values });
  }

  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(formulas: unknown) {
    this.command('formulas', (t) => this.engine.workbook.writeCells(t.sheet, t.area, formulas, 'formulas'), { request: formulas });
  }

  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(formats: unknown) {
    this.command('numberFormat', (t) => this.engine.workbook.writeNumberFormat(t.sheet, t.area, formats), { request: formats });
  }

  get hyperlink(): Excel.RangeHyperlink {
    return this.read('hyperlink');
  }
  set hyperlink(link: Excel.RangeHyperlink) {
    this.command('hyperlink', (t) => this.engine.workbook.setHyperlink(t.sheet, t.area, link), { since: '1.7', request: link });
  }

  get format(): PreviewRangeFormat {
    return (this.formatProxy ??= new PreviewRangeFormat(this.context, () => this.target(), this.child()));
  }

  get dataValidation(): PreviewDataValidation {
    return (this.validationProxy ??= new PreviewDataValidation(this.context, () => this.target(), this.child({ requires: '1.8' })));
  }

  /** The conditional formats that meet this range (ExcelApi 1.6). */
  get conditionalFormats(): PreviewConditionalFormatCollection {
    return (this.conditionalFormatsProxy ??= new PreviewConditionalFormatCollection(this.context, () => this.target(), this.child({ requires: '1.6' })));
  }

  get worksheet(): PreviewWorksheet {
    return (this.worksheetProxy ??= new PreviewWorksheet(this.context, () => this.target().sheet, this.child()));
  }

  /** A range computed from this one at sync time. */
  private derived(area: (t: RangeTarget) => CellRange | null, options: ProxyOptions = {}): PreviewRange {
    return new PreviewRange(
      this.context,
      () => {
        const t = this.target();
        const a = area(t);
        return a && { sheet: t.sheet, area: checkArea(a) };
      },
      this.child(options),
    );
  }

  /** The area of another range (or address) on this range's sheet. */
  private areaOf(other: Excel.Range | string, sheet: Sheet): CellRange {
    if (typeof other === 'string') return parseAddress(other);
    const t = previewRange(other).target();
    if (t.sheet !== sheet) throw new PreviewError('InvalidArgument', 'the ranges are on different worksheets');
    return t.area;
  }

  getCell(row: number, column: number): PreviewRange {
    return this.derived(({ area }) => ({ top: area.top + row, left: area.left + column, bottom: area.top + row, right: area.left + column }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): PreviewRange {
    return this.derived(({ area }) => ({ top: area.top + rowOffset, left: area.left + columnOffset, bottom: area.bottom + rowOffset, right: area.right + columnOffset }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): PreviewRange {
    return this.derived(({ area }) => ({ ...area, bottom: area.bottom + deltaRows, right: area.right + deltaColumns }), { requires: '1.2' });
  }

  getEntireRow(): PreviewRange {
    return this.derived(({ area }) => ({ ...area, left: 0, right: MAX_COLUMNS - 1 }));
  }

  getEntireColumn(): PreviewRange {
    return this.derived(({ area }) => ({ ...area, top: 0, bottom: MAX_ROWS - 1 }));
  }

  getIntersection(anotherRange: Excel.Range | string): PreviewRange {
    return this.derived((t) => {
      const i = intersect(t.area, this.areaOf(anotherRange, t.sheet));
      if (!i) throw new PreviewError('InvalidArgument', 'the ranges do not intersect');
      return i;
    });
  }

  /** The smallest range that contains this range and another one (ExcelApi 1.1). */
  getBoundingRect(anotherRange: Excel.Range | string): PreviewRange {
    return this.derived((t) => {
      const o = this.areaOf(anotherRange, t.sheet);
      return { top: Math.min(t.area.top, o.top), left: Math.min(t.area.left, o.left), bottom: Math.max(t.area.bottom, o.bottom), right: Math.max(t.area.right, o.right) };
    });
  }

  getIntersectionOrNullObject(anotherRange: Excel.Range | string): PreviewRange {
    return this.derived((t) => intersect(t.area, this.areaOf(anotherRange, t.sheet)), { nullable: true, requires: '1.4' });
  }

  /** The merged areas that touch this range; a null object when there are none. */
  getMergedAreasOrNullObject(): PreviewRangeAreas {
    return new PreviewRangeAreas(
      this.context,
      () => {
        const t = this.target();
        const areas = this.engine.workbook.mergesIn(t.sheet, t.area);
        if (areas.length > MAX_MERGED_AREAS) {
          throw new PreviewError('InvalidOperation', `${areas.length} merged areas: getMergedAreasOrNullObject returns at most ${MAX_MERGED_AREAS}`);
        }
        return areas.length === 0 ? null : { sheet: t.sheet, areas };
      },
      this.child({ nullable: true, requires: '1.13' }),
    );
  }

  /** Inserts cells at this range, shifting the cells below down (the preview host shifts down only). */
  insert(shift: Excel.InsertShiftDirection | 'Down' | 'Right'): PreviewRange {
    this.command('insert', (t) => {
      if (shift !== 'Down') throw new PreviewError('InvalidArgument', `insert('${shift}'): the preview host shifts cells Down only`);
      this.engine.workbook.insertDown(t.sheet, t.area);
    });
    return this.derived((t) => t.area);
  }

  /** Deletes the cells of this range, shifting the cells below up (the preview host shifts up only). */
  delete(shift: Excel.DeleteShiftDirection | 'Up' | 'Left'): void {
    this.command('delete', (t) => {
      if (shift !== 'Up') throw new PreviewError('InvalidArgument', `delete('${shift}'): the preview host shifts cells Up only`);
      this.engine.workbook.deleteUp(t.sheet, t.area);
    });
  }

  merge(across = false): void {
    this.command('merge', (t) => this.engine.workbook.merge(t.sheet, t.area, across), { since: '1.2' });
  }

  unmerge(): void {
    this.command('unmerge', (t) => this.engine.workbook.unmerge(t.sheet, t.area), { since: '1.2' });
  }

  clear(applyTo: Excel.ClearApplyTo | 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents' = 'All'): void {
    this.command('clear', (t) => this.engine.workbook.clear(t.sheet, t.area, applyTo));
  }

  select(): void {
    this.command('select', (t) => this.engine.workbook.select(t.sheet, t.area));
  }
}

/** The one value shared by rows (or columns) from..to, given the stored exceptions; null when they differ. */
function uniformSize(from: number, to: number, sizes: Map<number, number>, fallback: number): number | null {
  const found = new Set<number>();
  let stored = 0;
  for (const [i, size] of sizes) {
    if (i < from || i > to) continue;
    stored++;
    found.add(size);
  }
  if (stored < to - from + 1) found.add(fallback);
  return found.size === 1 ? [...found][0] : null;
}

const styleProperty = <K extends keyof CellStyle>(field: K, since?: string): Properties<RangeTarget>[string] => ({
  get: (t, e) => e.workbook.uniformStyle(t.sheet, t.area, (s) => s[field]),
  since,
});

const FORMAT: Properties<RangeTarget> = {
  columnWidth: { get: (t) => uniformSize(t.area.left, t.area.right, t.sheet.columnWidths, DEFAULT_COLUMN_WIDTH), since: '1.2' },
  rowHeight: { get: (t) => uniformSize(t.area.top, t.area.bottom, t.sheet.rowHeights, DEFAULT_ROW_HEIGHT), since: '1.2' },
  wrapText: styleProperty('wrapText'),
  horizontalAlignment: styleProperty('horizontalAlignment'),
  verticalAlignment: styleProperty('verticalAlignment'),
};

class PreviewRangeFormat
  extends PreviewObject<RangeTarget>
  implements Pick<Excel.RangeFormat, 'columnWidth' | 'rowHeight' | 'wrapText' | 'horizontalAlignment' | 'verticalAlignment' | 'autofitRows'>
{
  private fillProxy: PreviewRangeFill | undefined;
  private fontProxy: PreviewRangeFont | undefined;
  private bordersProxy: PreviewRangeBorderCollection | undefined;

  constructor(context: PreviewContext, resolve: () => RangeTarget | null, options?: ProxyOptions) {
    super(context, 'RangeFormat', FORMAT, resolve, options);
  }

  protected override navigations() {
    return { fill: () => this.fill, font: () => this.font, borders: () => this.borders };
  }

  private setStyle(member: keyof CellStyle & string, value: unknown): void {
    this.command(member, (t) => this.engine.workbook.setStyle(t.sheet, t.area, { [member]: value }), { request: value });
  }

  /** Points. */
  get columnWidth(): number {
    return this.read('columnWidth');
  }
  set columnWidth(width: number) {
    this.command('columnWidth', (t) => this.engine.workbook.setColumnWidth(t.sheet, t.area, width), { since: '1.2', request: width });
  }

  /** Points. */
  get rowHeight(): number {
    return this.read('rowHeight');
  }
  set rowHeight(height: number) {
    this.command('rowHeight', (t) => this.engine.workbook.setRowHeight(t.sheet, t.area, height), { since: '1.2', request: height });
  }

  get wrapText(): boolean {
    return this.read('wrapText');
  }
  set wrapText(wrap: boolean) {
    this.setStyle('wrapText', wrap);
  }

  get horizontalAlignment(): Excel.HorizontalAlignment | 'General' | 'Left' | 'Center' | 'Right' | 'Fill' | 'Justify' | 'CenterAcrossSelection' | 'Distributed' {
    return this.read('horizontalAlignment');
  }
  set horizontalAlignment(alignment: Excel.HorizontalAlignment | 'General' | 'Left' | 'Center' | 'Right' | 'Fill' | 'Justify' | 'CenterAcrossSelection' | 'Distributed') {
    this.setStyle('horizontalAlignment', alignment);
  }

  get verticalAlignment(): Excel.VerticalAlignment | 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed' {
    return this.read('verticalAlignment');
  }
  set verticalAlignment(alignment: Excel.VerticalAlignment | 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed') {
    this.setStyle('verticalAlignment', alignment);
  }

  get fill(): PreviewRangeFill {
    return (this.fillProxy ??= new PreviewRangeFill(this.context, () => this.target(), this.child()));
  }

  get font(): PreviewRangeFont {
    return (this.fontProxy ??= new PreviewRangeFont(this.context, () => this.target(), this.child()));
  }

  get borders(): PreviewRangeBorderCollection {
    return (this.bordersProxy ??= new PreviewRangeBorderCollection(this.context, () => this.target(), this.child()));
  }

  /** Row heights from the text; merged cells do not count, as in Excel. */
  autofitRows(): void {
    this.command('autofitRows', (t) => this.engine.workbook.autofitRows(t.sheet, t.area), { since: '1.2' });
  }
}

const FILL: Properties<RangeTarget> = {
  color: { get: (t, e) => e.workbook.uniformStyle(t.sheet, t.area, (s) => s.fill ?? '#FFFFFF') },
  // The preview models solid fills only: a cell has a colour (Solid) or no fill (None).
  pattern: { get: (t, e) => e.workbook.uniformStyle(t.sheet, t.area, (s) => (s.fill === null ? 'None' : 'Solid')), since: '1.9' },
};

class PreviewRangeFill extends PreviewObject<RangeTarget> implements Pick<Excel.RangeFill, 'color' | 'pattern' | 'clear'> {
  constructor(context: PreviewContext, resolve: () => RangeTarget | null, options?: ProxyOptions) {
    super(context, 'RangeFill', FILL, resolve, options);
  }

  /** `#RRGGBB`; `#FFFFFF` when there is no fill, as in Excel: only `pattern` tells the two apart. */
  get color(): string {
    return this.read('color');
  }
  set color(color: string) {
    this.command('color', (t) => this.engine.workbook.setStyle(t.sheet, t.area, { fill: color }), { request: color });
  }

  /** `None` (no fill) or `Solid`; null when the cells differ. */
  get pattern(): Excel.FillPattern | 'None' | 'Solid' {
    return this.read('pattern');
  }
  set pattern(pattern: Excel.FillPattern | 'None' | 'Solid') {
    this.command(
      'pattern',
      (t) => {
        if (pattern === 'None') return this.engine.workbook.setStyle(t.sheet, t.area, { fill: null });
        if (pattern !== 'Solid') throw new PreviewError('InvalidArgument', `pattern '${pattern}': the preview host models solid fills only`);
        // A solid pattern on a cell without fill shows white, as Excel's default pattern colour.
        for (let r = t.area.top; r <= t.area.bottom; r++) {
          for (let c = t.area.left; c <= t.area.right; c++) {
            const area = { top: r, left: c, bottom: r, right: c };
            if (this.engine.workbook.style(t.sheet, r, c).fill === null) this.engine.workbook.setStyle(t.sheet, area, { fill: '#FFFFFF' });
          }
        }
      },
      { since: '1.9', request: pattern },
    );
  }

  clear(): void {
    this.command('clear', (t) => this.engine.workbook.setStyle(t.sheet, t.area, { fill: null }));
  }
}

const FONT: Properties<RangeTarget> = {
  bold: styleProperty('bold'),
  italic: styleProperty('italic'),
  color: styleProperty('fontColor'),
  name: styleProperty('fontName'),
  size: styleProperty('fontSize'),
};

class PreviewRangeFont extends PreviewObject<RangeTarget> implements Pick<Excel.RangeFont, 'bold' | 'italic' | 'color' | 'name' | 'size'> {
  constructor(context: PreviewContext, resolve: () => RangeTarget | null, options?: ProxyOptions) {
    super(context, 'RangeFont', FONT, resolve, options);
  }

  private setStyle(member: string, patch: Partial<CellStyle>): void {
    this.command(member, (t) => this.engine.workbook.setStyle(t.sheet, t.area, patch), { request: Object.values(patch)[0] });
  }

  get bold(): boolean {
    return this.read('bold');
  }
  set bold(bold: boolean) {
    this.setStyle('bold', { bold });
  }
  get italic(): boolean {
    return this.read('italic');
  }
  set italic(italic: boolean) {
    this.setStyle('italic', { italic });
  }
  get color(): string {
    return this.read('color');
  }
  set color(fontColor: string) {
    this.setStyle('color', { fontColor });
  }
  get name(): string {
    return this.read('name');
  }
  set name(fontName: string) {
    this.setStyle('name', { fontName });
  }
  get size(): number {
    return this.read('size');
  }
  set size(fontSize: number) {
    this.setStyle('size', { fontSize });
  }
}

type BorderIndexArgument = Excel.BorderIndex | BorderIndex;

class PreviewRangeBorderCollection extends PreviewObject<RangeTarget> {
  constructor(context: PreviewContext, resolve: () => RangeTarget | null, options?: ProxyOptions) {
    super(context, 'RangeBorderCollection', {}, resolve, options);
  }

  getItem(index: BorderIndexArgument): PreviewRangeBorder {
    return new PreviewRangeBorder(this.context, () => ({ ...this.target(), index: index as BorderIndex }), this.child());
  }
}

interface BorderTarget extends RangeTarget {
  index: BorderIndex;
}

const borderProperty = (field: keyof Border): Properties<BorderTarget>[string] => ({
  get: (t, e) => e.workbook.readBorder(t.sheet, t.area, t.index)[field],
});

class PreviewRangeBorder extends PreviewObject<BorderTarget> implements Pick<Excel.RangeBorder, 'sideIndex' | 'style' | 'weight' | 'color'> {
  constructor(context: PreviewContext, resolve: () => BorderTarget | null, options?: ProxyOptions) {
    super(context, 'RangeBorder', { sideIndex: { get: (t) => t.index }, style: borderProperty('style'), weight: borderProperty('weight'), color: borderProperty('color') }, resolve, options);
  }

  private setBorder(member: keyof Border, value: string): void {
    this.command(member, (t) => this.engine.workbook.setBorder(t.sheet, t.area, t.index, { [member]: value }), { request: value });
  }

  get sideIndex(): Excel.BorderIndex {
    return this.read('sideIndex');
  }
  get style(): Excel.BorderLineStyle | 'None' | 'Continuous' | 'Dash' | 'DashDot' | 'DashDotDot' | 'Dot' | 'Double' | 'SlantDashDot' {
    return this.read('style');
  }
  set style(style: Excel.BorderLineStyle | 'None' | 'Continuous' | 'Dash' | 'DashDot' | 'DashDotDot' | 'Dot' | 'Double' | 'SlantDashDot') {
    this.setBorder('style', style);
  }
  get weight(): Excel.BorderWeight | 'Hairline' | 'Thin' | 'Medium' | 'Thick' {
    return this.read('weight');
  }
  set weight(weight: Excel.BorderWeight | 'Hairline' | 'Thin' | 'Medium' | 'Thick') {
    this.setBorder('weight', weight);
  }
  get color(): string {
    return this.read('color');
  }
  set color(color: string) {
    this.setBorder('color', color);
  }
}

const DEFAULT_ALERT: ValidationAlert = { showAlert: true, style: 'Stop', title: '', message: '' };
const DEFAULT_PROMPT: ValidationPrompt = { showPrompt: false, title: '', message: '' };

const DECIMAL_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];

/** The rule as Office.js reads it back: `{ list }`, `{ decimal }`, or `{}` for none (any value). */
function ruleOf(v: CellValidation | null | undefined): Excel.DataValidationRule {
  if (!v) return {};
  if (v.source !== undefined) return { list: { inCellDropDown: v.inCellDropDown ?? true, source: v.source } };
  if (v.decimal) return { decimal: { ...v.decimal } as Excel.BasicDataValidation };
  return {};
}

const VALIDATION: Properties<RangeTarget> = {
  rule: { get: (t, e) => ruleOf(e.workbook.uniformValidation(t.sheet, t.area)) },
  prompt: {
    get: (t, e) => {
      const v = e.workbook.uniformValidation(t.sheet, t.area);
      return v ? { ...(v.prompt ?? DEFAULT_PROMPT) } : null;
    },
  },
  errorAlert: {
    get: (t, e) => {
      const v = e.workbook.uniformValidation(t.sheet, t.area);
      return v ? { ...(v.alert ?? DEFAULT_ALERT) } : null;
    },
  },
  type: {
    get: (t, e) => {
      const v = e.workbook.uniformValidation(t.sheet, t.area);
      // "Any value" with only an input message reads as None, as in Excel.
      return v === undefined ? 'Inconsistent' : v === null ? 'None' : v.source !== undefined ? 'List' : v.decimal ? 'Decimal' : 'None';
    },
  },
};

/** The sheet a list source formula refers to (`='My lists'!$A$1:$A$9`, `=Lists!A1:A9`); undefined for inline lists. */
function listSourceSheet(source: string): string | undefined {
  const match = /^=(?:'((?:[^']|'')+)'|([^!'=]+))!/.exec(source);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
}

/** A decimal rule's bound: a number, or a formula/number as text (`=B1`, `0.5`). */
function checkBound(name: string, bound: unknown, required: boolean): number | string | undefined {
  if (bound === undefined && !required) return undefined;
  if ((typeof bound === 'number' && Number.isFinite(bound)) || (typeof bound === 'string' && bound.trim() !== '')) return bound;
  throw new PreviewError('InvalidArgument', `decimal rule: ${name} must be a number or a formula (got ${JSON.stringify(bound)})`);
}

class PreviewDataValidation extends PreviewObject<RangeTarget> implements Pick<Excel.DataValidation, 'rule' | 'type' | 'errorAlert' | 'prompt' | 'clear'> {
  constructor(context: PreviewContext, resolve: () => RangeTarget | null, options?: ProxyOptions) {
    super(context, 'DataValidation', VALIDATION, resolve, options);
  }

  get rule(): Excel.DataValidationRule {
    return this.read('rule');
  }
  /** Dropdown lists (`{ list: { inCellDropDown, source } }`) and decimal rules (`{ decimal: { formula1, formula2, operator } }`) are the rules the preview host keeps. */
  set rule(rule: Excel.DataValidationRule) {
    this.command(
      'rule',
      (t) => {
        const given = Object.entries(rule ?? {}).filter(([, v]) => v !== undefined);
        if (given.length !== 1 || (given[0][0] !== 'list' && given[0][0] !== 'decimal')) {
          throw new PreviewError('InvalidArgument', 'a rule has exactly one type; the preview host keeps list ({ list: { inCellDropDown, source } }) and decimal ({ decimal: { formula1, formula2, operator } }) rules only');
        }
        const decimal = rule.decimal;
        if (decimal) {
          const operator = String(decimal.operator);
          if (!DECIMAL_OPERATORS.includes(operator)) throw new PreviewError('InvalidArgument', `decimal rule: operator '${operator}' is not one of ${DECIMAL_OPERATORS.join(', ')}`);
          const between = operator === 'Between' || operator === 'NotBetween';
          const formula1 = checkBound('formula1', decimal.formula1, true) as number | string;
          const formula2 = checkBound('formula2', decimal.formula2, between);
          if (!between && formula2 !== undefined) throw new PreviewError('InvalidArgument', `decimal rule: formula2 goes with Between and NotBetween only, not ${operator}`);
          this.engine.workbook.setValidationRule(t.sheet, t.area, { decimal: formula2 === undefined ? { operator, formula1 } : { operator, formula1, formula2 } });
          return;
        }
        const list = rule.list!;
        const range = typeof list.source === 'string' ? undefined : previewRange(list.source)._target();
        const source = range ? `=${sheetAddress(range.sheet.name, range.area)}` : list.source;
        if (typeof source !== 'string' || source === '' || source.length > 255) {
          throw new PreviewError('InvalidArgument', 'a list source is a text of 1 to 255 characters or a range');
        }
        const sheet = listSourceSheet(source);
        if (sheet !== undefined && !this.engine.workbook.findSheet(sheet)) {
          // Excel resolves the reference when the rule is set, not when the list drops down.
          throw new PreviewError('InvalidArgument', `the list source ${source} refers to a sheet that does not exist (yet): add the sheet first`);
        }
        this.engine.workbook.setValidationRule(t.sheet, t.area, { inCellDropDown: list.inCellDropDown ?? true, source });
      },
      { request: rule },
    );
  }

  /** The input message shown on selecting a cell; null where cells differ or have no validation. */
  get prompt(): Excel.DataValidationPrompt {
    return this.read('prompt');
  }
  /** Set alone, it gives the cells a validation that allows any value and only shows the message (Excel's "Any value"). */
  set prompt(prompt: Excel.DataValidationPrompt) {
    this.command(
      'prompt',
      (t) => {
        const { showPrompt, title = '', message = '' } = prompt ?? ({} as Excel.DataValidationPrompt);
        if (typeof showPrompt !== 'boolean' || typeof title !== 'string' || typeof message !== 'string') {
          throw new PreviewError('InvalidArgument', 'prompt takes { showPrompt, title, message }');
        }
        // Excel's limits on an input message: a title of 32 characters, a message of 255.
        if (title.length > 32 || message.length > 255) throw new PreviewError('InvalidArgument', `an input message has a title of at most 32 characters and a text of at most 255 (got ${title.length} and ${message.length})`);
        this.engine.workbook.setValidationPrompt(t.sheet, t.area, { showPrompt, title, message });
      },
      { request: prompt },
    );
  }

  /** Whether (and how) Excel refuses an entry not in the list; Stop by default. */
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.read('errorAlert');
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.command(
      'errorAlert',
      (t) => {
        const styles = ['Stop', 'Warning', 'Information'];
        if (typeof alert?.showAlert !== 'boolean' || !styles.includes(alert.style ?? 'Stop')) {
          throw new PreviewError('InvalidArgument', 'errorAlert takes { showAlert, style: Stop | Warning | Information, title, message }');
        }
        this.engine.workbook.setValidationAlert(t.sheet, t.area, { showAlert: alert.showAlert, style: alert.style ?? 'Stop', title: alert.title ?? '', message: alert.message ?? '' });
      },
      { request: alert },
    );
  }

  get type(): Excel.DataValidationType | 'None' | 'WholeNumber' | 'Decimal' | 'List' | 'Date' | 'Time' | 'TextLength' | 'Custom' | 'Inconsistent' | 'MixedCriteria' {
    return this.read('type');
  }

  clear(): void {
    this.command('clear', (t) => this.engine.workbook.setValidation(t.sheet, t.area, null));
  }
}

interface AreasTarget {
  sheet: Sheet;
  areas: CellRange[];
}

const AREAS: Properties<AreasTarget> = {
  address: { get: (t) => t.areas.map((a) => sheetAddress(t.sheet.name, a)).join(', ') },
  addressLocal: { get: (t) => t.areas.map((a) => sheetAddress(t.sheet.name, a)).join(', ') },
  areaCount: { get: (t) => t.areas.length },
  cellCount: { get: (t) => t.areas.reduce((n, a) => n + cellCount(a), 0) },
};

class PreviewRangeAreas extends PreviewObject<AreasTarget> implements Pick<Excel.RangeAreas, 'address' | 'addressLocal' | 'areaCount' | 'cellCount'> {
  private areasProxy: PreviewRangeCollection | undefined;

  constructor(context: PreviewContext, resolve: () => AreasTarget | null, options?: ProxyOptions) {
    super(context, 'RangeAreas', AREAS, resolve, options);
  }

  protected override navigations() {
    return { areas: () => this.areas };
  }

  /** `Sheet1!A1:G1, Sheet1!A4:A5`. */
  get address(): string {
    return this.read('address');
  }
  get addressLocal(): string {
    return this.read('addressLocal');
  }
  get areaCount(): number {
    return this.read('areaCount');
  }
  get cellCount(): number {
    return this.read('cellCount');
  }

  get areas(): PreviewRangeCollection {
    return (this.areasProxy ??= new PreviewRangeCollection(this.context, () => this.target(), this.child()));
  }
}

class PreviewRangeCollection extends PreviewCollection<AreasTarget, RangeTarget, PreviewRange> {
  constructor(context: PreviewContext, resolve: () => AreasTarget | null, options?: ProxyOptions) {
    super(context, 'RangeCollection', resolve, options);
  }

  protected itemTargets(t: AreasTarget): RangeTarget[] {
    return t.areas.map((area) => ({ sheet: t.sheet, area }));
  }

  protected itemProxy(it: RangeTarget): PreviewRange {
    return new PreviewRange(this.context, () => ({ sheet: liveSheet(this.engine, it.sheet), area: it.area }), this.child());
  }

  protected get itemPrototype(): PreviewRange {
    return new PreviewRange(this.context, () => null);
  }
}

// ---- conditional formats (ExcelApi 1.6) ----------------------------------------------------

interface FormatTarget {
  sheet: Sheet;
  cf: ConditionalFormat;
}

const CONDITIONAL_FORMAT_TYPES = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'];

/** `Range.conditionalFormats`: the formats that meet the range, first in priority first. */
export class PreviewConditionalFormatCollection extends PreviewCollection<RangeTarget, FormatTarget, PreviewConditionalFormat> {
  constructor(context: PreviewContext, resolve: () => RangeTarget | null, options?: ProxyOptions) {
    super(context, 'ConditionalFormatCollection', resolve, options);
  }

  protected itemTargets(t: RangeTarget): FormatTarget[] {
    return this.engine.workbook.conditionalFormatsIn(t.sheet, t.area).map((cf) => ({ sheet: t.sheet, cf }));
  }

  protected itemProxy(it: FormatTarget): PreviewConditionalFormat {
    return new PreviewConditionalFormat(this.context, () => ({ sheet: it.sheet, cf: this.engine.workbook.liveConditionalFormat(it.sheet, it.cf) }), this.child());
  }

  protected get itemPrototype(): PreviewConditionalFormat {
    return new PreviewConditionalFormat(this.context, () => null);
  }

  /** A new format on the whole range, first in priority; the preview host models `Custom` (a formula) only. */
  add(type: Excel.ConditionalFormatType | string): PreviewConditionalFormat {
    let created: FormatTarget | undefined;
    this.command(
      'add',
      (t) => {
        if (!CONDITIONAL_FORMAT_TYPES.includes(String(type))) throw new PreviewError('InvalidArgument', `'${String(type)}' is not a conditional format type`);
        created = { sheet: t.sheet, cf: this.engine.workbook.addConditionalFormat(t.sheet, t.area, type) };
      },
      { request: type },
    );
    return new PreviewConditionalFormat(
      this.context,
      () => {
        if (!created) throw new PreviewError('InvalidOperation', 'the conditional format was not added');
        return { sheet: created.sheet, cf: this.engine.workbook.liveConditionalFormat(created.sheet, created.cf) };
      },
      this.child(),
    );
  }

  getCount(): PreviewClientResult<number> {
    const result = new PreviewClientResult<number>();
    this.command('getCount', (t) => {
      const n = this.engine.workbook.conditionalFormatsIn(t.sheet, t.area).length;
      return { response: n, apply: () => result._set(n) };
    });
    return result;
  }

  getItemAt(index: number): PreviewConditionalFormat {
    let found: FormatTarget | undefined;
    return new PreviewConditionalFormat(
      this.context,
      () => {
        if (found) return { sheet: found.sheet, cf: this.engine.workbook.liveConditionalFormat(found.sheet, found.cf) };
        const t = this.target();
        const cf = this.engine.workbook.conditionalFormatsIn(t.sheet, t.area)[index];
        if (!cf) throw new PreviewError('ItemNotFound', `there is no conditional format at index ${index}`);
        return (found = { sheet: t.sheet, cf });
      },
      this.child(),
    );
  }

  /** Removes every format that meets the range (the preview host refuses to cut one that reaches outside it). */
  clearAll(): void {
    this.command('clearAll', (t) => this.engine.workbook.clearConditionalFormats(t.sheet, t.area));
  }
}

const CONDITIONAL_FORMAT: Properties<FormatTarget> = {
  id: { get: (t) => t.cf.id },
  type: { get: (t) => t.cf.type },
  priority: { get: (t) => t.sheet.conditionalFormats.indexOf(t.cf) },
  stopIfTrue: { get: () => false },
};

export class PreviewConditionalFormat extends PreviewObject<FormatTarget> implements Pick<Excel.ConditionalFormat, 'id' | 'type' | 'priority' | 'stopIfTrue' | 'delete'> {
  private customProxy: PreviewCustomConditionalFormat | undefined;

  constructor(context: PreviewContext, resolve: () => FormatTarget | null, options?: ProxyOptions) {
    super(context, 'ConditionalFormat', CONDITIONAL_FORMAT, resolve, { ...options, requires: maxVersion(options?.requires, '1.6') });
  }

  protected override navigations() {
    return { custom: () => this.custom };
  }

  get id(): string {
    return this.read('id');
  }
  get type(): Excel.ConditionalFormatType | 'Custom' | 'DataBar' | 'ColorScale' | 'IconSet' | 'TopBottom' | 'PresetCriteria' | 'ContainsText' | 'CellValue' {
    return this.read('type');
  }
  get priority(): number {
    return this.read('priority');
  }
  get stopIfTrue(): boolean {
    return this.read('stopIfTrue');
  }

  /** The formula rule and its format. */
  get custom(): PreviewCustomConditionalFormat {
    return (this.customProxy ??= new PreviewCustomConditionalFormat(this.context, () => this.target(), this.child()));
  }

  /** The range the format applies to. */
  getRange(): PreviewRange {
    return new PreviewRange(
      this.context,
      () => {
        const t = this.target();
        return { sheet: t.sheet, area: t.cf.area };
      },
      this.child(),
    );
  }

  delete(): void {
    this.command('delete', (t) => this.engine.workbook.deleteConditionalFormat(t.sheet, t.cf));
  }
}

class PreviewCustomConditionalFormat extends PreviewObject<FormatTarget> {
  private ruleProxy: PreviewConditionalFormatRule | undefined;
  private formatProxy: PreviewConditionalRangeFormat | undefined;

  constructor(context: PreviewContext, resolve: () => FormatTarget | null, options?: ProxyOptions) {
    super(context, 'CustomConditionalFormat', {}, resolve, options);
  }

  protected override navigations() {
    return { rule: () => this.rule, format: () => this.format };
  }

  get rule(): PreviewConditionalFormatRule {
    return (this.ruleProxy ??= new PreviewConditionalFormatRule(this.context, () => this.target(), this.child()));
  }

  get format(): PreviewConditionalRangeFormat {
    return (this.formatProxy ??= new PreviewConditionalRangeFormat(this.context, () => this.target(), this.child()));
  }
}

class PreviewConditionalFormatRule extends PreviewObject<FormatTarget> implements Pick<Excel.ConditionalFormatRule, 'formula'> {
  constructor(context: PreviewContext, resolve: () => FormatTarget | null, options?: ProxyOptions) {
    super(context, 'ConditionalFormatRule', { formula: { get: (t) => t.cf.formula } }, resolve, options);
  }

  /** `=AND(…)`, written for the top-left cell of the format's range (relative references move with each cell). */
  get formula(): string {
    return this.read('formula');
  }
  set formula(formula: string) {
    this.command('formula', (t) => this.engine.workbook.setConditionalFormula(t.cf, formula), { request: formula });
  }
}

class PreviewConditionalRangeFormat extends PreviewObject<FormatTarget> {
  private fillProxy: PreviewConditionalRangeFill | undefined;
  private fontProxy: PreviewConditionalRangeFont | undefined;

  constructor(context: PreviewContext, resolve: () => FormatTarget | null, options?: ProxyOptions) {
    super(context, 'ConditionalRangeFormat', {}, resolve, options);
  }

  protected override navigations() {
    return { fill: () => this.fill, font: () => this.font };
  }

  get fill(): PreviewConditionalRangeFill {
    return (this.fillProxy ??= new PreviewConditionalRangeFill(this.context, () => this.target(), this.child()));
  }

  get font(): PreviewConditionalRangeFont {
    return (this.fontProxy ??= new PreviewConditionalRangeFont(this.context, () => this.target(), this.child()));
  }
}

class PreviewConditionalRangeFill extends PreviewObject<FormatTarget> implements Pick<Excel.ConditionalRangeFill, 'color' | 'clear'> {
  constructor(context: PreviewContext, resolve: () => FormatTarget | null, options?: ProxyOptions) {
    super(context, 'ConditionalRangeFill', { color: { get: (t) => t.cf.fill } }, resolve, options);
  }

  /** `#RRGGBB`; null when the format sets no fill. */
  get color(): string {
    return this.read('color');
  }
  set color(color: string) {
    this.command('color', (t) => this.engine.workbook.setConditionalLook(t.cf, { fill: color }), { request: color });
  }

  clear(): void {
    this.command('clear', (t) => void (t.cf.fill = null));
  }
}

class PreviewConditionalRangeFont extends PreviewObject<FormatTarget> implements Pick<Excel.ConditionalRangeFont, 'color'> {
  constructor(context: PreviewContext, resolve: () => FormatTarget | null, options?: ProxyOptions) {
    super(context, 'ConditionalRangeFont', { color: { get: (t) => t.cf.fontColor } }, resolve, options);
  }

  /** `#RRGGBB`; null when the format sets no font colour. */
  get color(): string {
    return this.read('color');
  }
  set color(color: string) {
    this.command('color', (t) => this.engine.workbook.setConditionalLook(t.cf, { fontColor: color }), { request: color });
  }
}

/**
 * Members of Office.js objects the preview host does not model: reading or setting one fails
 * with a clear error instead of quietly doing nothing.
 */
function notModelled(cls: { prototype: object }, entity: string, names: string[]): void {
  for (const name of names) {
    const fail = (): never => {
      throw new PreviewError('ApiNotFound', `${entity}.${name} is not modelled by the preview host`, `${entity}.${name}`);
    };
    Object.defineProperty(cls.prototype, name, { get: fail, set: fail, configurable: true });
  }
}

notModelled(PreviewDataValidation, 'DataValidation', ['ignoreBlanks', 'valid']);
notModelled(PreviewConditionalFormat, 'ConditionalFormat', [
  'cellValue', 'cellValueOrNullObject', 'colorScale', 'colorScaleOrNullObject', 'dataBar', 'dataBarOrNullObject', 'iconSet', 'iconSetOrNullObject',
  'preset', 'presetOrNullObject', 'textComparison', 'textComparisonOrNullObject', 'topBottom', 'topBottomOrNullObject', 'customOrNullObject',
]);
notModelled(PreviewConditionalFormatRule, 'ConditionalFormatRule', ['formulaLocal', 'formulaR1C1']);
notModelled(PreviewConditionalRangeFormat, 'ConditionalRangeFormat', ['numberFormat', 'borders']);
notModelled(PreviewConditionalRangeFont, 'ConditionalRangeFont', ['bold', 'italic', 'strikethrough', 'underline']);
