/**
 * Finds target tables in a grid by their labels (SPEC §3): label cells are matched by text
 * (spaces, width and `：` ignored) and each value is taken beside or under its label, so moved
 * blocks, inserted rows, merged cells and extra indicator rows all read.
 */
import { CellRange, CellValue, Grid, a1, cellAt, formatAt, gridHeight, gridWidth } from '../grid';
import { Field, Indicator, LabelKey, LayoutId, QUARTERS, SpendingPoint, TargetTable } from '../model';
import { ZERO } from '../money';
import { Operator, Parsed, isPercentFormat, parseAmount, parseIndicatorValue, parseOperator, parsePercent, shownText } from '../parse';
import { cellText, labelKey } from '../text';
import { ALL_COLUMNS, ColumnKey, HEAD_SLOTS, INDICATOR_HEADER, SPENDING_PLAN, TITLE_SUFFIX } from './definition';

type Pos = { row: number; col: number };

const INDEXED_LABELS = new Set(
  [...HEAD_SLOTS.flatMap((s) => [s.label, ...s.aliases]), SPENDING_PLAN.label, ...SPENDING_PLAN.aliases, ...QUARTERS, INDICATOR_HEADER].map(labelKey),
);
const LABEL_FIRST_CHARS = new Set([...INDEXED_LABELS].map((k) => k.charCodeAt(0)));

/** The first character that is not a space, half-width, as a char code. */
function firstChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x3000 || code === 0xa0 || code === 0x200b || code === 0xfeff || (code >= 0x09 && code <= 0x0d)) continue;
    const half = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
    return half >= 0x61 && half <= 0x7a ? half - 0x20 : half;
  }
  return -1;
}

const cellKey = (row: number, col: number) => row * 16_384 + col;

/** Label positions by normalised text, and merged areas by their top-left cell. */
class GridIndex {
  private readonly labels = new Map<string, Pos[]>();
  private readonly mergeAt = new Map<number, CellRange>();

  constructor(readonly grid: Grid) {
    const h = gridHeight(grid);
    for (let r = 0; r < h; r++) {
      const row = grid.values[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        // Only the labels the reader looks for are indexed; a first-character test skips most values cheaply.
        if (typeof v !== 'string' || v.length > 40 || !LABEL_FIRST_CHARS.has(firstChar(v))) continue;
        const key = labelKey(v);
        if (!INDEXED_LABELS.has(key)) continue;
        const list = this.labels.get(key);
        if (list) list.push({ row: r, col: c });
        else this.labels.set(key, [{ row: r, col: c }]);
      }
    }
    for (const m of grid.merges ?? []) this.mergeAt.set(cellKey(m.top, m.left), m);
  }

  /** The first cell (row-major) whose text is the label or one of its aliases, at or after `from`. */
  find(texts: readonly string[], from: Pos = { row: 0, col: 0 }, until = Infinity): Pos | undefined {
    let best: Pos | undefined;
    for (const t of texts) {
      for (const p of this.labels.get(labelKey(t)) ?? []) {
        if (p.row < from.row || p.row > until) continue;
        if (!best || p.row < best.row || (p.row === best.row && p.col < best.col)) best = p;
      }
    }
    return best;
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
}

function field<T>(grid: Grid, p: Pos, parse: (raw: CellValue, format: string) => Parsed<T>): Field<T> {
  const raw = cellAt(grid, p.row, p.col);
  const format = formatAt(grid, p.row, p.col);
  const parsed = parse(raw, format);
  const text = shownText(raw, format);
  if (parsed.ok) return { cell: a1(p.row, p.col), raw, text, value: parsed.value };
  return parsed.empty
    ? { cell: a1(p.row, p.col), raw, text, value: undefined }
    : { cell: a1(p.row, p.col), raw, text, value: undefined, problem: parsed.reason };
}

const textOf = (raw: CellValue, format: string): Parsed<string> => {
  const t = shownText(raw, format);
  return t ? { ok: true, value: t } : { ok: false, empty: true, reason: 'empty' };
};

const goalsOf = (raw: CellValue): Parsed<string[]> => {
  const lines = cellText(raw)
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^[（(]?\d{1,2}[.、．)）]\s*/, '').trim())
    .filter((l) => l !== '');
  return lines.length ? { ok: true, value: lines } : { ok: false, empty: true, reason: 'empty' };
};

