/**
 * Live validation: after the first read of the workbook (2 syncs), each burst of changes
 * re-reads only the sheets that changed, in 1 sync together with the sheet list (so moves and,
 * on hosts without onNameChanged, renames are seen too), keeps every other sheet's parsed table,
 * reruns the rules (cheap; reading is what costs) and publishes the findings. A deleted or
 * renamed sheet needs no read at all. Changes are debounced; a co-author's edit (source
 * `Remote`) is handled like a local one.
 *
 * No loops: validation never writes to the workbook. The add-in's own writes re-read the sheets
 * they wrote right away (`touch`), and the events those writes raise are then recognised as
 * already read (each read and each event carries a sequence number) instead of read again.
 */
import { departmentSheetPart } from '../core/department/workbook';
import { Finding, readyToSend } from '../core/finding';
import { Grid } from '../core/grid';
import { UnreadTable, readSheetTables } from '../core/layout/reader';
import { TargetTable } from '../core/model';
import { Profile } from '../core/profile';
import { staleSummaryCounts } from '../core/summaryCounts';
import { WorkbookRead, checkTables } from '../core/workbook';
import { ExcelRun, Features, HostMessage, SettingsLike, Timers, errorCode } from './host';
import { SheetGrid, SheetInfo, isListsSheet, loadSheetList, readSheets, readWorkbook, sheetInfos } from './read';

export const DEBOUNCE_MS = 300;

export interface WorkbookState {
  tables: TargetTable[];
  /** Sorted: errors first. */
  findings: Finding[];
  /** No finding is an error (可以报送). */
  ready: boolean;
  /** Sheets read only in part (larger than the reader's limit). */
  truncated: string[];
  /** Set when the last re-read failed; the tables and findings are then those from before it. */
  message?: HostMessage;
  /** The summary sheet, when there is one, and the projects whose 错误/警告 counts it lists are out of date. */
  summarySheet?: { name: string; staleCounts: string[] };
}

interface CachedSheet {
  info: SheetInfo;
  grid: Grid;
  /** The sheet's tables (a pasted document may hold several) and the headers it could not read. */
  tables: TargetTable[];
  unread: UnreadTable[];
  ours: boolean;
  /** The department sheet (部门整体绩效目标), read by its own layout. */
  department: boolean;
  truncated: boolean;
  /** Sequence number at which the read that produced this started. */
  readSeq: number;
}

export interface LiveOptions {
  run: ExcelRun;
  features: Features;
  settings: SettingsLike;
  profile: () => Profile;
  timers: Timers;
  debounceMs?: number;
}

type Handler = OfficeExtension.EventHandlerResult<unknown>;

/** Builds a state from parsed tables: the rules, W002 when there is a summary sheet, R001/R002 from the read. */
export function workbookState(
  tables: TargetTable[],
  profile: Profile,
  summary?: { name: string; grid: Grid },
  truncated: string[] = [],
  read?: Pick<WorkbookRead, 'unread' | 'sheets' | 'departments'>,
): WorkbookState {
  const findings = checkTables(tables, profile, summary, read);
  const state: WorkbookState = { tables, findings, ready: readyToSend(findings), truncated };
  if (summary) state.summarySheet = { name: summary.name, staleCounts: staleSummaryCounts(summary.grid, tables, findings) };
  return state;
}

/** Same values and merged areas: the content the rules read. */
function sameGrid(a: Grid, b: Grid): boolean {
  return JSON.stringify([a.values, a.formats ?? [], a.merges ?? []]) === JSON.stringify([b.values, b.formats ?? [], b.merges ?? []]);
}

export class LiveValidation {
  private readonly cache = new Map<string, CachedSheet>();
  private order: SheetInfo[] = [];
  /** Sheets to re-read by id, with the sequence number of the change. */
  private readonly dirty = new Map<string, number>();
  /** Sheets to re-read by name (the add-in's own writes, e.g. a sheet just added). */
  private readonly dirtyNames = new Set<string>();
  private seq = 0;
  private timer: unknown;
  /** The sheet the officer's selection moved on, to re-check after the debounce (a dropdown choice raises no onChanged). */
  private selectionSheet: string | undefined;
  private selectionTimer: unknown;
  /** Sheets the add-in itself just wrote and re-read: the selection its own write made is not the officer's. */
  private readonly ownSelection = new Set<string>();
  private flushing: Promise<void> = Promise.resolve();
  private handlers: Handler[] = [];
  private readonly perSheet = new Set<string>();
  private stopped = false;
  private state: WorkbookState = { tables: [], findings: [], ready: true, truncated: [] };

