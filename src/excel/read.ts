/**
 * Reads worksheets into the core's plain grids: values, number formats and merged areas, from A1
 * to the bottom-right of each sheet's used range, in as few syncs as possible.
 *
 * A whole workbook is 2 syncs whatever the number of sheets: (1) the sheet list, (2) every
 * sheet's used range, cells (from A1 to the used range's bottom-right, so grids start at A1),
 * merged areas and our mark. Only when Excel refuses a response as too large (Excel on the web
 * stops at 5 MB: about 2,000 tables the size of the seed's, 1.1 MB for 500) does the reader fall
 * back to measuring the used ranges (1 sync) and reading in chunks of about 4 MB, 1 sync each;
 * a refused chunk halves the size of the chunks after it. Such a workbook takes 3 + n syncs.
 * Each sheet is read up to MAX_ROWS × MAX_COLS; a target table is far smaller, and a larger sheet
 * is flagged `truncated` rather than read whole.
 */
import { CellRange, CellValue, Grid, a1, parseRangeA1 } from '../core/grid';
import { Features, SettingsLike, errorCode } from './host';
import { LISTS_SHEET_NAME, SETTINGS, SUMMARY_MARK } from './marks';

const MAX_ROWS = 2000;
const MAX_COLS = 64;
/** Budget of one chunked read, under Excel on the web's 5 MB limit. */
const CHUNK_BYTES = 4_000_000;
/** Estimated response bytes per cell (value and number format, CJK text as UTF-8). */
const BYTES_PER_CELL = 64;

const CAP_ADDRESS = `A1:${a1(MAX_ROWS - 1, MAX_COLS - 1)}`;

export interface SheetInfo {
  id: string;
  name: string;
  position: number;
  visibility: string;
}

export interface SheetGrid extends SheetInfo {
  grid: Grid;
  /** The used range is larger than what was read (MAX_ROWS × MAX_COLS). */
  truncated: boolean;
  /** Marked as the add-in's summary sheet (custom property or setting). */
  ours: boolean;
}

export interface WorkbookSnapshot {
  /** Every worksheet except the add-in's own (summary, lists), in workbook order. */
  sheets: SheetGrid[];
  /** The add-in's summary sheet, when the workbook has one. */
  summarySheet?: SheetGrid;
  /** Every worksheet, the add-in's own included, in workbook order. */
  all: SheetInfo[];
}

const isPayloadError = (e: unknown) => {
  const code = errorCode(e);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
};

/** Queues loading the sheet list (no sync). */
export function loadSheetList(context: Excel.RequestContext): Excel.WorksheetCollection {
  const sheets = context.workbook.worksheets;
  sheets.load('items/id,items/name,items/position,items/visibility');
  return sheets;
}

export function sheetInfos(sheets: Excel.WorksheetCollection): SheetInfo[] {
  return sheets.items
    .map((ws) => ({ id: ws.id, name: ws.name, position: ws.position, visibility: ws.visibility as string }))
    .sort((a, b) => a.position - b.position);
}

/** The hidden lists sheet is the add-in's, not the officer's: never read as a table. */
export function isListsSheet(info: SheetInfo, settings: SettingsLike): boolean {
  return info.id === settings.get(SETTINGS.listsSheetId) || (info.name === LISTS_SHEET_NAME && info.visibility === 'VeryHidden');
}

/** Values from Excel: '' is an empty cell. */
function gridValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** `Sheet1!A1:G1, 'It''s'!B3:C3` → ranges (the part after the last `!` of each address). */
function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const m of address.matchAll(/!(\$?[A-Z]{1,3}\$?\d{1,7}(?::\$?[A-Z]{1,3}\$?\d{1,7})?)(?=\s*,|\s*$)/g)) {
    out.push(parseRangeA1(m[1].replace(/\$/g, '')));
  }
  return out;
}

/** The bottom-right cell of an address (`Sheet1!B2:F9` → row 8, col 5); A1 for an empty sheet. */
function extent(address: string): { rows: number; cols: number } {
  const areas = parseAreas(address.includes('!') ? address : `!${address}`);
  if (!areas.length) return { rows: 0, cols: 0 };
  return { rows: areas[0].bottom + 1, cols: areas[0].right + 1 };
}

/** One band of rows of one sheet, queued for loading. */
interface QueuedBand {
  top: number;
  range: Excel.Range;
}

