/**
 * Finds target tables in a grid by their labels (SPEC §3, §3a). Label cells are matched
 * against the one synonym table (`synonyms.ts`) after normalisation, each value is taken beside
 * or under its label (or after the colon in the label's own cell), so any province's template,
 * moved blocks, inserted rows, merged cells and extra indicator rows all read. The grid is
 * classified once: every label is found through one index, never by re-scanning per label.
 *
 * A sheet may hold several tables (a pasted document): each indicator header with a project
 * identity (项目名称 or 项目编码, or a title) above it since the previous table starts a table; a
 * second header without one is the same table's second block (实施期 and 年度 sets).
 */
import { stripGoalNumber } from '../goals';
import { CellRange, CellValue, Grid, a1, cellAt, formatAt, gridHeight, gridWidth } from '../grid';
import {
  AmountCell, FIELD_KEYS, Field, FieldKey, Indicator, IndicatorColumnKey, LabelKey, LayoutId, OptionalField, QUARTERS, SpendingPoint, TargetTable,
} from '../model';
import { Decimal, ZERO, amountText, sum } from '../money';
import {
  AmountUnit, Operator, Parsed, isPercentFormat, parseAmountIn, parseIndicatorValue, parseOperator, parsePercent, parseWeight, shownText,
  statedAmountUnit,
} from '../parse';
import { detectFramework, isLevel1Name } from '../taxonomy';
import { cellText, labelKey, toHalfWidth } from '../text';
import {
  ANNUAL_SET_WORDS, BLOCK_END_MARK, BLOCK_END_NOTES, COLUMN_KEYS_BY_FIELD, BLOCK_END_PREFIXES, COLUMN_SYNONYMS, ColumnField, HEAD_BY_KEY, HeadField,
  LEVEL1_HEADER_KEYS, LEVEL2_HEADER_KEYS, LONG_SET_WORDS, PLAN_POINT_BY_KEY, REPORT_HEADER_KEYS, TITLE_PATTERN, UNIT_NOTE_PATTERN, VALUE_SET_SYNONYMS, YEAR_LINE_PATTERN,
  synonymKey,
} from './synonyms';

type Pos = { row: number; col: number };

/** What a cell is to the reader, worked out once per distinct text. */
type CellKind =
  | { kind: 'head'; field: HeadField; rank: number; unit?: AmountUnit | '%'; inline?: string }
  | { kind: 'plan'; point: number; rank: number }
  | { kind: 'level1' }
  /** The header of a column no field is read from (`年度总体目标完成情况`): a label, never a value. */
  | { kind: 'report' }
  | { kind: 'title' }
  | { kind: 'unitNote'; unit: AmountUnit };

type Hit<K extends CellKind['kind']> = Pos & Extract<CellKind, { kind: K }>;

/** The first two characters of every label key: most values fail this test and are never normalised. */
const LABEL_PREFIXES = new Set([...HEAD_BY_KEY.keys(), ...PLAN_POINT_BY_KEY.keys(), ...LEVEL1_HEADER_KEYS, ...REPORT_HEADER_KEYS].map((k) => k.slice(0, 2)));

const isSpace = (code: number) => code === 0x20 || code === 0x3000 || code === 0xa0 || code === 0x200b || code === 0xfeff || (code >= 0x09 && code <= 0x0d);
const halfUpper = (code: number) => {
  const half = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
  return half >= 0x61 && half <= 0x7a ? half - 0x20 : half;
};

/** The first two characters that are not spaces or `*`, half-width and upper case, after a leading `其中：`. */
function labelPrefix(text: string): string {
  let out = '';
  for (let i = 0; i < text.length && out.length < 2; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code) || code === 0x2a || code === 0xff0a) continue;
    out += String.fromCharCode(halfUpper(code));
    if (out === '其中') {
      out = '';
      while (i + 1 < text.length && /[\s:：]/.test(text[i + 1])) i++;
    }
  }
  return out;
}

function classifyLabel(text: string): CellKind | null {
  const { key, unit } = synonymKey(text);
  const head = HEAD_BY_KEY.get(key);
  if (head) return unit ? { kind: 'head', ...head, unit } : { kind: 'head', ...head };
  const plan = PLAN_POINT_BY_KEY.get(key);
  if (plan) return { kind: 'plan', ...plan };
  if (LEVEL1_HEADER_KEYS.has(key)) return { kind: 'level1' };
  if (REPORT_HEADER_KEYS.has(key)) return { kind: 'report' };
  return null;
}

const kindCache = new Map<string, CellKind | null>();

/** Classifies a text cell; most values fail the cheap first-character and ending tests. */
function classify(text: string): CellKind | null {
  let kind = kindCache.get(text);
  if (kind !== undefined) return kind;
  kind = null;
  const end = text.trimEnd();
  const last = end.charCodeAt(end.length - 1);
  // 表 or a closing bracket: maybe a title; 元: maybe a unit note.
  if (last === 0x8868 || last === 0x29 || last === 0xff09) {
    if (end.length <= 120 && TITLE_PATTERN.test(labelKey(end))) kind = { kind: 'title' };
  } else if (last === 0x5143 && text.includes('单位')) {
    const m = UNIT_NOTE_PATTERN.exec(labelKey(text).replace(/^.*?((?:金额|资金)?单位)/, '$1'));
    if (m) kind = { kind: 'unitNote', unit: m[1] as AmountUnit };
  }
  if (kind === null && LABEL_PREFIXES.has(labelPrefix(text))) {
    if (text.length <= 40) kind = classifyLabel(text);
    // `年度资金总额：16`: a label and its value in one cell.
    if (kind === null) {
      for (let i = 0; i < Math.min(text.length, 24); i++) {
        const ch = text[i];
        if (ch !== '：' && ch !== ':') continue;
        const label = classifyLabel(text.slice(0, i));
        if (label?.kind === 'head') {
          kind = { ...label, inline: text.slice(i + 1).trim() };
          break;
        }
      }
    }
  }
  if (kindCache.size > 50_000) kindCache.clear();
  kindCache.set(text, kind);
  return kind;
}

const cellKey = (row: number, col: number) => row * 16_384 + col;

/** True when `a` comes strictly before `b` in reading order (row-major). */
const readsBefore = (a: Pos, b: Pos) => a.row < b.row || (a.row === b.row && a.col < b.col);

/** Every label of the grid, found in one pass, and merged areas by their top-left cell. */
class GridIndex {
  readonly heads: Hit<'head'>[] = [];
  readonly planPoints: Hit<'plan'>[] = [];
  readonly level1: Hit<'level1'>[] = [];
  readonly titles: Hit<'title'>[] = [];
  readonly unitNotes: Hit<'unitNote'>[] = [];
  readonly width: number;
  private readonly labelAt = new Set<number>();
  private readonly mergeAt = new Map<number, CellRange>();

