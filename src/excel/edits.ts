/** Going to a finding and applying a quick fix: 1 sync each. */
import { CellEdit, Finding } from '../core/finding';
import { HostError, errorCode } from './host';

const sheetGone = (sheet: string) =>
  new HostError({ zh: `找不到工作表“${sheet}”或单元格，工作簿可能已修改`, en: `Sheet "${sheet}" or its cell was not found; the workbook may have changed` });

async function syncOrExplain(context: Excel.RequestContext, sheet: string): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    if (errorCode(e) === 'ItemNotFound' || errorCode(e) === 'InvalidArgument') throw sheetGone(sheet);
    throw e;
  }
}

/** Activates the finding's sheet and selects its cell. */
export async function goToFinding(context: Excel.RequestContext, finding: Pick<Finding, 'sheet' | 'cell'>): Promise<void> {
  const ws = context.workbook.worksheets.getItem(finding.sheet);
  ws.activate();
  ws.getRange(finding.cell).select();
  await syncOrExplain(context, finding.sheet);
}

/**
 * Writes cell edits in one sync. Text gets the `@` format before its value, so `=…` stays text;
 * a number gets its number format (when the edit gives one) before its value. With `reveal`, the
 * first edited cell is selected in the same sync, so a fix on another sheet is not made out of sight.
 */
export async function applyEdits(context: Excel.RequestContext, edits: readonly CellEdit[], { reveal = false }: { reveal?: boolean } = {}): Promise<void> {
  if (!edits.length) return;
  if (reveal) {
    const ws = context.workbook.worksheets.getItem(edits[0].sheet);
    ws.activate();
    ws.getRange(edits[0].cell).select();
  }
  for (const edit of edits) {
    const range = context.workbook.worksheets.getItem(edit.sheet).getRange(edit.cell);
    if (typeof edit.value === 'string') range.numberFormat = [['@']];
    else if (edit.numberFormat !== undefined) range.numberFormat = [[edit.numberFormat]];
    range.values = [[edit.value]];
  }
  await syncOrExplain(context, edits[0].sheet);
}