  constructor(
    private readonly options: LiveOptions,
    private readonly listener: (state: WorkbookState) => void,
  ) {}

  /** Reads the workbook (2 syncs) and registers the event handlers within the same syncs; publishes. */
  async start(): Promise<WorkbookState> {
    await this.options.run(async (context) => {
      this.register(context);
      const readSeq = ++this.seq;
      const snapshot = await readWorkbook(context, this.options.features, this.options.settings, (all) => {
        for (const s of all) this.registerSheet(context, s.id);
      });
      this.order = snapshot.all;
      for (const s of [...snapshot.sheets, ...(snapshot.summarySheet ? [snapshot.summarySheet] : [])]) this.store(s, readSeq);
    });
    return this.publish();
  }

  current(): WorkbookState {
    return this.state;
  }

  /** Reruns the rules on the cached tables (after a profile change): no sync. */
  revalidate(): WorkbookState {
    return this.publish();
  }

  /** Re-reads sheets the add-in has just written, now (1 sync). */
  touch(sheetNames: Iterable<string>): Promise<void> {
    const names = [...sheetNames];
    for (const name of names) this.dirtyNames.add(name);
    this.ownSelect(names);
    return this.flushNow();
  }

  /**
   * The add-in itself selects on these sheets (going to a finding, a quick fix): the selection
   * events that follow are not the officer's and need no re-check; the next one counts again.
   */
  ownSelect(sheetNames: Iterable<string>): void {
    for (const name of sheetNames) this.ownSelection.add(name);
    const { timers, debounceMs = DEBOUNCE_MS } = this.options;
    timers.setTimeout(() => this.ownSelection.clear(), debounceMs);
  }

  /** Waits for the re-read under way, if any. */
  idle(): Promise<void> {
    return this.flushing;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    if (this.selectionTimer !== undefined) this.options.timers.clearTimeout(this.selectionTimer);
    this.timer = undefined;
    this.selectionTimer = undefined;
    const handlers = this.handlers;
    this.handlers = [];
    await this.flushing;
    // A handler is removed through the context it was added in.
    const byContext = new Map<OfficeExtension.ClientRequestContext, Handler[]>();
    for (const h of handlers) byContext.set(h.context, [...(byContext.get(h.context) ?? []), h]);
    for (const [ctx, list] of byContext) {
      await this.options.run(ctx, async (context) => {
        for (const h of list) h.remove();
        await context.sync();
      });
    }
  }

  private register(context: Excel.RequestContext): void {
    const sheets = context.workbook.worksheets;
    const { features } = this.options;
    if (features.collectionChanged) this.handlers.push(sheets.onChanged.add(async (e) => this.changedBy(e)));
    // A sheet the add-in added itself was read by `touch` before this event arrived.
    this.handlers.push(sheets.onAdded.add(async (e) => (this.cache.has(e.worksheetId) ? undefined : this.changed(e.worksheetId))));
    this.handlers.push(sheets.onDeleted.add(async (e) => this.deleted(e.worksheetId)));
    if (features.nameChanged) this.handlers.push(sheets.onNameChanged.add(async (e) => this.renamed(e.worksheetId, e.nameAfter)));
    if (features.collectionChanged) this.handlers.push(sheets.onSelectionChanged.add(async (e) => this.selectionMoved(e.worksheetId)));
  }

