/** How the preview grid shows a cell, and what it puts in the editor when the user edits one, as Excel does. */
import { decimalFromNumber, roundHalfAway } from '../../core/money';
import type { CellSnapshot } from '../../preview';

const FIXED = /^(#,##)?0(?:\.(0+))?(%?)$/;

/** The value as its number format shows it (the formats the add-in writes: `0.00`, `0%`, `#,##0.00`, text). */
export function cellDisplay(cell: CellSnapshot | undefined): string {
  if (!cell) return '';
  const v = cell.value;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v !== 'number') return v;
  const m = FIXED.exec(cell.numberFormat);
  if (!m) return String(Number(v.toPrecision(11)));
  const digits = m[2]?.length ?? 0;
  const scaled = m[3] ? decimalFromNumber(v).times(100) : decimalFromNumber(v);
  let text = roundHalfAway(scaled, digits).toFixed(digits);
  if (m[1]) text = text.replace(/^(-?\d+)/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ','));
  return text + m[3];
}

/** What the cell's editor starts with: the formula, a percentage as `25%`, else the value itself. */
export function cellInput(cell: CellSnapshot | undefined): string {
  if (!cell) return '';
  if (cell.formula) return cell.formula;
  const v = cell.value;
  if (typeof v === 'number' && cell.numberFormat.endsWith('%')) return `${decimalFromNumber(v).times(100).toString()}%`;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}