interface QueuedSheet {
  /** Known before the sync, or loaded with it (a sheet got by name). */
  info: SheetInfo | Excel.Worksheet;
  used: Excel.Range;
  bands: QueuedBand[];
  merged?: Excel.RangeAreas;
  mark?: Excel.WorksheetCustomProperty;
}

function queueExtras(ws: Excel.Worksheet, q: QueuedSheet, features: Features): void {
  if (features.mergedAreas) {
    q.merged = ws.getRange(CAP_ADDRESS).getMergedAreasOrNullObject();
    q.merged.load('address');
  }
  if (features.worksheetCustomProperties) {
    q.mark = ws.customProperties.getItemOrNullObject(SUMMARY_MARK.key);
    q.mark.load('value');
  }
}

/** Queues reading a whole sheet (values, formats, merges, mark) from A1 to its used range. */
function queueWholeSheet(ws: Excel.Worksheet, info: SheetInfo | undefined, features: Features): QueuedSheet {
  if (!info) ws.load('id,name,position,visibility');
  // getUsedRange (not …OrNullObject) returns A1 for a blank sheet, so the chain never meets a null object.
  const used = ws.getUsedRange(true);
  used.load('address');
  const range = ws.getRange('A1').getBoundingRect(used).getIntersection(CAP_ADDRESS);
  range.load('values,numberFormat');
  const q: QueuedSheet = { info: info ?? ws, used, bands: [{ top: 0, range }] };
  queueExtras(ws, q, features);
  return q;
}

function finish(q: QueuedSheet, settings: SettingsLike, bands: { top: number; values: unknown[][]; formats: unknown[][] }[]): SheetGrid {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (const band of bands.sort((a, b) => a.top - b.top)) {
    band.values.forEach((row, i) => (values[band.top + i] = row.map(gridValue)));
    band.formats.forEach((row, i) => (formats[band.top + i] = row.map((f) => (typeof f === 'string' ? f : null))));
  }
  const usedExtent = extent(q.used.address);
  const merges = q.merged && !q.merged.isNullObject ? parseAreas(q.merged.address) : [];
  const marked = q.mark !== undefined && !q.mark.isNullObject && q.mark.value === SUMMARY_MARK.value;
  const i = q.info;
  const info: SheetInfo = { id: i.id, name: i.name, position: i.position, visibility: i.visibility as string };
  return {
    ...info,
    grid: { values, formats, merges },
    truncated: usedExtent.rows > MAX_ROWS || usedExtent.cols > MAX_COLS,
    ours: marked || info.id === settings.get(SETTINGS.summarySheetId),
  };
}

function finishWhole(q: QueuedSheet, settings: SettingsLike): SheetGrid {
  const band = q.bands[0];
  return finish(q, settings, [{ top: 0, values: band.range.values, formats: band.range.numberFormat }]);
}

/**
 * Reads the given sheets: one sync normally; when the response would be too large, the chunked
 * fallback (see the file comment).
 */
export async function readSheets(
  context: Excel.RequestContext,
  /** Each sheet with its info when known; without, it is loaded in the same sync. */
  sheets: readonly { ws: Excel.Worksheet; info?: SheetInfo }[],
  features: Features,
  settings: SettingsLike,
): Promise<SheetGrid[]> {
  if (!sheets.length) return [];
  const queued = sheets.map(({ ws, info }) => queueWholeSheet(ws, info, features));
  try {
    await context.sync();
    return queued.map((q) => finishWhole(q, settings));
  } catch (e) {
    // Excel refuses the merged areas of a sheet with very many (over 512): read without them, the reader copes.
    if (errorCode(e) === 'InvalidOperation' && features.mergedAreas) return readSheets(context, sheets, { ...features, mergedAreas: false }, settings);
    if (!isPayloadError(e)) throw e;
  }
  return readInChunks(context, sheets, features, settings);
}

interface Band {
  sheet: number;
  top: number;
  rows: number;
  cols: number;
}

/**
 * Syncs `groups` one after another, each item queued by `queue` (which returns what to do once
 * its sync succeeded). When Excel refuses a sync as too large, the size it had (by `size`) is
 * halved into a cap that every later group is cut down to: groups are split, and a single item
 * too large is split by `split` when it can be (else the error stands).
 */