/** Blank 其中：财政资金 / 其他资金 mean 0 (SPEC §2). */
const amountOrZero = (raw: CellValue): Parsed<typeof ZERO> => {
  const p = parseAmount(raw);
  return !p.ok && p.empty ? { ok: true, value: ZERO } : p;
};

const textField = (grid: Grid, p: Pos) => field(grid, p, textOf);

function firstTextInRow(idx: GridIndex, row: number, from: number, to: number, accept: (t: string) => boolean): Pos | undefined {
  for (let c = from; c <= to; c++) {
    const t = cellText(idx.value({ row, col: c }));
    if (t && accept(t)) return { row, col: c };
  }
  return undefined;
}

/** Rows the officer may have inserted between the department row and 项目编码. */
const MAX_BLANK_ROWS_ABOVE_CODE = 3;

function readTitle(idx: GridIndex, code: Pos, width: number): { title: Field<string>; department: Field<string>; unit: Field<string> } {
  const isUnit = (t: string) => labelKey(t).startsWith('单位');
  const isTitle = (t: string) => labelKey(t).endsWith(labelKey(TITLE_SUFFIX));
  const hasText = (row: number, accept: (t: string) => boolean = () => true) => firstTextInRow(idx, row, code.col, width, accept) !== undefined;
  // The department row is the nearest row above 项目编码 with text: blank rows inserted between are skipped (but a title is no department row).
  let deptRow = code.row - 1;
  for (let r = deptRow; r >= 0 && r >= code.row - 1 - MAX_BLANK_ROWS_ABOVE_CODE; r--) {
    if (!hasText(r)) continue;
    if (!hasText(r, isTitle)) deptRow = r;
    break;
  }
  const deptPos = deptRow >= 0 ? firstTextInRow(idx, deptRow, code.col, width, (t) => !isUnit(t)) : undefined;
  const unitPos = deptRow >= 0 ? firstTextInRow(idx, deptRow, code.col, width, isUnit) : undefined;
  let titlePos: Pos | undefined;
  for (let r = deptRow - 1; r >= Math.max(0, deptRow - 3) && !titlePos; r--) {
    titlePos = firstTextInRow(idx, r, code.col, width, isTitle);
  }
  if (!titlePos && deptRow - 1 >= 0) titlePos = firstTextInRow(idx, deptRow - 1, code.col, width, () => true);
  const at = (p: Pos | undefined, row: number) => p ?? { row: Math.max(row, 0), col: code.col };
  return {
    title: textField(idx.grid, at(titlePos, deptRow - 1)),
    department: textField(idx.grid, at(deptPos, deptRow)),
    unit: textField(idx.grid, at(unitPos, deptRow)),
  };
}

/** `1.2022年人大之家工作经费绩效目标表` → `2022年人大之家工作经费`. */
export function titleName(title: string): string {
  return title
    .trim()
    .replace(/^\d{1,3}\s*[.、．]\s*/, '')
    .replace(new RegExp(`${TITLE_SUFFIX}$`), '')
    .trim();
}

function yearOf(...texts: string[]): number | undefined {
  for (const t of texts) {
    const m = /(20\d{2})\s*年/.exec(t);
    if (m) return Number(m[1]);
  }
  return undefined;
}

