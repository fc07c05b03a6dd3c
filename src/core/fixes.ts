/**
 * Applying a rule's quick fix to all its findings at once (issue 9, item 12): the edits of every
 * fix, one per cell. Two fixes writing the same cell keep the first (the findings' order), so the
 * count shown before applying is the number of cells that will change.
 */
import { CellEdit, Finding } from './finding';

export function batchFixEdits(findings: readonly Finding[]): CellEdit[] {
  const byCell = new Map<string, CellEdit>();
  for (const f of findings) {
    for (const edit of f.fix?.edits ?? []) {
      const key = `${edit.sheet}\u0000${edit.cell}`;
      if (!byCell.has(key)) byCell.set(key, edit);
    }
  }
  return [...byCell.values()];
}