  /** Per-sheet onChanged, for hosts without the collection-wide event (before ExcelApi 1.9). */
  private registerSheet(context: Excel.RequestContext, id: string): void {
    if (this.options.features.collectionChanged || this.perSheet.has(id)) return;
    this.perSheet.add(id);
    const ws = context.workbook.worksheets.getItem(id);
    this.handlers.push(ws.onChanged.add(async (e) => this.changedBy(e)));
    this.handlers.push(ws.onSelectionChanged.add(async (e) => this.selectionMoved(e.worksheetId)));
  }

  /**
   * The selection moved: a choice from a cell's dropdown may have raised no onChanged (office-js
   * #3888, #4066, #420), so the target sheet is read again after the debounce — one read of that
   * sheet — and the rules rerun only when its content changed.
   */
  private selectionMoved(sheetId: string): void {
    const cached = this.cache.get(sheetId);
    if (this.stopped || !cached || (cached.tables.length === 0 && cached.unread.length === 0)) return;
    // The add-in's own write (a quick fix selects the cell it changed) was re-read already.
    if (this.ownSelection.has(cached.info.name)) return;
    this.selectionSheet = sheetId;
    const { timers, debounceMs = DEBOUNCE_MS } = this.options;
    if (this.selectionTimer !== undefined) timers.clearTimeout(this.selectionTimer);
    this.selectionTimer = timers.setTimeout(() => {
      this.selectionTimer = undefined;
      this.flushing = this.flushing.then(() => this.recheckSelection());
    }, debounceMs);
  }

  private async recheckSelection(): Promise<void> {
    const id = this.selectionSheet;
    this.selectionSheet = undefined;
    const cached = id === undefined ? undefined : this.cache.get(id);
    // A sheet already waiting for its re-read (an onChanged came) needs no second one.
    if (this.stopped || id === undefined || !cached || this.dirty.has(id)) return;
    const readSeq = ++this.seq;
    let grid: SheetGrid | undefined;
    try {
      await this.options.run(async (context) => {
        [grid] = await readSheets(context, [{ ws: context.workbook.worksheets.getItem(id), info: cached.info }], this.options.features, this.options.settings);
      });
    } catch (e) {
      // Deleted meanwhile: onDeleted says so. Anything else waits for the next change.
      if (errorCode(e) === 'ItemNotFound') return;
      this.publish({ zh: `读取工作簿失败：${(e as Error).message}`, en: `Reading the workbook failed: ${(e as Error).message}` });
      return;
    }
    const now = this.cache.get(id);
    if (!grid || !now || sameGrid(now.grid, grid.grid)) return;
    this.store({ ...grid, ...now.info }, readSeq);
    this.publish();
  }

  /** The add-in's own writes (ExcelApi 1.14 marks them) were re-read by `touch` already. */
  private changedBy(e: { worksheetId: string; triggerSource?: string }): void {
    if (e.triggerSource === 'ThisLocalAddin') return;
    this.changed(e.worksheetId);
  }

  private changed(sheetId: string): void {
    if (this.stopped) return;
    this.dirty.set(sheetId, ++this.seq);
    this.schedule();
  }

  private deleted(sheetId: string): void {
    if (this.stopped) return;
    this.cache.delete(sheetId);
    this.dirty.delete(sheetId);
    this.perSheet.delete(sheetId);
    this.order = this.order.filter((s) => s.id !== sheetId);
    this.publish();
  }

  private renamed(sheetId: string, name: string): void {
    if (this.stopped) return;
    const cached = this.cache.get(sheetId);
    this.order = this.order.map((s) => (s.id === sheetId ? { ...s, name } : s));
    if (cached) this.store({ ...cached, ...cached.info, name }, cached.readSeq);
    this.publish();
  }

  private schedule(): void {
    if (this.stopped) return;
    const { timers, debounceMs = DEBOUNCE_MS } = this.options;
    if (this.timer !== undefined) timers.clearTimeout(this.timer);
    this.timer = timers.setTimeout(() => {
      this.timer = undefined;
      void this.flushNow();
    }, debounceMs);
  }

  /** Runs a re-read after the one under way; changes arriving meanwhile wait for the next. */
  private flushNow(): Promise<void> {
    this.flushing = this.flushing.then(() => this.flush());
    return this.flushing;
  }

