/**
 * Inserting target-table sheets and adding indicator rows to one: 2 syncs each, whatever the
 * number of sheets or tables. A new sheet never replaces one: its name is made unique.
 */
import { CellRange, a1, parseA1, rangeA1 } from '../core/grid';
import { readTargetTable } from '../core/layout/reader';
import { writeTargetTable } from '../core/layout/writer';
import { TableInput } from '../core/model';
import { uniqueSheetName } from '../core/sheetNames';
import { tableSheetName } from '../core/workbook';
import { Features, HostError, SettingsLike, errorCode } from './host';
import { ListsSheet } from './lists';
import { loadSheetList, readSheets, sheetInfos } from './read';
import { longLists, queueSheetWrite } from './write';

/**
 * About how many tables one request can write: Excel on the web accepts 5,000,000 bytes a request,
 * and a table costs about 19.6 kB (its cells, formats, dropdowns and merges, and the checks that
 * travel with it — number limits, input messages, conditional formats — about 6 kB of that; each
 * command with the action and object path Office.js sends for it; measured on the preview host,
 * which counts them).
 */
export const TABLES_PER_REQUEST = 250;

/**
 * Adds one sheet per table after the existing ones, in the canonical layout, then activates the
 * last and selects its first input cell. Sync 1 loads the sheet names; sync 2 writes everything,
 * or one sync per TABLES_PER_REQUEST tables. Should Excel still refuse a request as too large
 * (long texts), its tables are written in halves, one sync each.
 */
export async function insertTables(
  context: Excel.RequestContext,
  inputs: readonly TableInput[],
  features: Features,
  settings: SettingsLike,
  saveSettings: () => Promise<void>,
): Promise<string[]> {
  if (!inputs.length) return [];
  const list = loadSheetList(context);
  await context.sync();
  const infos = sheetInfos(list);
  const names = infos.map((s) => s.name);
  const lists = new ListsSheet(settings, infos);
  const sheets = inputs.map((input) => {
    const name = uniqueSheetName(tableSheetName(input), names);
    names.push(name);
    return { name, sheet: writeTargetTable(input) };
  });
  let pending = Array.from({ length: Math.ceil(sheets.length / TABLES_PER_REQUEST) }, (_, i) =>
    sheets.slice(i * TABLES_PER_REQUEST, (i + 1) * TABLES_PER_REQUEST),
  );
  while (pending.length) {
    const group = pending[0];
    // Excel refuses a dropdown whose source is on a sheet not yet created: the long lists go first.
    for (const { sheet } of group) longLists(sheet, features).forEach(lists.source);
    lists.queue(context);
    for (const { name, sheet } of group) queueSheetWrite(context.workbook.worksheets.add(name), sheet, { features, longListSource: lists.source });
    const last = sheets[sheets.length - 1];
    if (group.includes(last)) {
      const ws = context.workbook.worksheets.getItem(last.name);
      ws.activate();
      if (last.sheet.select) ws.getRange(last.sheet.select).select();
    }
    try {
      await context.sync();
    } catch (e) {
      // A refused request changes nothing: write the group in halves.
      if (errorCode(e) !== 'RequestPayloadSizeLimitExceeded' || group.length === 1) throw e;
      const half = Math.ceil(group.length / 2);
      pending = [group.slice(0, half), group.slice(half), ...pending.slice(1)];
      continue;
    }
    lists.synced();
    pending = pending.slice(1);
  }
  await lists.remember(saveSettings);
  return sheets.map((s) => s.name);
}

export interface AddedRows {
  sheet: string;
  /** A1 address of the rows added, e.g. `A15:G16`. */
  address: string;
}

/**
 * Inserts `count` whole rows right under the last indicator row of a sheet's table, so that
 * Excel carries the row's formats (borders, wrap, `@`) and the dropdown lists (written over spare
 * rows below the block) into them, and merges the new rows where the last row is merged
 * (绩效指标描述 spans two columns). Sync 1 reads the sheet; sync 2 inserts.
 */
export async function addIndicatorRows(
  context: Excel.RequestContext,
  sheetName: string,
  count: number,
  features: Features,
  settings: SettingsLike,
): Promise<AddedRows> {
  const n = Math.max(1, Math.min(Math.floor(count), 500));
  const ws = context.workbook.worksheets.getItem(sheetName);
  const [read] = await readSheets(context, [{ ws }], features, settings);
  const table = readTargetTable(read.grid, sheetName);
  if (!table) {
    throw new HostError({
      zh: `工作表“${sheetName}”不是绩效目标表（找不到“项目编码”和“一级指标”）`,
      en: `Sheet "${sheetName}" is not a target table (no 项目编码 and 一级指标 labels)`,
    });
  }
  const header = parseA1(table.labels.indicatorHeader!);
  // With no indicator rows yet, the template's empty first row is the one to repeat.
  const anchor = table.indicators.length ? table.indicators[table.indicators.length - 1].row : header.row + 1;
  const first = anchor + 1;
  ws.getRange(`${first + 1}:${first + n}`).insert('Down');

  const merges = (read.grid.merges ?? []).filter((m) => m.top === anchor && m.bottom === anchor && m.right > m.left);
  for (let r = first; r < first + n; r++) {
    for (const m of merges) ws.getRange(rangeA1({ ...m, top: r, bottom: r })).merge(false);
  }
  const width = Math.max(...(read.grid.values[anchor] ?? []).map((_, c) => c + 1), ...merges.map((m) => m.right + 1), header.col + 1);
  const added: CellRange = { top: first, left: header.col, bottom: first + n - 1, right: Math.max(width - 1, header.col) };
  ws.activate();
  ws.getRange(a1(first, header.col)).select();
  await context.sync();
  return { sheet: sheetName, address: rangeA1(added) };
}
