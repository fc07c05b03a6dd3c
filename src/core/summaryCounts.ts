/**
 * The summary sheet's 错误 / 警告 columns are values written when it was generated, not formulas:
 * after an edit or a settings change they can disagree with the checks as they stand. This finds the
 * projects whose counts are out of date, so the pane can say so (issue 9, item 3).
 */
import { Finding } from './finding';
import { Grid, cellAt, gridHeight, gridWidth } from './grid';
import { TargetTable } from './model';
import { cellText, labelKey } from './text';

/** The sheets whose listed 错误 / 警告 counts differ from `findings`; [] when the sheet lists none. */
export function staleSummaryCounts(grid: Grid, tables: readonly TargetTable[], findings: readonly Finding[]): string[] {
  const h = gridHeight(grid);
  const w = gridWidth(grid);
  const current = new Map(tables.map((t) => [t.sheet, { errors: 0, warnings: 0 }]));
  for (const f of findings) {
    const c = current.get(f.sheet);
    if (c && f.severity === 'error') c.errors++;
    if (c && f.severity === 'warning') c.warnings++;
  }
  for (let row = 0; row < Math.min(h, 20); row++) {
    const cols = new Map<string, number>();
    for (let c = 0; c < w; c++) cols.set(labelKey(cellText(cellAt(grid, row, c))), c);
    const [seq, sheet, errors, warnings] = ['序号', '工作表', '错误', '警告'].map((l) => cols.get(labelKey(l)));
    if (seq === undefined || sheet === undefined || errors === undefined || warnings === undefined) continue;
    const stale: string[] = [];
    for (let r = row + 1; r < h; r++) {
      const first = cellText(cellAt(grid, r, seq));
      if (first === '合计' || first === '') break;
      const name = cellText(cellAt(grid, r, sheet));
      const now = current.get(name);
      if (!now) continue;
      const listed = { errors: Number(cellText(cellAt(grid, r, errors))), warnings: Number(cellText(cellAt(grid, r, warnings))) };
      if (listed.errors !== now.errors || listed.warnings !== now.warnings) stale.push(name);
    }
    return stale;
  }
  return [];
}