  constructor(readonly grid: Grid) {
    const h = gridHeight(grid);
    for (let r = 0; r < h; r++) {
      const row = grid.values[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== 'string' || v.length > 400) continue;
        const kind = classify(v);
        if (!kind) continue;
        const hit = { row: r, col: c, ...kind };
        if (hit.kind === 'head') this.heads.push(hit);
        else if (hit.kind === 'plan') this.planPoints.push(hit);
        else if (hit.kind === 'level1') this.level1.push(hit);
        else if (hit.kind === 'title') this.titles.push(hit);
        else if (hit.kind === 'unitNote') this.unitNotes.push(hit);
        if (hit.kind === 'head' || hit.kind === 'plan' || hit.kind === 'level1' || hit.kind === 'report') this.labelAt.add(cellKey(r, c));
      }
    }
    this.width = gridWidth(grid);
    for (const m of grid.merges ?? []) this.mergeAt.set(cellKey(m.top, m.left), m);
  }

  isLabel(p: Pos): boolean {
    return this.labelAt.has(cellKey(p.row, p.col));
  }

  right(p: Pos): Pos {
    const m = this.mergeAt.get(cellKey(p.row, p.col));
    return { row: p.row, col: (m ? m.right : p.col) + 1 };
  }

  below(p: Pos): Pos {
    const m = this.mergeAt.get(cellKey(p.row, p.col));
    return { row: (m ? m.bottom : p.row) + 1, col: p.col };
  }

  value(p: Pos): CellValue {
    return cellAt(this.grid, p.row, p.col);
  }

  text(p: Pos): string {
    return this.textAt(p.row, p.col);
  }

  /** `text` at a row and column, for loops over cells (no position object per cell). */
  textAt(row: number, col: number): string {
    return cellText(cellAt(this.grid, row, col));
  }

  /** A value beside a label: not blank and not another label. */
  holdsValue(p: Pos): boolean {
    return this.text(p) !== '' && !this.isLabel(p);
  }
}

function field<T>(grid: Grid, p: Pos, parse: (raw: CellValue, format: string) => Parsed<T>, raw = cellAt(grid, p.row, p.col)): Field<T> {
  return fieldAt(grid, p.row, p.col, parse, raw);
}

/** `field` at a row and column (no position object per cell). */
function fieldAt<T>(grid: Grid, row: number, col: number, parse: (raw: CellValue, format: string) => Parsed<T>, raw = cellAt(grid, row, col)): Field<T> {
  const format = formatAt(grid, row, col);
  const parsed = parse(raw, format);
  const text = shownText(raw, format);
  const cell = a1(row, col);
  if (parsed.ok) return { cell, raw, text, value: parsed.value };
  return parsed.empty ? { cell, raw, text, value: undefined } : { cell, raw, text, value: undefined, problem: parsed.reason };
}

const NO_CELLS: Grid = { values: [] };

const textOf = (raw: CellValue, format: string): Parsed<string> => {
  const t = shownText(raw, format);
  return t ? { ok: true, value: t } : { ok: false, empty: true, reason: 'empty' };
};

const goalsOf = (raw: CellValue): Parsed<string[]> => {
  const lines = cellText(raw)
    .split(/\r?\n/)
    .map(stripGoalNumber)
    .filter((l) => l !== '');
  return lines.length ? { ok: true, value: lines } : { ok: false, empty: true, reason: 'empty' };
};

/** `field(grid, p, textOf)`, with the shown text worked out once. */
function textField(grid: Grid, p: Pos): Field<string> {
  return textFieldAt(grid, p.row, p.col);
}

function textFieldAt(grid: Grid, row: number, col: number): Field<string> {
  const raw = cellAt(grid, row, col);
  const text = shownText(raw, formatAt(grid, row, col));
  const cell = a1(row, col);
  return text ? { cell, raw, text, value: text } : { cell, raw, text, value: undefined };
}

function firstTextInRow(idx: GridIndex, row: number, from: number, to: number, accept: (t: string) => boolean): Pos | undefined {
  for (let c = from; c <= to; c++) {
    const t = idx.textAt(row, c);
    if (t && accept(t)) return { row, col: c };
  }
  return undefined;
}

const isTitleText = (t: string) => TITLE_PATTERN.test(labelKey(t));

/** Rows the officer may have inserted between the department row and the first head label. */
const MAX_BLANK_ROWS_ABOVE_HEAD = 3;

/** The title and the `{编码}{名称}` department row above the table's first head label. */
function readTitle(idx: GridIndex, anchor: Pos, top: number): { title: Field<string>; department: Field<string>; unit: Field<string> } {
  const width = Math.max(idx.width, anchor.col + 1);
  const isUnit = (t: string) => labelKey(t).startsWith('单位');
  const isYearLine = (t: string) => YEAR_LINE_PATTERN.test(labelKey(t));
  const hasText = (row: number, accept: (t: string) => boolean = () => true) => firstTextInRow(idx, row, anchor.col, width, accept) !== undefined;
  const textRow = (r: number) => hasText(r, (t) => !isYearLine(t));
  // The department row is the nearest row above with text; blank rows and year lines between are skipped. A title is no department row.
  let deptRow = -1;
  let titleRow = -1;
  for (let r = anchor.row - 1; r >= top && r >= anchor.row - 1 - MAX_BLANK_ROWS_ABOVE_HEAD; r--) {
    if (!textRow(r)) continue;
    if (hasText(r, isTitleText)) titleRow = r;
    else deptRow = r;
    break;
  }
  const fallbackDeptRow = deptRow >= 0 ? deptRow : anchor.row - 1;
  const deptPos = deptRow >= 0 ? firstTextInRow(idx, deptRow, anchor.col, width, (t) => !isUnit(t)) : undefined;
  const unitPos = deptRow >= 0 ? firstTextInRow(idx, deptRow, anchor.col, width, isUnit) : undefined;
  let titlePos: Pos | undefined = titleRow >= 0 ? firstTextInRow(idx, titleRow, 0, width, isTitleText) : undefined;
  const above = titleRow >= 0 ? titleRow : fallbackDeptRow;
  for (let r = above - 1; r >= Math.max(top, above - 4) && !titlePos; r--) titlePos = firstTextInRow(idx, r, 0, width, isTitleText);
  // No `…绩效目标表` line: the nearest text above the department that is not a year line.
  for (let r = fallbackDeptRow - 1; r >= Math.max(top, fallbackDeptRow - 3) && !titlePos && deptRow >= 0; r--) {
    titlePos = firstTextInRow(idx, r, 0, width, (t) => !isYearLine(t));
  }
  const at = (p: Pos | undefined, row: number) => p ?? { row: Math.max(row, 0), col: anchor.col };
  // `预算单位：奉节县…人民政府`: a label and the department in one cell.
  const deptText = deptPos ? idx.text(deptPos) : '';
  const inline = deptText ? classify(deptText) : null;
  const department =
    deptPos && inline?.kind === 'head' && inline.inline
      ? field(idx.grid, deptPos, textOf, inline.inline)
      : textField(deptRow >= 0 ? idx.grid : NO_CELLS, at(deptPos, fallbackDeptRow));
  return {
    title: textField(titlePos ? idx.grid : NO_CELLS, at(titlePos, fallbackDeptRow - 1)),
    department,
    unit: textField(deptRow >= 0 ? idx.grid : NO_CELLS, at(unitPos, fallbackDeptRow)),
  };
}

