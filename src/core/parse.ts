/**
 * Parsing of cell values into typed values, once, at the edge (SPEC §2–3). Everything after
 * this works with `Decimal`s and `IndicatorValue`s, never with strings.
 */
import { Decimal, HUNDRED, decimalFromNumber } from './money';
import { CellValue } from './grid';
import { cellText, isExcelError, toHalfWidth } from './text';

export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; empty: boolean; reason: string };

const empty = <T>(): Parsed<T> => ({ ok: false, empty: true, reason: 'empty' });
const invalid = <T>(reason: string): Parsed<T> => ({ ok: false, empty: false, reason });

const SPACES = /[\s\u00a0\u200b]/;

function compact(text: string): string {
  const half = toHalfWidth(text);
  return SPACES.test(half) ? half.replace(/[\s\u00a0\u200b]+/g, '') : half;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** A decimal from text: half-width or full-width digits, spaces, thousands separators. */
export function parseDecimalText(text: string): Decimal | undefined {
  const t = compact(text).replace(/，/g, ',');
  if (NUMBER.test(t)) return new Decimal(t);
  if (GROUPED.test(t)) return new Decimal(t.replace(/,/g, ''));
  return undefined;
}

/**
 * An amount in 万元. Numbers as Excel stores them, or text such as `1,430.10`, `１４３．０１`
 * or `2.00万元`. Blank is `empty` (the caller decides whether blank means 0).
 */
export function parseAmount(cell: CellValue): Parsed<Decimal> {
  if (cell === null || cell === '') return empty();
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? { ok: true, value: decimalFromNumber(cell) } : invalid('not a number');
  }
  if (typeof cell === 'boolean') return invalid('not a number');
  if (isExcelError(cell)) return invalid(`error value ${cell.trim()}`);
  const t = compact(cell);
  if (t === '') return empty();
  const d = parseDecimalText(t.replace(/万元$/, ''));
  return d ? { ok: true, value: d } : invalid('not a number');
}

export type AmountUnit = '万元' | '元';

const TEN_THOUSAND = new Decimal(10_000);

