/**
 * W003: two tables of one workbook whose indicator rows (三级指标 + 指标值) are at least 80 %
 * the same, with 3 rows or more: reviewers send these back as 指标雷同 (SPEC §4).
 *
 * Not quadratic in the number of tables: identical blocks are bucketed by a signature, and
 * near-identical ones are found through an index of each block's rarest rows only (prefix
 * filtering: two blocks sharing 80 % of the larger one share a row among the first
 * n − ⌈0.8 n⌉ + 1 rows of each, in one global order of rarity).
 */
import { Finding } from '../finding';
import { Indicator, TargetTable } from '../model';
import { formatIndicatorValue } from '../parse';
import { labelKey } from '../text';
import { RuleMeta, WorkbookRule, finding } from './rule';
import { headerCell } from './rows';

const W003: RuleMeta = {
  id: 'W003',
  severity: 'warning',
  description: { zh: '两张表的指标行雷同（≥80%相同）', en: "Two tables' indicator rows are ≥ 80% the same (copied blocks)" },
  fixable: false,
};

const MIN_ROWS = 3;
/** Shared rows needed between blocks of n and m rows: ⌈0.8 · max(n, m)⌉. */
const needed = (n: number) => Math.ceil((4 * n) / 5);
/** Most other sheets a message names. */
const NAMED = 3;

/**
 * A value as compared: its canonical form (`≥95百分比` is `≥95%`). Memoised by the text shown
 * where the cell holds the whole value (not in a split layout, whose 计算符号/单位 sit beside it).
 */
const valueKeys = new Map<string, string>();
function valueKey(ind: Indicator): string {
  const { text, value } = ind.value;
  const canonical = () => (value ? formatIndicatorValue(value) : labelKey(text));
  if (ind.operator || ind.unit) return canonical();
  let key = valueKeys.get(text);
  if (key === undefined) {
    key = canonical();
    if (valueKeys.size > 50_000) valueKeys.clear();
    valueKeys.set(text, key);
  }
  return key;
}

/** Rows as numbers: one per distinct (三级指标, 指标值) pair, without building a key string per row. */
class RowIds {
  private readonly byName = new Map<string, Map<string, number>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  of(ind: Indicator): number {
    const name = labelKey(ind.level3.text);
    let byValue = this.byName.get(name);
    if (!byValue) this.byName.set(name, (byValue = new Map()));
    const value = valueKey(ind);
    let id = byValue.get(value);
    if (id === undefined) byValue.set(value, (id = this.count++));
    return id;
  }
}

/** The numbers in ascending order, each once (sorts `ids` in place). */
function distinctSorted(ids: number[]): number[] {
  ids.sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[n - 1]) ids[n++] = ids[i];
  ids.length = n;
  return ids;
}

/** A group of tables with the very same set of rows. */
interface Block {
  rows: number[];
  tables: TargetTable[];
}

export const copiedBlocks: WorkbookRule = (tables) => {
  // Rows as numbers, blocks as sorted sets of them, identical blocks in one bucket.
  const ids = new RowIds();
  const buckets = new Map<string, Block>();
  for (const t of tables) {
    const ofTable: number[] = [];
    for (const ind of t.indicators) {
      if (ind.level3.text === '' && ind.value.text === '') continue;
      ofTable.push(ids.of(ind));
    }
    const sorted = distinctSorted(ofTable);
    if (sorted.length < MIN_ROWS) continue;
    const signature = sorted.join(',');
    const block = buckets.get(signature);
    if (block) block.tables.push(t);
    else buckets.set(signature, { rows: sorted, tables: [t] });
  }
  const blocks = [...buckets.values()];
  if (blocks.length === 0) return [];

  // Rarest rows first (by how many distinct blocks hold them), then the prefix index.
  const frequency = new Uint32Array(ids.size);
  for (const b of blocks) for (const r of b.rows) frequency[r]++;
  for (const b of blocks) b.rows.sort((x, y) => frequency[x] - frequency[y] || x - y);
  const index = new Map<number, number[]>();
  blocks.forEach((b, i) => {
    for (const r of b.rows.slice(0, b.rows.length - needed(b.rows.length) + 1)) {
      const list = index.get(r);
      if (list) list.push(i);
      else index.set(r, [i]);
    }
  });

  const similar: number[][] = blocks.map(() => []);
  blocks.forEach((b, i) => {
    const candidates = new Set<number>();
    for (const r of b.rows.slice(0, b.rows.length - needed(b.rows.length) + 1)) for (const j of index.get(r) ?? []) if (j > i) candidates.add(j);
    if (candidates.size === 0) return;
    const mine = new Set(b.rows);
    for (const j of candidates) {
      const other = blocks[j];
      let shared = 0;
      for (const r of other.rows) if (mine.has(r)) shared++;
      if (shared >= needed(Math.max(b.rows.length, other.rows.length))) {
        similar[i].push(j);
        similar[j].push(i);
      }
    }
  });

  const order = new Map(tables.map((t, i) => [t, i]));
  const findings: Finding[] = [];
  blocks.forEach((b, i) => {
    const others = [...b.tables, ...similar[i].flatMap((j) => blocks[j].tables)];
    if (others.length < 2) return;
    others.sort((x, y) => order.get(x)! - order.get(y)!);
    for (const t of b.tables) {
      const copies = others.filter((o) => o !== t);
      const named = copies.slice(0, NAMED).map((o) => o.sheet);
      const more = copies.length - named.length;
      findings.push(
        finding(
          W003,
          t.sheet,
          headerCell(t),
          `指标与工作表${named.map((s) => `“${s}”`).join('、')}${more ? `等${copies.length}张表` : ''}雷同（指标行至少80%相同）：请按本项目的实际内容设置指标`,
          `The indicator rows are at least 80% the same as on sheet ${named.map((s) => `"${s}"`).join(', ')}${more ? ` and ${more} more` : ''}: set indicators for this project`,
        ),
      );
    }
  });
  return findings;
};

export const COPIED_BLOCKS_META: readonly RuleMeta[] = [W003];