const TITLE_SUFFIX_RE = /\s*绩效目标(申报|审核)?表\s*([(（][^)）]*[)）])?\s*$/;
/** A title that names no project: `2022年度项目支出绩效目标申报表`. */
const GENERIC_TITLE = /^(\d{4}年度?)?(部门|单位|本级)?(整体)?(预算)?(项目|专项|转移支付|政府性基金)?(支出|资金)?(项目)?$/;

/** `1.2022年人大之家工作经费绩效目标表` → `2022年人大之家工作经费`; a generic title → ''. */
export function titleName(title: string): string {
  const name = title
    .trim()
    .replace(/^\d{1,3}\s*[.、．]\s*/, '')
    .replace(TITLE_SUFFIX_RE, '')
    .trim();
  return name !== '' && GENERIC_TITLE.test(labelKey(name)) ? '' : name;
}

function yearOf(...texts: string[]): number | undefined {
  for (const t of texts) {
    const m = /(20\d{2})\s*年/.exec(t);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The rows of one table: its head above the first indicator header, and its blocks. */
interface Region {
  top: number;
  /** The first indicator header. */
  header: Pos;
  blocks: Block[];
}

type ColumnMap = Partial<Record<ColumnField, number>>;

interface Block {
  header: Pos;
  columns: ColumnMap;
  /** A 实施期 set beside the annual one in the same rows. */
  longColumns?: ColumnMap;
  /** First data row and the row after the last. */
  start: number;
  end: number;
  set?: 'annual' | 'long';
}

/** The best-ranked hit among those in rows [top, until), row-major among equals. */
function best<T extends Pos & { rank: number }>(hits: readonly T[], top: number, until: number, accept: (h: T) => boolean = () => true): T | undefined {
  let found: T | undefined;
  for (const h of hits) {
    if (h.row < top || h.row >= until || !accept(h)) continue;
    if (!found || h.rank < found.rank) found = h;
  }
  return found;
}

/**
 * Where a label's value is: right of it (past a merged label, past blank cells up to the next
 * label); under it when what is right of it is another label (a row of labels over a row of
 * values) or nothing at all.
 */
function valuePos(idx: GridIndex, label: Pos): Pos {
  const right = idx.right(label);
  if (idx.holdsValue(right)) return right;
  if (!idx.isLabel(right)) {
    for (let c = right.col + 1; c < idx.width; c++) {
      const p = { row: label.row, col: c };
      if (idx.isLabel(p)) break;
      if (idx.text(p) !== '') return p;
    }
  }
  if (idx.isLabel(right) || right.col >= idx.width) {
    const below = idx.below(label);
    if (idx.holdsValue(below)) return below;
  }
  return right;
}

/** A head field read through its label hit: the value cell, or the text after the label's colon. */
function headField<T>(idx: GridIndex, hit: Hit<'head'>, parse: (raw: CellValue, format: string) => Parsed<T>): Field<T> {
  if (hit.inline !== undefined && hit.inline !== '') return field(idx.grid, hit, parse, hit.inline);
  return field(idx.grid, valuePos(idx, hit), parse);
}

const COLUMN_KEYS: ReadonlySet<string> = new Set(COLUMN_SYNONYMS.flatMap(([, labels]) => labels.map((l) => synonymKey(l).key)));
const VALUE_KEYS: ReadonlySet<string> = new Set(COLUMN_KEYS_BY_FIELD.find(([f]) => f === 'value')![1]);
/** Headers that always mean a 计算符号 column; 指标方向/指标性质 do only when the cells hold operators. */
const OPERATOR_KEYS: ReadonlySet<string> = new Set(['计算符号', '运算符号'].map((l) => synonymKey(l).key));
const SET_SUFFIX = /(中长期|长期|中期|实施期|年度)$/;
const ANNUAL_SUB = new Set(VALUE_SET_SYNONYMS.annual.map((l) => synonymKey(l).key));
const LONG_SUB = new Set(VALUE_SET_SYNONYMS.long.map((l) => synonymKey(l).key));

type HeaderCell = { col: number; key: string; set?: 'annual' | 'long' };

/** Header cells, left to right; `二级指标（长期）` is 二级指标 of the long-term set. */
function headerCells(idx: GridIndex, row: number, from: number): HeaderCell[] {
  const cells: HeaderCell[] = [];
  for (let c = from; c < idx.width; c++) {
    const t = idx.textAt(row, c);
    if (!t) continue;
    const key = synonymKey(t).key;
    const m = COLUMN_KEYS.has(key) ? null : SET_SUFFIX.exec(key);
    if (m && COLUMN_KEYS.has(key.slice(0, m.index))) cells.push({ col: c, key: key.slice(0, m.index), set: m[1] === '年度' ? 'annual' : 'long' });
    else cells.push({ col: c, key });
  }
  return cells;
}

/**
 * The block's columns: the annual set's, and a 实施期 set's when the header holds two sets side
 * by side (二级/三级/指标值 twice, the later or the one marked 年度 being the annual one).
 */
function readColumns(idx: GridIndex, header: Pos): { columns: ColumnMap; longColumns?: ColumnMap; subHeader: boolean } {
  const cells = headerCells(idx, header.row, header.col);
  const level2Cols = cells.filter((h) => LEVEL2_HEADER_KEYS.has(h.key));
  let columns: ColumnMap;
  let longColumns: ColumnMap | undefined;
  if (level2Cols.length >= 2) {
    const annualAt = (level2Cols.find((l) => l.set === 'annual') ?? level2Cols[level2Cols.length - 1]).col;
    const longAt = level2Cols.find((l) => l.col !== annualAt)!.col;
    const level1 = cells.filter((h) => LEVEL1_HEADER_KEYS.has(h.key));
    /** The 一级 header and the cells from one set's 二级 to the next 二级. */
    const set = (from: number) => {
      const to = Math.min(...level2Cols.map((l) => l.col).filter((c) => c > from), Infinity);
      return [...level1, ...cells.filter((h) => h.col >= from && h.col < to && !level1.includes(h))];
    };
    columns = assignColumns(set(annualAt), {});
    longColumns = assignColumns(set(longAt), {});
  } else {
    columns = assignColumns(cells.filter((h) => h.set !== 'long'), {});
    const longValue = cells.find((h) => h.set === 'long' && VALUE_KEYS.has(h.key));
    if (longValue && columns.longValue === undefined) columns.longValue = longValue.col;
  }
  // A row of sub-headers under merged header cells: 年度 / 实施期 under 指标值, or 计算符号 / 计量单位.
  let subHeader = false;
  const sub = headerCells(idx, header.row + 1, header.col);
  if (sub.length > 0 && columns.level1 !== undefined && !sub.some((h) => h.col === columns.level1)) {
    if (sub.every((h) => ANNUAL_SUB.has(h.key) || LONG_SUB.has(h.key) || COLUMN_KEYS.has(h.key))) {
      subHeader = true;
      for (const h of sub) {
        if (ANNUAL_SUB.has(h.key)) columns.value = h.col;
        else if (LONG_SUB.has(h.key)) columns.longValue = h.col;
      }
      assignColumns(sub.filter((h) => !ANNUAL_SUB.has(h.key) && !LONG_SUB.has(h.key)), columns);
    }
  }
  const start = header.row + (subHeader ? 2 : 1);
  columns.level1 = level1DataColumn(idx, header, columns.level1, start);
  if (longColumns) longColumns.level1 = columns.level1;
  // One value column per receiving area (Fujian): the first unnamed column right of the names is the value.
  if (columns.value === undefined && columns.longValue === undefined) {
    const after = Math.max(columns.level3 ?? -1, columns.level2 ?? -1, columns.description ?? -1, columns.operator ?? -1);
    const taken = new Set(Object.values(columns));
    const unnamed = cells.find((h) => h.col > after && !taken.has(h.col) && !COLUMN_KEYS.has(h.key));
    if (after >= 0 && unnamed) columns.value = unnamed.col;
  }
  return { columns, longColumns, subHeader };
}

/** A 一级指标 header merged over two columns: the names sit in the column of the span that holds them. */
function level1DataColumn(idx: GridIndex, header: Pos, col: number | undefined, start: number): number | undefined {
  if (col === undefined) return col;
  const span = idx.right({ row: header.row, col }).col - 1;
  if (span <= col) return col;
  let bestCol = col;
  let bestCount = -1;
  for (let c = col; c <= span; c++) {
    let count = 0;
    for (let r = start; r < start + 12; r++) if (isLevel1Name(idx.textAt(r, c))) count++;
    if (count > bestCount) [bestCol, bestCount] = [c, count];
  }
  return bestCol;
}

/** Assigns header cells to columns, each column taking its best label left unassigned. */
function assignColumns(cells: readonly HeaderCell[], columns: ColumnMap): ColumnMap {
  const taken = new Set(Object.values(columns));
  const byKey = new Map<string, number[]>();
  for (const h of cells) {
    const list = byKey.get(h.key);
    if (list) list.push(h.col);
    else byKey.set(h.key, [h.col]);
  }
  for (const [column, keys] of COLUMN_KEYS_BY_FIELD) {
    if (columns[column] !== undefined) continue;
    for (const key of keys) {
      const col = byKey.get(key)?.find((c) => !taken.has(c));
      if (col !== undefined) {
        columns[column] = col;
        taken.add(col);
        break;
      }
    }
  }
  return columns;
}

const END_PREFIX_KEYS = BLOCK_END_PREFIXES.map((p) => labelKey(p));

/** A row that ends the indicator block: 审核意见, 填表人, `注：`, a `（盖章）` line. */
function endsBlock(idx: GridIndex, row: number): boolean {
  const values = idx.grid.values[row];
  if (!values) return false;
  let first = true;
  for (const v of values) {
    if (typeof v !== 'string' || v.trim() === '') continue;
    if (v.includes('盖章') && labelKey(v).includes(BLOCK_END_MARK)) return true;
    if (first) {
      first = false;
      const t = v.trim();
      const key = labelKey(t);
      for (const p of END_PREFIX_KEYS) {
        if (!key.startsWith(p)) continue;
        if (BLOCK_END_NOTES.includes(p) && !new RegExp(`^${p}\\s*[:：]`).test(toHalfWidth(t))) continue;
        return true;
      }
    }
  }
  return false;
}

/** Whether an operator-like column (指标方向, 指标性质) holds operators in its first rows. */
function holdsOperators(idx: GridIndex, col: number, start: number, end: number): boolean {
  let seen = 0;
  let operators = 0;
  for (let r = start; r < end && seen < 30; r++) {
    const t = idx.textAt(r, col);
    if (!t) continue;
    seen++;
    if (parseOperator(t) || t === '定性') operators++;
  }
  return seen > 0 && operators * 2 >= seen;
}

/**
 * The points a scored form gives the indicator block (`年度绩效目标(90分)` left of the header,
 * the other 10 going to 预算执行): what its 分值 column adds up to. Undefined when unstated.
 */
function blockPoints(idx: GridIndex, header: Pos): number | undefined {
  for (let c = 0; c < header.col; c++) {
    const m = /[(（]\s*(\d{1,3})\s*分\s*[)）]/.exec(idx.textAt(header.row, c));
    if (m) return Number(m[1]);
  }
  return undefined;
}

function blockSet(idx: GridIndex, header: Pos): Block['set'] {
  const texts: string[] = [];
  for (let c = 0; c < header.col; c++) texts.push(idx.textAt(header.row, c));
  for (let c = 0; c < idx.width && header.row > 0; c++) texts.push(idx.textAt(header.row - 1, c));
  const all = texts.join('|');
  if (LONG_SET_WORDS.some((w) => all.includes(w))) return 'long';
  if (ANNUAL_SET_WORDS.some((w) => all.includes(w))) return 'annual';
  return undefined;
}

/** Reads one indicator block's extent and columns; `stops` are rows where another part begins (any order). */
function readBlock(idx: GridIndex, header: Pos, stops: readonly number[], extra: readonly number[] = []): Block {
  const { columns, longColumns, subHeader } = readColumns(idx, header);
  const start = header.row + (subHeader ? 2 : 1);
  const used = [...(Object.values(columns) as number[]), ...extra];
  const h = gridHeight(idx.grid);
  let end = start;
  let nextStop = Infinity;
  for (const s of stops) if (s > header.row && s < nextStop) nextStop = s;
  while (end < h && end < nextStop) {
    if (used.every((c) => idx.textAt(end, c) === '')) break;
    if (endsBlock(idx, end)) break;
    end++;
  }
  for (const key of ['operator', 'valueType'] as const) {
    const c = columns[key];
    if (c === undefined) continue;
    const label = synonymKey(idx.textAt(header.row, c)).key;
    const strict = key === 'operator' && !OPERATOR_KEYS.has(label);
    if (strict && !holdsOperators(idx, c, start, end)) delete columns.operator;
  }
  return { header, columns, longColumns, start, end, set: blockSet(idx, header) };
}

type Carry = { level1?: Field<string>; level2?: Field<string> };

/** A 权重 cell: a %-formatted number (0.2 shown as 20%) is 20 points. */
const weightOf = (raw: CellValue, format: string) => parseWeight(typeof raw === 'number' && isPercentFormat(format) ? raw * 100 : raw);

const operatorOf = (raw: CellValue): Parsed<Operator> => {
  const op = parseOperator(cellText(raw));
  if (op === undefined) return { ok: false, empty: false, reason: 'unknown operator' };
  return op === null ? { ok: false, empty: true, reason: 'empty' } : { ok: true, value: op };
};

/** The split layout (计算符号 / 计量单位 columns) reads as provincial, any other as standard. */
const layoutOf = (c: ColumnMap): LayoutId => (c.operator !== undefined || c.unit !== undefined ? 'provincial' : 'standard');

/** Marks the indicator columns a block does not have as absent fields (SPEC §3a: absent fields are not defects). */
function absentColumns(columns: ColumnMap, absent: Set<FieldKey>): void {
  for (const k of ['level3', 'description', 'value', 'basis', 'valueType', 'operator', 'unit', 'weight'] as const) {
    if (columns[k] === undefined) absent.add(k);
  }
}

function readIndicators(idx: GridIndex, block: Block, layout: LayoutId, unused: number[]): Indicator[] {
  const grid = idx.grid;
  const { columns, header } = block;
  const other = (Object.entries(columns) as [ColumnField, number][]).filter(([k]) => k !== 'level1' && k !== 'level2').map(([, c]) => c);
  // A column the block lacks reads as blank; findings about it point at the header (SPEC §4).
  const textAt = (row: number, key: ColumnField) => {
    const col = columns[key];
    return col === undefined ? textFieldAt(NO_CELLS, header.row, header.col) : textFieldAt(grid, row, col);
  };
  const fieldOf = <T>(row: number, key: ColumnField, parse: (raw: CellValue, format: string) => Parsed<T>) => {
    const col = columns[key];
    return col === undefined ? fieldAt(NO_CELLS, header.row, header.col, parse) : fieldAt(grid, row, col, parse);
  };
  const indicators: Indicator[] = [];
  const carry: Carry = {};
  for (let row = block.start; row < block.end; row++) {
    let level1 = textAt(row, 'level1');
    let level2 = textAt(row, 'level2');
    const level1Carried = level1.text === '' && carry.level1 !== undefined && carry.level1.text !== '';
    // A merged 一级/二级指标 cell reads blank below its first row: the row belongs to the one above.
    if (level1Carried) level1 = { ...carry.level1!, cell: level1.cell };
    const level2Carried =
      level2.text === '' && carry.level2 !== undefined && carry.level2.text !== '' && (level1Carried || carry.level1?.text === level1.text);
    if (level2Carried) level2 = { ...carry.level2!, cell: level2.cell };
    carry.level1 = level1;
    carry.level2 = level2;
    // A row with nothing but a 二级 name of its own (the template prints every 二级 row) is an unused template row;
    // a row with only a 一级 name is one being filled in.
    if (!level2Carried && level2.text !== '' && other.length > 0 && other.every((c) => idx.textAt(row, c) === '')) {
      unused.push(row);
      continue;
    }

    const base: Indicator = {
      row,
      level1,
      level1Carried,
      level2,
      level2Carried,
      level3: textAt(row, 'level3'),
      description: textAt(row, 'description'),
      basis: textAt(row, 'basis'),
      value: fieldOf(row, 'value', parseIndicatorValue),
    };
    if (columns.weight !== undefined) base.weight = fieldOf(row, 'weight', weightOf);
    if (columns.longValue !== undefined) base.longValue = fieldOf(row, 'longValue', parseIndicatorValue);
    if (layout === 'standard') {
      indicators.push(base);
      continue;
    }
    const valueType = textAt(row, 'valueType');
    const operator = fieldOf(row, 'operator', operatorOf);
    const unit = textAt(row, 'unit');
    const qualitative = labelKey(valueType.text) === '定性';
    const value = fieldOf(row, 'value', (raw, format) => {
      if (qualitative || cellText(raw) === '') return parseIndicatorValue(raw, format);
      // A %-formatted number (0.95 shown as 95%) carries its unit itself.
      const number = shownText(raw, format);
      return parseIndicatorValue(`${operator.value ?? ''}${number}${number.endsWith('%') ? '' : unit.text}`);
    });
    const weight = columns.weight === undefined ? undefined : fieldOf(row, 'weight', parsePercent);
    indicators.push({ ...base, value, valueType, operator, unit, ...(weight && { weight }) });
  }
  return indicators;
}

/** A 一级指标 cell with a 二级指标 header beside it: an indicator block's header. */
function hasLevel2Header(idx: GridIndex, l1: Pos): boolean {
  for (let c = l1.col + 1; c < idx.width; c++) {
    const t = idx.textAt(l1.row, c);
    if (t !== '' && LEVEL2_HEADER_KEYS.has(synonymKey(t).key.replace(SET_SUFFIX, ''))) return true;
  }
  return false;
}

/** What a sheet with an indicator header lacks to be read as a table (R001). */
export type MissingPart = 'identity' | 'level2' | 'value';

export interface UnreadTable {
  sheet: string;
  /** The indicator header's cell. */
  cell: string;
  missing: MissingPart[];
}

export interface SheetTables {
  tables: TargetTable[];
  unread: UnreadTable[];
}

/** Head labels where another part of the sheet begins: an indicator block ends at the first below it. */
const STOP_FIELDS = new Set<HeadField>(['code', 'name', 'goals', 'longGoals', 'total', 'budgetBlock', 'spendingPlan']);

/**
 * Reads every target table of a sheet, and the indicator headers that could not be read as one
 * (with what they lack). Never throws on any grid.
 */
export function readSheetTables(grid: Grid, sheet: string): SheetTables {
  const idx = new GridIndex(grid);
  const out: SheetTables = { tables: [], unread: [] };
  if (idx.level1.length === 0) return out;
  const identities = idx.heads.filter((h) => h.field === 'code' || h.field === 'name');
  const stops: number[] = [];
  for (const h of idx.heads) if (STOP_FIELDS.has(h.field)) stops.push(h.row);
  for (const t of idx.titles) stops.push(t.row);
  for (const l of idx.level1) stops.push(l.row);
  const between = (hits: readonly Pos[], top: number, until: number) => hits.some((h) => h.row >= top && h.row < until);

  const headers = idx.level1.filter((l1) => hasLevel2Header(idx, l1));
  // A 一级指标 cell without 二级指标 beside it is a header only when the sheet has no better one.
  if (headers.length === 0) {
    const l1 = idx.level1[0];
    const missing: MissingPart[] = ['level2'];
    if (!between(identities, 0, l1.row)) missing.push('identity');
    out.unread.push({ sheet, cell: a1(l1.row, l1.col), missing });
    return out;
  }

  let consumed = 0;
  let current: Region | undefined;
  const regions: Region[] = [];
  for (const l1 of headers) {
    if (l1.row < consumed) continue;
    // A list (the budget system's export): 项目名称 … in the header row itself, one project per merged group of rows.
    const listHeads = idx.heads.filter((h) => h.row === l1.row && h.col < l1.col);
    if (listHeads.some((h) => h.field === 'name' || h.field === 'code')) {
      const block = readBlock(idx, l1, stops, listHeads.map((h) => h.col));
      consumed = Math.max(block.end, l1.row + 1);
      for (const t of readList(idx, listHeads, block, sheet, consumed)) out.tables.push(t);
      current = undefined;
      continue;
    }
    const missing: MissingPart[] = [];
    const startsTable = between(identities, consumed, l1.row) || between(idx.titles, consumed, l1.row) || !current;
    if (startsTable && !between(identities, consumed, l1.row)) missing.push('identity');
    const block = readBlock(idx, l1, stops);
    if (block.columns.value === undefined && block.columns.longValue === undefined) missing.push('value');
    consumed = Math.max(block.end, l1.row + 1);
    if (missing.length) {
      out.unread.push({ sheet, cell: a1(l1.row, l1.col), missing });
      if (startsTable) current = undefined;
      continue;
    }
    if (startsTable || !current) {
      current = { top: lastEnd(regions), header: l1, blocks: [block] };
      regions.push(current);
    } else {
      current.blocks.push(block);
    }
  }
  for (const region of regions) out.tables.push(readRegion(idx, region, sheet));
  return out;
}

function lastEnd(regions: readonly Region[]): number {
  if (regions.length === 0) return 0;
  const blocks = regions[regions.length - 1].blocks;
  return blocks[blocks.length - 1].end;
}

/** The first target table of a sheet, or undefined when it holds none. Never throws on any grid. */
export function readTargetTable(grid: Grid, sheet: string): TargetTable | undefined {
  return readSheetTables(grid, sheet).tables[0];
}

/** The fields a table has only as a project (the department-wide table has none of them). */
const PROJECT_FIELDS: readonly FieldKey[] = ['title', 'code', 'name', 'department', 'total', 'fiscal', 'other', 'fundUse', 'spendingPlan', 'goals'];

/**
 * The first indicator block at or below row `from` read exactly as a project table's block (same
 * columns, carried 一级/二级 names, values, framework), as a table whose project fields are all
 * absent: the department-wide table (部门整体绩效目标表) has no identity, amounts or plan of a
 * project. Rows above `from` are not looked at. Undefined when there is no block with a value column.
 */
export function readIndicatorTable(grid: Grid, sheet: string, from = 0): TargetTable | undefined {
  const below: Grid = {
    values: grid.values.map((row, r) => (r < from ? [] : row)),
    ...(grid.merges ? { merges: grid.merges.filter((m) => m.top >= from) } : {}),
    ...(grid.formats ? { formats: grid.formats } : {}),
  };
  const idx = new GridIndex(below);
  const header = idx.level1.find((l1) => hasLevel2Header(idx, l1));
  if (!header) return undefined;
  const block = readBlock(idx, header, []);
  if (block.columns.value === undefined) return undefined;
  const table = readRegion(idx, { top: header.row, header, blocks: [block] }, sheet);
  const absent = new Set<FieldKey>([...(table.absent ?? []), ...PROJECT_FIELDS]);
  return { ...table, absent: FIELD_KEYS.filter((k) => absent.has(k)) };
}

type AmountKey = 'total' | 'fiscal' | 'other';
const OPTIONAL_FIELDS: readonly OptionalField[] = ['implementingUnit', 'leader', 'phone', 'attribute', 'period', 'category'];

function readRegion(idx: GridIndex, region: Region, sheet: string): TargetTable {
  const grid = idx.grid;
  const { top } = region;
  const headerRow = region.header.row;
  const inHead = idx.heads.filter((h) => h.row >= top && h.row < headerRow);
  // Each field's best-ranked label, row-major among equals (as `best`), in one pass.
  const hits: Partial<Record<HeadField, Hit<'head'>>> = {};
  for (const h of inHead) {
    const found = hits[h.field];
    if (!found || h.rank < found.rank) hits[h.field] = h;
  }
  const labels: Partial<Record<LabelKey, string>> = { indicatorHeader: a1(region.header.row, region.header.col) };
  for (const k of ['code', 'name', 'budgetBlock', 'total', 'fiscal', 'other', 'fundUse', 'spendingPlan', 'goals'] as const) {
    const h = hits[k];
    if (h) labels[k] = a1(h.row, h.col);
  }
  const absent = new Set<FieldKey>();
  // Where a field's label is missing, its value belongs by the indicator header (for a finding that points there).
  const nowhere = region.header;
  const text = (f: HeadField): Field<string> => {
    const h = hits[f];
    if (h) return headField(idx, h, textOf);
    return textField(NO_CELLS, nowhere);
  };

  // The first of 项目编码 and 项目名称 in reading order.
  const identity = hits.code && hits.name ? (readsBefore(hits.name, hits.code) ? hits.name : hits.code) : (hits.code ?? hits.name);
  // A table without an identity (the department-wide table) looks for its title above the indicator header.
  const { title, department: deptRow, unit } = readTitle(idx, identity ?? region.header, top);
  const department = hits.department ? text('department') : deptRow;
  if (title.text === '') absent.add('title');
  if (!hits.code) absent.add('code');
  if (!hits.name) absent.add('name');
  if (!hits.department && deptRow.text === '') absent.add('department');

  const amounts = readAmounts(idx, hits, inHead, top, headerRow, nowhere, absent);
  // The seed's fund-use row has no 资金用途 label: the text sits in the row under 预算数.
  let fundUse: Field<string>;
  if (hits.fundUse) fundUse = text('fundUse');
  else if (hits.budgetBlock && hits.total) {
    const row = idx.below(hits.total).row;
    const p = row < headerRow ? firstTextInRow(idx, row, hits.total.col, idx.width, () => true) : undefined;
    fundUse = textField(row < headerRow ? grid : NO_CELLS, p ?? { row, col: hits.total.col + 1 });
  } else {
    fundUse = textField(NO_CELLS, nowhere);
    absent.add('fundUse');
  }
  const spendingPlan = readSpendingPlan(idx, hits.spendingPlan, top, headerRow, labels, absent);
  const goals = hits.goals ? headField(idx, hits.goals, goalsOf) : field(NO_CELLS, nowhere, goalsOf);
  if (!hits.goals) absent.add('goals');

  const optional: Partial<Record<OptionalField, Field<string>>> = {};
  for (const f of OPTIONAL_FIELDS) if (hits[f]) optional[f] = text(f);

  // Blocks: the annual set is checked; a 实施期 set is kept beside it.
  const blocks = region.blocks;
  let annual = blocks.find((b) => b.set === 'annual') ?? blocks.find((b) => b.set === undefined && blocks.length === 1);
  if (!annual) annual = blocks.length > 1 ? (blocks.find((b) => b.set !== 'long') ?? blocks[blocks.length - 1]) : blocks[0];
  const long = blocks.find((b) => b !== annual);
  const columns = annual.columns;
  const layout = layoutOf(columns);
  const unusedRows: number[] = [];
  const indicators = readIndicators(idx, annual, layout, unusedRows);
  let longIndicators = long ? readIndicators(idx, long, layoutOf(long.columns), unusedRows) : undefined;
  if (!long && annual.longColumns) {
    longIndicators = readIndicators(idx, { ...annual, columns: annual.longColumns }, layoutOf(annual.longColumns), []);
  }
  absentColumns(columns, absent);
  const name = hits.name ? text('name') : textField(NO_CELLS, nowhere);
  const header = annual.header;
  const table: TargetTable = {
    sheet,
    layout,
    title,
    titleName: titleName(title.text),
    department,
    unit,
    code: hits.code ? text('code') : textField(NO_CELLS, nowhere),
    name,
    budget: amounts.budget,
    fundUse,
    spendingPlan,
    goals,
    indicators,
    labels: { ...labels, indicatorHeader: a1(header.row, header.col) },
    indicatorColumns: indicatorColumnCells(columns, header.row),
    year: yearOf(title.text, name.text),
    framework: detectFramework(indicators),
    amountCells: amounts.cells,
  };
  if (absent.size) table.absent = [...absent];
  if (hits.longGoals) table.longGoals = headField(idx, hits.longGoals, goalsOf);
  if (longIndicators) table.longIndicators = longIndicators;
  if (Object.keys(optional).length) table.optional = optional;
  if (unusedRows.length) table.unusedRows = unusedRows.sort((a, b) => a - b);
  const points = columns.weight !== undefined ? blockPoints(idx, header) : undefined;
  if (points !== undefined && points > 0) table.weightTotal = points;
  return table;
}

/** The header cell of each indicator column the rules name (评分 and 备注 columns are not among them). */
function indicatorColumnCells(columns: ColumnMap, headerRow: number): Partial<Record<IndicatorColumnKey, string>> {
  const cells: Partial<Record<IndicatorColumnKey, string>> = {};
  for (const k of Object.keys(columns) as ColumnField[]) if (k !== 'scoring' && k !== 'remark') cells[k] = a1(headerRow, columns[k]!);
  return cells;
}

/** The amount unit of the table: a `单位：元` note in its head (the nearest above the header wins), else 万元. */
function tableUnit(idx: GridIndex, top: number, headerRow: number): AmountUnit {
  let unit: AmountUnit = '万元';
  for (const n of idx.unitNotes) if (n.row >= Math.max(0, top - 1) && n.row < headerRow) unit = n.unit;
  return unit;
}

function readAmounts(
  idx: GridIndex,
  hits: Partial<Record<HeadField, Hit<'head'>>>,
  inHead: readonly Hit<'head'>[],
  top: number,
  headerRow: number,
  nowhere: Pos,
  absent: Set<FieldKey>,
): { budget: TargetTable['budget']; cells: Record<AmountKey, AmountCell[]> } {
  const tableUnitIs = tableUnit(idx, top, headerRow);
  const cells: Record<AmountKey, AmountCell[]> = { total: [], fiscal: [], other: [] };
  const read = (hit: Hit<'head'>, key: AmountKey): Field<Decimal> => {
    const unit: AmountUnit = hit.unit === '元' || hit.unit === '万元' ? hit.unit : tableUnitIs;
    const f = headField(idx, hit, (raw) => {
      const p = parseAmountIn(raw, unit);
      // Blank 财政资金 / 其他资金 mean 0 (SPEC §2).
      return !p.ok && p.empty && key !== 'total' ? { ok: true, value: ZERO } : p;
    });
    const yuan = (statedAmountUnit(f.raw) ?? unit) === '元';
    if (hit.inline === undefined || hit.inline === '') cells[key].push({ cell: f.cell, raw: f.raw, yuan });
    return f;
  };
  const missing = (key: AmountKey): Field<Decimal> => {
    absent.add(key);
    return { cell: a1(nowhere.row, nowhere.col), raw: null, text: '', value: undefined };
  };
  /** An aggregate label, else the funding sources summed (小计/合计 are totals, never sources). */
  const amount = (key: AmountKey, aggregate: HeadField, source?: HeadField): Field<Decimal> => {
    const h = hits[aggregate];
    if (h) return read(h, key);
    const sources = source ? inHead.filter((x) => x.field === source) : [];
    if (sources.length === 0) return missing(key);
    const parts = sources.map((s) => read(s, key));
    if (parts.length === 1) return parts[0];
    const bad = parts.find((p) => p.value === undefined);
    if (bad) return bad;
    const total = sum(parts.map((p) => p.value!));
    return { cell: parts[0].cell, raw: amountText(total), text: amountText(total), value: total };
  };
  const total = amount('total', 'total');
  // `本年度申请市财政预算资金`: a total that is itself fiscal money, with no breakdown.
  const totalIsFiscal = !hits.fiscal && !inHead.some((h) => h.field === 'fiscalSource') && hits.total && idx.text(hits.total).includes('财政');
  const fiscal = totalIsFiscal ? read(hits.total!, 'fiscal') : amount('fiscal', 'fiscal', 'fiscalSource');
  return { budget: { total, fiscal, other: amount('other', 'other', 'otherSource') }, cells };
}

function readSpendingPlan(
  idx: GridIndex,
  label: Hit<'head'> | undefined,
  top: number,
  headerRow: number,
  labels: Partial<Record<LabelKey, string>>,
  absent: Set<FieldKey>,
): SpendingPoint[] {
  const from = label ? label.row : top;
  const points = idx.planPoints.filter((p) => p.row >= from && p.row < headerRow);
  if (!label && points.length === 0) absent.add('spendingPlan');
  if (label) labels.spendingPlan = a1(label.row, label.col);
  const anchor: Pos = label ?? { row: headerRow, col: 0 };
  return QUARTERS.map((quarter, i) => {
    const hit = best(points, from, headerRow, (p) => p.point === i);
    let p: Pos;
    if (hit) {
      const below = idx.below(hit);
      const right = idx.right(hit);
      p = !idx.holdsValue(below) && idx.holdsValue(right) ? right : below;
    } else {
      p = { row: anchor.row + 1, col: anchor.col + 1 + i };
    }
    const percent = field(p.row < headerRow && (hit || label) ? idx.grid : NO_CELLS, p, parsePercent);
    const raw = percent.raw;
    const form: SpendingPoint['form'] =
      raw === null || cellText(raw) === '' ? 'blank'
      : typeof raw === 'number' ? (isPercentFormat(formatAt(idx.grid, p.row, p.col)) ? 'percent-number' : 'points-number')
      : 'text';
    const point: SpendingPoint = { quarter, percent, form };
    const shown = hit ? idx.text(hit) : '';
    if (shown && labelKey(shown) !== labelKey(quarter)) point.label = shown;
    return point;
  });
}

/**
 * The list layout (Sichuan's budget-system export): one header row 单位名称 | 项目名称 | 预算数 |
 * 年度目标 | 一级指标 …, then per project its indicator rows, the project's own cells merged down
 * over them. A row with a 单位名称 but no 项目名称 is a department total, not a project.
 */
function readList(idx: GridIndex, listHeads: readonly Hit<'head'>[], block: Block, sheet: string, end: number): TargetTable[] {
  const grid = idx.grid;
  const col = (f: HeadField) => best(listHeads, block.header.row, block.header.row + 1, (h) => h.field === f);
  const nameHit = col('name') ?? col('code')!;
  const unitHit = col('implementingUnit') ?? col('department');
  const starts: number[] = [];
  for (let r = block.start; r < end; r++) if (idx.textAt(r, nameHit.col) !== '') starts.push(r);
  const unit = tableUnit(idx, 0, block.header.row);
  const tables: TargetTable[] = [];
  const title = (() => {
    for (let r = block.header.row - 1; r >= 0; r--) {
      const p = firstTextInRow(idx, r, 0, idx.width, isTitleText);
      if (p) return textField(grid, p);
    }
    return textField(NO_CELLS, block.header);
  })();
  starts.forEach((startRow, i) => {
    const stop = starts[i + 1] ?? end;
    const at = (h: Hit<'head'> | undefined): Pos => (h ? { row: startRow, col: h.col } : block.header);
    const cell = (f: HeadField) => {
      const h = col(f);
      return textField(h ? grid : NO_CELLS, at(h));
    };
    // The department: the nearest total row above (a 单位名称 without a 项目名称).
    let department = textField(NO_CELLS, block.header);
    for (let r = startRow - 1; r >= block.start && unitHit; r--) {
      if (idx.textAt(r, nameHit.col) === '' && idx.textAt(r, unitHit.col) !== '') {
        department = textField(grid, { row: r, col: unitHit.col });
        break;
      }
    }
    const absent = new Set<FieldKey>(['fiscal', 'other', 'fundUse', 'spendingPlan']);
    const cells: Record<AmountKey, AmountCell[]> = { total: [], fiscal: [], other: [] };
    const totalHit = col('total');
    let total: Field<Decimal> = { cell: a1(block.header.row, block.header.col), raw: null, text: '', value: undefined };
    if (totalHit) {
      total = field(grid, at(totalHit), (raw) => parseAmountIn(raw, totalHit.unit === '元' || totalHit.unit === '万元' ? totalHit.unit : unit));
      cells.total.push({ cell: total.cell, raw: total.raw, yuan: (statedAmountUnit(total.raw) ?? unit) === '元' });
    } else absent.add('total');
    const goalsHit = col('goals');
    if (!goalsHit) absent.add('goals');
    const layout = layoutOf(block.columns);
    const unusedRows: number[] = [];
    const indicators = readIndicators(idx, { ...block, start: startRow, end: stop }, layout, unusedRows);
    absentColumns(block.columns, absent);
    if (!col('code')) absent.add('code');
    const name = cell('name');
    const header = block.header;
    const optional: Partial<Record<OptionalField, Field<string>>> = {};
    if (unitHit && unitHit.field === 'implementingUnit') optional.implementingUnit = cell('implementingUnit');
    const zero = (c: string): Field<Decimal> => ({ cell: c, raw: null, text: '', value: undefined });
    const table: TargetTable = {
      sheet,
      layout,
      title,
      titleName: titleName(title.text),
      department,
      unit: textField(NO_CELLS, header),
      code: cell('code'),
      name,
      budget: { total, fiscal: zero(total.cell), other: zero(total.cell) },
      fundUse: textField(NO_CELLS, header),
      spendingPlan: QUARTERS.map((quarter) => ({ quarter, percent: field(NO_CELLS, header, parsePercent), form: 'blank' as const })),
      goals: goalsHit ? field(grid, at(goalsHit), goalsOf) : field(NO_CELLS, header, goalsOf),
      indicators,
      labels: { indicatorHeader: a1(header.row, header.col), name: a1(nameHit.row, nameHit.col) },
      indicatorColumns: Object.fromEntries(
        (Object.entries(block.columns) as [ColumnField, number][])
          .filter(([k]) => k !== 'scoring' && k !== 'remark')
          .map(([k, c]) => [k as IndicatorColumnKey, a1(header.row, c)]),
      ),
      year: yearOf(title.text, name.text),
      framework: detectFramework(indicators),
      amountCells: cells,
      absent: [...absent],
    };
    if (Object.keys(optional).length) table.optional = optional;
    if (unusedRows.length) table.unusedRows = unusedRows;
    tables.push(table);
  });
  return tables;
}