async function syncInGroups<T, R>(
  context: Excel.RequestContext,
  groups: T[][],
  queue: (item: T) => () => R,
  size: (item: T) => number,
  split: (item: T) => T[] | undefined,
): Promise<R[]> {
  const results: R[] = [];
  const pending = [...groups];
  const total = (g: T[]) => g.reduce((n, item) => n + size(item), 0);
  let cap = Infinity;
  while (pending.length) {
    const group = pending.shift()!;
    if (total(group) > cap) {
      if (group.length > 1) {
        const parts: T[][] = [[]];
        for (const item of group) {
          const last = parts[parts.length - 1];
          if (last.length && total(last) + size(item) > cap) parts.push([item]);
          else last.push(item);
        }
        pending.unshift(...parts);
        continue;
      }
      const pieces = split(group[0]);
      if (pieces) {
        pending.unshift(...pieces.map((p) => [p]));
        continue;
      }
    }
    const finish = group.map(queue);
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e) || (group.length === 1 && !split(group[0]))) throw e;
      cap = Math.min(cap, Math.max(1, Math.floor(total(group) / 2)));
      pending.unshift(group);
      continue;
    }
    results.push(...finish.map((f) => f()));
  }
  return results;
}

async function readInChunks(
  context: Excel.RequestContext,
  sheets: readonly { ws: Excel.Worksheet; info?: SheetInfo }[],
  features: Features,
  settings: SettingsLike,
): Promise<SheetGrid[]> {
  // Measure: used ranges, merges and marks are small.
  const measured = await syncInGroups(
    context,
    [sheets.map((s, i) => ({ ...s, i }))],
    ({ ws, info, i }) => {
      if (!info) ws.load('id,name,position,visibility');
      const used = ws.getUsedRange(true);
      used.load('address');
      const q: QueuedSheet = { info: info ?? ws, used, bands: [] };
      queueExtras(ws, q, features);
      return () => ({ q, i });
    },
    () => 1,
    () => undefined,
  );
  const queued: QueuedSheet[] = [];
  for (const { q, i } of measured) queued[i] = q;

  const bands: Band[] = [];
  queued.forEach((q, sheet) => {
    const { rows, cols } = extent(q.used.address);
    const r = Math.min(rows, MAX_ROWS);
    const c = Math.min(cols, MAX_COLS);
    const step = Math.max(1, Math.floor(CHUNK_BYTES / BYTES_PER_CELL / Math.max(c, 1)));
    for (let top = 0; top < r; top += step) bands.push({ sheet, top, rows: Math.min(step, r - top), cols: c });
  });
  // Pack bands into syncs of about CHUNK_BYTES by estimate.
  const groups: Band[][] = [];
  let bytes = Infinity;
  for (const b of bands) {
    const cost = b.rows * b.cols * BYTES_PER_CELL;
    if (bytes + cost > CHUNK_BYTES) {
      groups.push([]);
      bytes = 0;
    }
    groups[groups.length - 1].push(b);
    bytes += cost;
  }
  const loaded = await syncInGroups(
    context,
    groups,
    (b) => {
      const range = sheets[b.sheet].ws.getRange(`${a1(b.top, 0)}:${a1(b.top + b.rows - 1, b.cols - 1)}`);
      range.load('values,numberFormat');
      return () => ({ b, values: range.values, formats: range.numberFormat });
    },
    (b) => b.rows * b.cols,
    (b) => {
      if (b.rows < 2) return undefined;
      const half = Math.ceil(b.rows / 2);
      return [
        { ...b, rows: half },
        { ...b, top: b.top + half, rows: b.rows - half },
      ];
    },
  );
  const results: { top: number; values: unknown[][]; formats: unknown[][] }[][] = queued.map(() => []);
  for (const { b, values, formats } of loaded) results[b.sheet].push({ top: b.top, values, formats });
  return queued.map((q, i) => finish(q, settings, results[i]));
}

/**
 * Reads the whole workbook (see the file comment for the syncs). The add-in's own sheets are
 * told apart: the summary sheet (marked) and the hidden lists sheet (not read).
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  features: Features,
  settings: SettingsLike,
  /** Called between the two syncs with the sheet list, to queue more commands into the second. */
  onList?: (sheets: SheetInfo[]) => void,
): Promise<WorkbookSnapshot> {
  const list = loadSheetList(context);
  await context.sync();
  const all = sheetInfos(list);
  onList?.(all);
  const byId = new Map(list.items.map((ws) => [ws.id, ws]));
  const toRead = all.filter((info) => !isListsSheet(info, settings)).map((info) => ({ ws: byId.get(info.id)!, info }));
  const grids = await readSheets(context, toRead, features, settings);
  const summarySheet = grids.find((g) => g.ours);
  return { sheets: grids.filter((g) => g !== summarySheet), summarySheet, all };
}