function readSpendingPlan(idx: GridIndex, from: Pos, until: number, labels: Partial<Record<LabelKey, string>>): SpendingPoint[] {
  const plan = idx.find([SPENDING_PLAN.label, ...SPENDING_PLAN.aliases], from, until);
  if (plan) labels.spendingPlan = a1(plan.row, plan.col);
  const anchor = plan ?? from;
  return QUARTERS.map((q, i) => {
    const label = idx.find([q], { row: anchor.row, col: 0 }, until);
    const fallback = { row: anchor.row + 1, col: anchor.col + SPENDING_PLAN.quarterCol + i };
    const p = label ? idx.below(label) : fallback;
    const percent = field(p.row < until ? idx.grid : { values: [] }, p, parsePercent);
    const raw = percent.raw;
    const form: SpendingPoint['form'] =
      raw === null || cellText(raw) === '' ? 'blank'
      : typeof raw === 'number' ? (isPercentFormat(formatAt(idx.grid, p.row, p.col)) ? 'percent-number' : 'points-number')
      : 'text';
    return { quarter: q, percent, form };
  });
}

type ColumnMap = Partial<Record<ColumnKey, number>>;

function readHeader(idx: GridIndex, header: Pos, width: number): ColumnMap {
  const map: ColumnMap = {};
  for (let c = header.col; c < width; c++) {
    const t = cellText(idx.value({ row: header.row, col: c }));
    if (!t) continue;
    const key = labelKey(t);
    const column = ALL_COLUMNS.find((col) => [col.label, ...col.aliases].some((l) => labelKey(l) === key));
    if (column && map[column.key] === undefined) map[column.key] = c;
  }
  return map;
}

function readIndicators(idx: GridIndex, header: Pos, columns: ColumnMap, layout: LayoutId): Indicator[] {
  const grid = idx.grid;
  const used = Object.values(columns) as number[];
  // A column the block lacks reads as blank; findings about it point at the header (SPEC §4).
  const missing: Grid = { values: [] };
  const gridFor = (key: ColumnKey) => (columns[key] === undefined ? missing : grid);
  const at = (row: number, key: ColumnKey): Pos => (columns[key] === undefined ? header : { row, col: columns[key]! });
  const textAt = (row: number, key: ColumnKey) => textField(gridFor(key), at(row, key));
  const indicators: Indicator[] = [];
  const h = gridHeight(grid);
  for (let row = idx.below(header).row; row < h; row++) {
    if (used.every((c) => cellText(cellAt(grid, row, c)) === '')) break;
    const prev = indicators[indicators.length - 1];
    let level1 = textAt(row, 'level1');
    let level2 = textAt(row, 'level2');
    const level1Carried = level1.text === '' && prev !== undefined && prev.level1.text !== '';
    // A merged 一级/二级指标 cell reads blank below its first row: the row belongs to the one above.
    if (level1Carried) level1 = { ...prev.level1, cell: level1.cell };
    const level2Carried = level2.text === '' && prev !== undefined && prev.level2.text !== '' && (level1Carried || prev.level1.text === level1.text);
    if (level2Carried) level2 = { ...prev.level2, cell: level2.cell };

    const base = {
      row,
      level1,
      level1Carried,
      level2,
      level2Carried,
      level3: textAt(row, 'level3'),
      description: textAt(row, 'description'),
      basis: textAt(row, 'basis'),
    };
    if (layout === 'standard') {
      indicators.push({ ...base, value: field(gridFor('value'), at(row, 'value'), parseIndicatorValue) });
      continue;
    }
    const valueType = textAt(row, 'valueType');
    const operator = field<Operator>(gridFor('operator'), at(row, 'operator'), (raw) => {
      const op = parseOperator(cellText(raw));
      if (op === undefined) return { ok: false, empty: false, reason: 'unknown operator' };
      return op === null ? { ok: false, empty: true, reason: 'empty' } : { ok: true, value: op };
    });
    const unit = textAt(row, 'unit');
    const qualitative = labelKey(valueType.text) === '定性';
    const value = field(gridFor('value'), at(row, 'value'), (raw, format) => {
      if (qualitative || cellText(raw) === '') return parseIndicatorValue(raw, format);
      // A %-formatted number (0.95 shown as 95%) carries its unit itself.
      const number = shownText(raw, format);
      return parseIndicatorValue(`${operator.text}${number}${number.endsWith('%') ? '' : unit.text}`);
    });
    const weight = columns.weight === undefined ? undefined : field(grid, at(row, 'weight'), parsePercent);
    indicators.push({ ...base, value, valueType, operator, unit, ...(weight && { weight }) });
  }
  return indicators;
}

