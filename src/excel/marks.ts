/**
 * How the add-in recognises what it owns in a workbook, and the document settings it keeps.
 * Settings travel with the file (Office.context.document.settings).
 */
import { SUMMARY_MARK } from '../core/summary';

export const SETTINGS = {
  /** The rule profile, as JSON text. */
  profile: 'BudgetTargets.profile',
  /** Id of the summary sheet, for hosts without worksheet custom properties. */
  summarySheetId: 'BudgetTargets.summarySheetId',
  /** Id of the hidden sheet holding dropdown lists too long to write inline. */
  listsSheetId: 'BudgetTargets.listsSheetId',
  /** The long dropdown lists written there, one column each, as JSON (column = index). */
  lists: 'BudgetTargets.lists',
  /** Cells highlighted by the add-in and their fills before, as JSON text. */
  highlights: 'BudgetTargets.highlights',
} as const;

export { SUMMARY_MARK };

/** The hidden sheet of long dropdown lists; ASCII so that references to it never need care. */
export const LISTS_SHEET_NAME = 'BudgetTargetsLists';
