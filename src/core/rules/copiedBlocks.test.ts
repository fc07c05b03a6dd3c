import { DEFAULT_PROFILE } from '../profile';
import { IndicatorCells, VALID_INDICATORS, buildTable, located } from '../../../test/support/tableBuilder';
import { copiedBlocks } from './copiedBlocks';

const p = DEFAULT_PROFILE;
const row = (level3: string, value: string): IndicatorCells => ({ ...VALID_INDICATORS[0], level3, description: level3, value });
const block = (n: number, prefix = '指标') => Array.from({ length: n }, (_, i) => row(`${prefix}${i + 1}`, `${i + 1}人`));
const table = (sheet: string, indicators: IndicatorCells[]) => buildTable({ sheet, indicators });

describe('W003 copied indicator blocks', () => {
  it('names both sheets, at each table\'s header cell', () => {
    const findings = copiedBlocks([table('A', block(3)), table('B', block(3))], p);
    expect(located(findings)).toEqual([
      { rule: 'W003', severity: 'warning', sheet: 'A', cell: 'A9' },
      { rule: 'W003', severity: 'warning', sheet: 'B', cell: 'A9' },
    ]);
    expect(findings[0].message).toBe('指标与工作表“B”雷同（指标行至少80%相同）：请按本项目的实际内容设置指标');
    expect(findings[1].message_en).toBe('The indicator rows are at least 80% the same as on sheet "A": set indicators for this project');
  });
  it('counts 80% of the larger block: 4 of 5 rows shared is a copy, 3 of 4 is not', () => {
    const five = block(5);
    expect(copiedBlocks([table('A', five), table('B', [...five.slice(0, 4), row('别的', '1个')])], p)).toHaveLength(2);
    const four = block(4);
    expect(copiedBlocks([table('A', four), table('B', [...four.slice(0, 3), row('别的', '1个')])], p)).toEqual([]);
    expect(copiedBlocks([table('A', five), table('B', five.slice(0, 4))], p)).toHaveLength(2);
    expect(copiedBlocks([table('A', block(10)), table('B', block(7))], p)).toEqual([]);
  });
  it('compares values as parsed: ≥95百分比 and ≥95% are the same value', () => {
    const a = [row('甲', '≥95百分比'), row('乙', '8人'), row('丙', '10个')];
    const b = [row('甲', '≥95%'), row('乙', '8人'), row('丙', '10个')];
    expect(copiedBlocks([table('A', a), table('B', b)], p)).toHaveLength(2);
  });
  it('needs 3 rows or more, and different values make different rows', () => {
    expect(copiedBlocks([table('A', block(2)), table('B', block(2))], p)).toEqual([]);
    const other = block(3).map((r, i) => ({ ...r, value: `${i + 5}人` }));
    expect(copiedBlocks([table('A', block(3)), table('B', other)], p)).toEqual([]);
  });
  it('names at most three other sheets and counts the rest', () => {
    const tables = ['A', 'B', 'C', 'D', 'E', 'F'].map((s) => table(s, block(3)));
    const findings = copiedBlocks(tables, p);
    expect(findings).toHaveLength(6);
    expect(findings[0].message).toBe('指标与工作表“B”、“C”、“D”等5张表雷同（指标行至少80%相同）：请按本项目的实际内容设置指标');
  });
  it('finds near copies among many distinct tables (the index is not a full pairwise scan)', () => {
    const tables = Array.from({ length: 300 }, (_, i) => table(`T${i}`, block(5, `项目${i}的指标`)));
    tables.push(table('copy', [...block(5, '项目7的指标').slice(0, 4), row('另一个', '3个')]));
    expect(located(copiedBlocks(tables, p)).map((f) => f.sheet)).toEqual(['T7', 'copy']);
  });
});