  private async flush(): Promise<void> {
    // A change already covered by a read that started after it needs no second read.
    const ids = [...this.dirty].filter(([id, at]) => (this.cache.get(id)?.readSeq ?? -1) < at).map(([id]) => id);
    const names = [...this.dirtyNames].filter((n) => !this.order.some((s) => s.name === n && ids.includes(s.id)));
    this.dirty.clear();
    this.dirtyNames.clear();
    if (this.stopped || (!ids.length && !names.length)) return;
    const readSeq = ++this.seq;
    try {
      await this.options.run(async (context) => {
        let list = loadSheetList(context);
        for (const id of ids) this.registerSheet(context, id);
        let grids: SheetGrid[] = [];
        try {
          grids = await readSheets(
            context,
            [
              ...ids.map((id) => ({ ws: context.workbook.worksheets.getItem(id), info: this.cache.get(id)?.info })),
              ...names.map((name) => ({ ws: context.workbook.worksheets.getItem(name) })),
            ],
            this.options.features,
            this.options.settings,
          );
        } catch (e) {
          // A sheet changed and was deleted before this read: read the list alone, the rest next time.
          if (errorCode(e) !== 'ItemNotFound') throw e;
          list = loadSheetList(context);
          await context.sync();
          const present = new Map(list.items.map((ws) => [ws.id, ws.name]));
          for (const id of ids) if (present.has(id)) this.dirty.set(id, ++this.seq);
          for (const name of names) if ([...present.values()].includes(name)) this.dirtyNames.add(name);
        }
        const infos = sheetInfos(list);
        this.order = infos;
        const byId = new Map(infos.map((s) => [s.id, s]));
        for (const g of grids) {
          const info = byId.get(g.id);
          if (info) this.store({ ...g, ...info }, readSeq);
        }
        for (const id of [...this.cache.keys()]) if (!byId.has(id)) this.cache.delete(id);
        for (const info of infos) {
          const cached = this.cache.get(info.id);
          if (!cached) {
            // A sheet never read (its event has not reached us yet): read it next.
            if (!isListsSheet(info, this.options.settings)) this.dirty.set(info.id, ++this.seq);
          } else if (cached.info.name !== info.name) {
            this.store({ ...cached, ...info }, cached.readSeq);
          } else cached.info = info;
        }
      });
    } catch (e) {
      this.publish({ zh: `读取工作簿失败：${(e as Error).message}`, en: `Reading the workbook failed: ${(e as Error).message}` });
      return;
    }
    this.publish();
    if (this.dirty.size || this.dirtyNames.size) this.schedule();
  }

  private store(s: SheetInfo & { grid: Grid; ours: boolean; truncated: boolean }, readSeq: number): void {
    const info: SheetInfo = { id: s.id, name: s.name, position: s.position, visibility: s.visibility };
    // The department sheet is read by its own layout when the state is published (D001/D002, its table's I-rules).
    const department = !s.ours && departmentSheetPart(s) !== undefined;
    const { tables, unread } = s.ours || department ? { tables: [], unread: [] } : readSheetTables(s.grid, s.name);
    this.cache.set(s.id, { info, grid: s.grid, ours: s.ours, truncated: s.truncated, tables, unread, readSeq, department });
  }

  private publish(message?: HostMessage): WorkbookState {
    const sheets = this.order.map((s) => this.cache.get(s.id)).filter((c): c is CachedSheet => c !== undefined);
    const tables = sheets.flatMap((c) => c.tables);
    const summary = sheets.find((c) => c.ours);
    const truncated = sheets.filter((c) => c.truncated).map((c) => c.info.name);
    const departments = sheets.flatMap((c) => (c.department ? [departmentSheetPart({ name: c.info.name, grid: c.grid })] : [])).filter((p) => p !== undefined);
    const read = { unread: sheets.flatMap((c) => c.unread), sheets: sheets.filter((c) => !c.ours).map((c) => c.info.name), departments };
    const state = workbookState(tables, this.options.profile(), summary && { name: summary.info.name, grid: summary.grid }, truncated, read);
    this.state = message ? { ...state, message } : state;
    this.listener(this.state);
    return this.state;
  }
}
