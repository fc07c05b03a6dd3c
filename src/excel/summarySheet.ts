/**
 * Writes the summary sheet (SPEC §5) in 3 syncs: the workbook read (2) and the write (1).
 * The add-in's own summary sheet (marked by a worksheet custom property, or by a document
 * setting on older hosts) is cleared and rewritten in place; a sheet the officer made, even one
 * named 汇总, is never touched: the summary then goes to 汇总 (2).
 */
import { Finding } from '../core/finding';
import { TargetTable } from '../core/model';
import { Profile } from '../core/profile';
import { validateWorkbook } from '../core/rules';
import { Summary, buildSummary, summarySheetName, writeSummarySheet } from '../core/summary';
import { Features, SettingsLike } from './host';
import { SETTINGS, SUMMARY_MARK } from './marks';
import { WorkbookSnapshot, isListsSheet, readWorkbook } from './read';
import { queueSheetWrite } from './write';
import { WorkbookRead, readWorkbook as readGrids } from '../core/workbook';

export interface WrittenSummary {
  sheet: string;
  summary: Summary;
  tables: TargetTable[];
  findings: Finding[];
}

export function readSnapshot(snapshot: WorkbookSnapshot): WorkbookRead {
  return readGrids(snapshot.sheets);
}

export async function writeSummary(
  context: Excel.RequestContext,
  profile: Profile,
  features: Features,
  settings: SettingsLike,
  saveSettings: () => Promise<void>,
): Promise<WrittenSummary> {
  const snapshot = await readWorkbook(context, features, settings);
  const { tables } = readSnapshot(snapshot);
  const findings = validateWorkbook(tables, profile);
  const summary = buildSummary(tables, findings);
  const sheet = writeSummarySheet(summary);

  const ours = new Set([snapshot.summarySheet?.id]);
  const existing = snapshot.all.filter((s) => !isListsSheet(s, settings)).map((s) => ({ name: s.name, ours: ours.has(s.id) }));
  const target = summarySheetName(existing);

  let ws: Excel.Worksheet;
  if (target.replace && snapshot.summarySheet) {
    ws = context.workbook.worksheets.getItem(snapshot.summarySheet.id);
    const whole = ws.getRange();
    whole.unmerge();
    whole.clear('All');
    ws.freezePanes.unfreeze();
  } else {
    ws = context.workbook.worksheets.add(target.name);
    ws.position = 0;
    if (features.worksheetCustomProperties) ws.customProperties.add(SUMMARY_MARK.key, SUMMARY_MARK.value);
  }
  ws.load('id');
  queueSheetWrite(ws, sheet, { features });
  ws.activate();
  ws.getRange('A1').select();
  await context.sync();

  if (settings.get(SETTINGS.summarySheetId) !== ws.id) {
    settings.set(SETTINGS.summarySheetId, ws.id);
    await saveSettings();
  }
  return { sheet: target.name, summary, tables, findings };
}
