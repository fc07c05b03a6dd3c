/**
 * Target tables in the provincial layout (一级 | 二级 | 三级 | 指标解释 | 指标值类型 | 计算符号 |
 * 指标值 | 计量单位 | 确定依据, optionally 权重), written by the writer and read back by the
 * reader, for the rules about split values and weights.
 */
import { CellValue } from '../../src/core/grid';
import { readTargetTable } from '../../src/core/layout/reader';
import { writeTargetTable } from '../../src/core/layout/writer';
import { IndicatorInput, TargetTable } from '../../src/core/model';
import { sheetToGrid } from '../../src/core/sheet';
import { seedTables } from './seed';

export const PROVINCIAL_SHEET = '省级模板';

/** A provincial row: a 数量指标 with its value split into 定量 | ≥ | 8 | 人. */
export function splitRow(cells: Partial<IndicatorInput> = {}): IndicatorInput {
  return {
    level1: '产出指标', level2: '数量指标', level3: '受补贴人数', description: '享受补贴的人数',
    valueType: '定量', operator: '≥', value: '8', unit: '人', basis: '计划标准', ...cells,
  };
}

/** The seed's project 9 in the provincial layout with the given rows; `weights` adds a 权重 column (J). */
export function provincialTable(rows: IndicatorInput[], weights?: CellValue[]): TargetTable {
  const seed = seedTables()[8];
  const sheet = writeTargetTable({ ...seed, layout: 'provincial', indicators: rows });
  const grid = sheetToGrid(sheet);
  if (weights) {
    grid.values[8][9] = '权重';
    weights.forEach((w, i) => (grid.values[9 + i][9] = w));
  }
  const table = readTargetTable(grid, PROVINCIAL_SHEET);
  if (!table) throw new Error('the provincial sheet did not read');
  return table;
}
