/**
 * Optional highlighting of finding cells, off by default: a workbook sent to the bureau must not
 * carry our colours. Each highlighted cell's fill before is recorded (in memory and in a document
 * setting, so it survives a pane reload), and clearing puts back exactly that fill — only on cells
 * that still carry our colour, so a fill the officer changed since stays theirs. 2 syncs each
 * (read the fills, then write); a sheet deleted meanwhile costs 2 more.
 * Needs RangeFill.pattern (ExcelApi 1.9) to tell "no fill" from a white fill.
 */
import { Finding, Severity } from '../core/finding';
import { SettingsLike, errorCode } from './host';
import { SETTINGS } from './marks';

export const HIGHLIGHT_COLOURS: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

export interface HighlightedCell {
  sheetId: string;
  cell: string;
  /** The fill before: its colour and pattern (`None` = no fill). */
  color: string;
  pattern: string;
  /** The colour we put on. */
  applied: string;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const sameColour = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

function loadRecord(settings: SettingsLike): HighlightedCell[] {
  const raw = settings.get(SETTINGS.highlights);
  if (typeof raw !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (h): h is HighlightedCell =>
        typeof h === 'object' && h !== null && ['sheetId', 'cell', 'color', 'pattern', 'applied'].every((k) => typeof (h as Record<string, unknown>)[k] === 'string'),
    );
  } catch {
    return [];
  }
}

/** True while cells carry our colours (recorded in the workbook, so it survives a pane reload). */
export function hasHighlights(settings: SettingsLike): boolean {
  return loadRecord(settings).length > 0;
}

function storeRecord(settings: SettingsLike, record: readonly HighlightedCell[]): void {
  if (record.length) settings.set(SETTINGS.highlights, JSON.stringify(record));
  else settings.remove(SETTINGS.highlights);
}

function restore(range: Excel.Range, h: HighlightedCell): void {
  if (h.pattern === 'None') range.format.fill.clear();
  else {
    range.format.fill.color = h.color;
    if (h.pattern !== 'Solid') range.format.fill.pattern = h.pattern as Excel.FillPattern;
  }
}

/**
 * Queues `queue` with the sheet list and syncs. When a sheet it names (by id or name) is gone,
 * the batch fails as a whole: then the list is read alone and `queue` runs again, told which
 * sheets exist.
 */
async function withSheets<T>(context: Excel.RequestContext, queue: (exists: (key: string) => boolean) => T): Promise<{ result: T; ids: Map<string, string> }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/id,items/name');
  let result = queue(() => true);
  try {
    await context.sync();
  } catch (e) {
    if (errorCode(e) !== 'ItemNotFound') throw e;
    sheets.load('items/id,items/name');
    await context.sync();
    const known = new Set(sheets.items.flatMap((ws) => [ws.id, ws.name]));
    sheets.load('items/id,items/name');
    result = queue((key) => known.has(key));
    await context.sync();
  }
  return { result, ids: new Map(sheets.items.map((ws) => [ws.name, ws.id])) };
}

/**
 * Colours the cells of `findings` by severity, the most severe per cell. Cells highlighted
 * before and no longer wanted get their fill back; cells still wanted keep their first recorded fill.
 */
export async function highlightFindings(
  context: Excel.RequestContext,
  findings: readonly Finding[],
  settings: SettingsLike,
  save: () => Promise<void>,
): Promise<HighlightedCell[]> {
  const before = loadRecord(settings);
  const best = new Map<string, { sheet: string; cell: string; severity: Severity }>();
  for (const f of findings) {
    if (!/^[A-Z]{1,3}\d{1,7}$/.test(f.cell)) continue;
    const k = `${f.sheet}\u0000${f.cell}`;
    const seen = best.get(k);
    if (!seen || RANK[f.severity] < RANK[seen.severity]) best.set(k, { sheet: f.sheet, cell: f.cell, severity: f.severity });
  }
  const sheets = context.workbook.worksheets;
  const { result, ids } = await withSheets(context, (exists) => ({
    wanted: [...best.values()]
      .filter((t) => exists(t.sheet))
      .map((t) => ({ ...t, fill: sheets.getItem(t.sheet).getRange(t.cell).format.fill.load('color,pattern') })),
    recorded: before.filter((h) => exists(h.sheetId)).map((h) => ({ h, fill: sheets.getItem(h.sheetId).getRange(h.cell).format.fill.load('color') })),
  }));

  const record: HighlightedCell[] = [];
  const kept = new Set<string>();
  for (const t of result.wanted) {
    const sheetId = ids.get(t.sheet);
    if (!sheetId) continue;
    const colour = HIGHLIGHT_COLOURS[t.severity];
    const old = before.find((h) => h.sheetId === sheetId && h.cell === t.cell);
    // A cell already ours keeps the fill recorded the first time; a cell the officer recoloured since starts afresh.
    const still = old && result.recorded.find((r) => r.h === old && sameColour(r.fill.color, old.applied));
    record.push(still ? { ...old, applied: colour } : { sheetId, cell: t.cell, color: t.fill.color, pattern: t.fill.pattern, applied: colour });
    if (old) kept.add(`${sheetId}!${t.cell}`);
    sheets.getItem(sheetId).getRange(t.cell).format.fill.color = colour;
  }
  for (const { h, fill } of result.recorded) {
    if (!kept.has(`${h.sheetId}!${h.cell}`) && sameColour(fill.color, h.applied)) restore(sheets.getItem(h.sheetId).getRange(h.cell), h);
  }
  await context.sync();
  storeRecord(settings, record);
  await save();
  return record;
}

/** Puts back every recorded fill on cells that still carry our colour; forgets the record. Returns how many. */
export async function clearHighlights(context: Excel.RequestContext, settings: SettingsLike, save: () => Promise<void>): Promise<number> {
  const record = loadRecord(settings);
  if (!record.length) return 0;
  const sheets = context.workbook.worksheets;
  const { result } = await withSheets(context, (exists) =>
    record.filter((h) => exists(h.sheetId)).map((h) => ({ h, fill: sheets.getItem(h.sheetId).getRange(h.cell).format.fill.load('color') })),
  );
  let restored = 0;
  for (const { h, fill } of result) {
    if (!sameColour(fill.color, h.applied)) continue;
    restore(sheets.getItem(h.sheetId).getRange(h.cell), h);
    restored++;
  }
  if (restored) await context.sync();
  storeRecord(settings, []);
  await save();
  return restored;
}