/** The unit an amount cell states itself (`250万`, `3,000元`), if any. */
export function statedAmountUnit(cell: CellValue): AmountUnit | undefined {
  if (typeof cell !== 'string') return undefined;
  const m = /^[^(（]*?(万元|万|元)\s*(?:[(（].*)?$/.exec(cell.trim());
  return m ? (m[1] === '元' ? '元' : '万元') : undefined;
}

/**
 * An amount in 万元 from a cell in `unit` (the table's unit note): a number, or text with
 * thousands separators, full-width digits, its own unit (`250万`, `10000万元`, `3,000元`) and a
 * bracketed remark after it (`854万元（含…）`). 元 are divided by 10,000 exactly.
 */
export function parseAmountIn(cell: CellValue, unit: AmountUnit): Parsed<Decimal> {
  const stated = statedAmountUnit(cell);
  let source: CellValue = cell;
  if (typeof cell === 'string') {
    const t = compact(cell).replace(/[(（].*$/, '');
    source = stated ? t.replace(/(万元|万|元)$/, '') : t;
  }
  const parsed = parseAmount(source);
  if (!parsed.ok) return parsed;
  return (stated ?? unit) === '元' ? { ok: true, value: parsed.value.dividedBy(TEN_THOUSAND) } : parsed;
}

/** A 权重/分值: `10`, `10%`, `10分`. */
export function parseWeight(cell: CellValue): Parsed<Decimal> {
  if (typeof cell === 'string') return parseAmount(compact(cell).replace(/(%|分)$/, ''));
  return parseAmount(cell);
}

/** True when an Excel number format shows the value as a percentage. */
export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format || !format.includes('%')) return false;
  let percent = percentFormats.get(format);
  if (percent === undefined) {
    // A % inside quotes or escaped is literal text, not the percent scaling.
    percent = /%/.test(format.replace(/"[^"]*"/g, '').replace(/\\%/g, ''));
    percentFormats.set(format, percent);
  }
  return percent;
}
const percentFormats = new Map<string, boolean>();

/** A number shown with a % format in percent points (0.25 → 25) and as shown (`25%`), worked out once per number. */
function percentOf(n: number): { points: Decimal; shown: string } {
  let p = percents.get(n);
  if (p === undefined) {
    const points = decimalFromNumber(n).times(HUNDRED);
    p = { points, shown: `${points.toFixed()}%` };
    if (percents.size > 10_000) percents.clear();
    percents.set(n, p);
  }
  return p;
}
const percents = new Map<number, { points: Decimal; shown: string }>();

/**
 * A percentage in percent points (25 for 25 %): a number with a % format (0.25), text `25%`,
 * `２５％` or `25百分比`, or a bare number meaning points (25).
 */
export function parsePercent(cell: CellValue, format?: string | null): Parsed<Decimal> {
  if (cell === null || cell === '') return empty();
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return invalid('not a number');
    return { ok: true, value: isPercentFormat(format) ? percentOf(cell).points : decimalFromNumber(cell) };
  }
  if (typeof cell === 'boolean') return invalid('not a percentage');
  if (isExcelError(cell)) return invalid(`error value ${cell.trim()}`);
  const t = compact(cell);
  if (t === '') return empty();
  const m = /^(.*?)(%|百分比)?$/.exec(t);
  const d = m ? parseDecimalText(m[1]) : undefined;
  return d ? { ok: true, value: d } : invalid('not a percentage');
}

/** A cell as the officer sees it: a number shown with a % format reads `95%` (Excel stores 0.95). */
export function shownText(cell: CellValue, format?: string | null): string {
  if (typeof cell === 'number' && Number.isFinite(cell) && isPercentFormat(format)) return percentOf(cell).shown;
  return cellText(cell);
}

export type Operator = '≥' | '>' | '≤' | '<' | '=';

export type IndicatorValue =
  | { kind: 'quantitative'; operator: Operator | null; number: Decimal; unit: string }
  /** A deadline such as `2022年12月底前`: the work is due by that month (or day). */
  | { kind: 'deadline'; year: number; month: number; day: number | null; operator: '≤' | '=' }
  | { kind: 'qualitative'; text: string };

const OPERATOR_WORDS: [RegExp, Operator][] = [
  [/^(>=|≥|≧|⩾|不低于|不少于|不小于|至少)/, '≥'],
  [/^(<=|≤|≦|⩽|不高于|不超过|不多于|不大于|至多)/, '≤'],
  [/^(>|＞|高于|大于|超过|多于)/, '>'],
  [/^(<|＜|低于|小于|少于)/, '<'],
  [/^(==|=|＝|等于)/, '='],
];

/** An operator written at the start of a text (`≥较好`, `不低于上年`), and what follows it. */
export function leadingOperator(text: string): { operator: Operator; rest: string } | undefined {
  const t = compact(text);
  for (const [re, op] of OPERATOR_WORDS) {
    const m = re.exec(t);
    if (m) return { operator: op, rest: t.slice(m[0].length) };
  }
  return undefined;
}

/** Normalises a unit: 百分比 and ％ are %. */
export function normaliseUnit(unit: string): string {
  const u = compact(unit);
  return u === '百分比' || u === '％' ? '%' : u;
}

/** Parses an operator written in a 计算符号 column or at the start of a value. */
export function parseOperator(text: string): Operator | null | undefined {
  const t = compact(text);
  if (t === '') return null;
  for (const [re, op] of OPERATOR_WORDS) {
    const m = re.exec(t);
    if (m && m[0].length === t.length) return op;
  }
  return undefined;
}

const UNIT = /^[%‰a-zA-Z\u4e00-\u9fff/·²³]{0,12}$/;

/**
 * A 指标值 (SPEC §2): `≥95百分比`, `≥ 95 ％`, `不低于95%`, `=100%`, `8人`, `2022年12月底前`,
 * a number (with a % format: a percentage), or qualitative text such as `及时化解`.
 */
export function parseIndicatorValue(cell: CellValue, format?: string | null): Parsed<IndicatorValue> {
  if (typeof cell !== 'string') return parseValue(cell, format);
  // The same texts (`≥95%`, `100%`, `及时`) fill thousands of tables: each is parsed once, and
  // the result is frozen, so that tables can share it.
  let parsed = parsedValues.get(cell);
  if (parsed === undefined) {
    parsed = parseValue(cell);
    if (parsed.ok) Object.freeze(parsed.value);
    Object.freeze(parsed);
    if (parsedValues.size > 10_000) parsedValues.clear();
    parsedValues.set(cell, parsed);
  }
  return parsed;
}
const parsedValues = new Map<string, Parsed<IndicatorValue>>();

function parseValue(cell: CellValue, format?: string | null): Parsed<IndicatorValue> {
  if (cell === null || cell === '') return empty();
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return invalid('not a number');
    // Excel stores a typed `100%` as 1 with a % format.
    const percent = isPercentFormat(format);
    const number = percent ? percentOf(cell).points : decimalFromNumber(cell);
    return { ok: true, value: { kind: 'quantitative', operator: null, number, unit: percent ? '%' : '' } };
  }
  if (typeof cell === 'boolean') return { ok: true, value: { kind: 'qualitative', text: String(cell) } };
  if (isExcelError(cell)) return invalid(`error value ${cell.trim()}`);
  const t = compact(cell);
  if (t === '') return empty();

  const deadline = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?(底|末)?(前|之前|以前)?(完成)?$/.exec(t);
  if (deadline) {
    const month = Number(deadline[2]);
    const day = deadline[3] ? Number(deadline[3]) : null;
    if (month >= 1 && month <= 12 && (day === null || (day >= 1 && day <= 31))) {
      const by = Boolean(deadline[4] || deadline[5]);
      return {
        ok: true,
        value: { kind: 'deadline', year: Number(deadline[1]), month, day, operator: by ? '≤' : '=' },
      };
    }
  }

  let rest = t;
  let operator: Operator | null = null;
  for (const [re, op] of OPERATOR_WORDS) {
    const m = re.exec(rest);
    if (m) {
      operator = op;
      rest = rest.slice(m[0].length);
      break;
    }
  }
  let suffixOp: Operator | null = null;
  const suffix = /(以上|及以上|以下|及以下)$/.exec(rest);
  if (suffix && operator === null) {
    suffixOp = suffix[1].endsWith('以上') ? '≥' : '≤';
    rest = rest.slice(0, -suffix[1].length);
  }
  const num = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(.*)$/.exec(rest);
  if (num && UNIT.test(num[2]) && !/^\d/.test(num[2])) {
    const n = parseDecimalText(num[1]);
    if (n) {
      return {
        ok: true,
        value: { kind: 'quantitative', operator: operator ?? suffixOp, number: n, unit: normaliseUnit(num[2]) },
      };
    }
  }
  return { ok: true, value: { kind: 'qualitative', text: t } };
}

/** The canonical text of an indicator value: `≥95%`, `8人`, `2022年12月底前`, or the text. */
export function formatIndicatorValue(v: IndicatorValue): string {
  switch (v.kind) {
    case 'quantitative':
      return `${v.operator ?? ''}${v.number.toString()}${v.unit}`;
    case 'deadline':
      return `${v.year}年${v.month}月${v.day === null ? '底' : `${v.day}日`}${v.operator === '≤' ? '前' : ''}`;
    case 'qualitative':
      return v.text;
  }
}