/**
 * Reads the target table of a sheet, or undefined when the sheet is not one (it needs the
 * labels 项目编码 and 一级指标). Never throws on any grid.
 */
export function readTargetTable(grid: Grid, sheet: string): TargetTable | undefined {
  const idx = new GridIndex(grid);
  const codeSlot = HEAD_SLOTS.find((s) => s.key === 'code')!;
  const codeLabel = idx.find([codeSlot.label, ...codeSlot.aliases]);
  if (!codeLabel) return undefined;
  const headerLabel = idx.find([INDICATOR_HEADER], { row: codeLabel.row, col: 0 });
  if (!headerLabel) return undefined;

  const width = Math.max(gridWidth(grid), codeLabel.col + 1);
  const labels: Partial<Record<LabelKey, string>> = { code: a1(codeLabel.row, codeLabel.col), indicatorHeader: a1(headerLabel.row, headerLabel.col) };
  const head: Partial<Record<LabelKey, Pos>> = { code: codeLabel };
  for (const slot of HEAD_SLOTS) {
    if (slot.key === 'code') continue;
    const p = idx.find([slot.label, ...slot.aliases], codeLabel, headerLabel.row);
    if (p) {
      head[slot.key] = p;
      labels[slot.key] = a1(p.row, p.col);
    }
  }
  // Where a label is missing, its value is looked for where the canonical layout puts it.
  const valuePos = (key: LabelKey): Pos => {
    const p = head[key];
    if (p) return idx.right(p);
    const slot = HEAD_SLOTS.find((s) => s.key === key)!;
    return { row: codeLabel.row + slot.row - 2, col: codeLabel.col + slot.col + 1 };
  };
  // The seed's fund-use row has no 资金用途 label: the text sits in the row under 预算数.
  const fundUsePos = (): Pos => {
    if (head.fundUse) return idx.right(head.fundUse);
    const total = head.total ?? { row: codeLabel.row + 1, col: codeLabel.col + 1 };
    const row = idx.below(total).row;
    return firstTextInRow(idx, row, total.col, width, () => true) ?? { row, col: total.col + 1 };
  };

  // A guessed position inside the indicator block is not the field: it is missing.
  const headField = <T>(p: Pos, parse: (raw: CellValue, format: string) => Parsed<T>): Field<T> =>
    p.row < headerLabel.row ? field(grid, p, parse) : field({ values: [] }, p, parse);

  const { title, department, unit } = readTitle(idx, codeLabel, width);
  const code = headField(valuePos('code'), textOf);
  const name = headField(valuePos('name'), textOf);
  const columns = readHeader(idx, headerLabel, width);
  const layout: LayoutId = columns.operator !== undefined || columns.unit !== undefined ? 'provincial' : 'standard';

  return {
    sheet,
    layout,
    title,
    titleName: titleName(title.text),
    department,
    unit,
    code,
    name,
    budget: {
      total: headField(valuePos('total'), parseAmount),
      fiscal: headField(valuePos('fiscal'), amountOrZero),
      other: headField(valuePos('other'), amountOrZero),
    },
    fundUse: headField(fundUsePos(), textOf),
    spendingPlan: readSpendingPlan(idx, codeLabel, headerLabel.row, labels),
    goals: headField(valuePos('goals'), goalsOf),
    indicators: readIndicators(idx, headerLabel, columns, layout),
    labels,
    indicatorColumns: Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, a1(headerLabel.row, c as number)])),
    year: yearOf(title.text, name.text),
  };
}
