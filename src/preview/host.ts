/**
 * The preview host: an in-memory Excel behind the subset of Office.js the add-in uses. It is
 * the fake the Excel layer is tested against and the host behind the task pane's browser
 * preview, so it is as strict as Excel where it matters: commands run at `sync()`, reading
 * what was not loaded throws, each sync is counted and its payload measured against Excel on
 * the web's 5 MB limit, and changes raise the events Excel raises.
 */
import { parseA1 } from '../core/grid';
import { Command, Engine, EventName, HandlerRegistration, Origin, PreviewContext, versionAtLeast } from './context';
import { PreviewError } from './errors';
import { PreviewRange } from './range';
import { CellSnapshot, ModelEvent, SheetSnapshot, Workbook, apiValue, areaAddress, parseAddress, valueType } from './workbook';

export interface PreviewHostOptions {
  /** The highest ExcelApi requirement set of the simulated Excel (default `1.17`); newer members fail with ApiNotFound. */
  apiVersion?: string;
  /** `Office.context.displayLanguage` (default `zh-CN`). */
  displayLanguage?: string;
  /** Bytes one sync may send, and receive (default 5,000,000, Excel on the web's limit). */
  payloadLimit?: number;
  /** The sheets the workbook starts with (default `Sheet1`). */
  sheets?: string[];
}

export interface SyncStats {
  /** Round trips: syncs that had something queued (an empty sync costs nothing in Office.js either). */
  syncs: number;
  /** UTF-8 bytes of JSON sent and received, over all syncs. */
  payloadBytes: number;
  /** The largest payload of one sync. */
  maxPayloadBytes: number;
}

/** The parts of `Office` the add-in reads. */
export interface PreviewOffice {
  context: {
    displayLanguage: string;
    requirements: Office.RequirementSetSupport;
    document: { settings: Office.Settings };
  };
}

export interface UserEditOptions {
  /** `Remote` for a co-author's edit (default `Local`). */
  source?: 'Local' | 'Remote';
}

export interface PreviewHost {
  /**
   * `Excel.run`: the batch gets a fresh context, or the one given (to remove event handlers
   * registered with it); what the batch leaves queued is synced at the end.
   */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  readonly stats: SyncStats;
  resetStats(): void;
  /** `Office.context.document.settings`. */
  readonly settings: Office.Settings;
  /** `Office.context.requirements`. */
  readonly requirements: Office.RequirementSetSupport;
  readonly office: PreviewOffice;

  /** The user types into cells (one value for every cell, or a 2-D array); events follow. */
  userEdit(sheet: string, address: string, value: unknown, options?: UserEditOptions): void;
  /**
   * The user picks `value` from a cell's dropdown list. As Excel may (office-js #3888, #4066, #420),
   * no onChanged event is raised: only a later selection change tells the add-in anything.
   */
  userChoose(sheet: string, address: string, value: string): void;
  /** The user clicks a cell (or a range): the sheet becomes active and onSelectionChanged is raised. */
  userSelect(sheet: string, address: string): void;
  /** Runs a batch as the user (or a co-author): no stats, events with `triggerSource: 'Unknown'`. */
  asUser<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: UserEditOptions): Promise<T>;
  /** Waits until every event handler raised so far (and what they raised) has finished; rethrows a handler's failure. */
  settle(): Promise<void>;
  /** Called after every change to the workbook, for a view of it. */
  subscribe(listener: () => void): () => void;

  sheetNames(): string[];
  activeSheet(): string;
  /** The active sheet's selection. */
  selection(): { sheet: string; address: string };
  cell(sheet: string, address: string): CellSnapshot;
  /** Computed values, as `Range.values` returns them. */
  values(sheet: string, address: string): (string | number | boolean)[][];
  /** A deep copy of every sheet, by name. */
  snapshot(): Record<string, SheetSnapshot>;
  /** What `settings.saveAsync` stored in the document. */
  savedSettings(): Record<string, unknown>;
}

/** Payload size as Excel counts it: UTF-8 bytes of the JSON. */
function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * What Office.js adds to a request for each command besides its arguments, as it serialises them:
 * the action (`{"Id":12,"ActionType":4,"Name":"values","ObjectPathId":11,"ArgumentInfo":{}}`, about
 * 70 bytes) and the object path it acts on, with its instantiation
 * (`{"Id":11,"ObjectPathType":3,"Name":"getRange","ParentObjectPathId":10,"ArgumentInfo":{"Arguments":["A1:G1"]}}`,
 * about 90 bytes). Reads (load) cost it too.
 */
export const COMMAND_OVERHEAD_BYTES = 160;

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

type Callback<T> = (result: Office.AsyncResult<T>) => void;

/** A successful `Office.AsyncResult`; Office.js reports `'succeeded'` at run time. */
function succeeded<T>(value: T, asyncContext?: unknown): Office.AsyncResult<T> {
  return { status: 'succeeded' as unknown as Office.AsyncResultStatus, value, asyncContext, error: undefined as unknown as Office.Error, diagnostics: undefined };
}

/**
 * `Office.Settings`: an in-memory property bag that `saveAsync` stores in the document.
 * Values must survive JSON, as Office.js serialises them.
 */
class PreviewSettings implements Office.Settings {
  private bag: Record<string, unknown>;

  constructor(private readonly workbook: Workbook) {
    this.bag = copy(workbook.savedSettings);
  }

  get(name: string): unknown {
    return name in this.bag ? copy(this.bag[name]) : null;
  }

  set(name: string, value: unknown): void {
    if (JSON.stringify(value) === undefined) throw new PreviewError('InvalidArgument', `setting '${name}' must be a JSON value`);
    this.bag[name] = copy(value);
  }

  remove(name: string): void {
    delete this.bag[name];
  }

  saveAsync(options?: Office.SaveSettingsOptions | Callback<void>, callback?: Callback<void>): void {
    this.workbook.savedSettings = copy(this.bag);
    const done = typeof options === 'function' ? options : callback;
    const context = typeof options === 'object' ? options.asyncContext : undefined;
    void Promise.resolve().then(() => done?.(succeeded(undefined, context)));
  }

  refreshAsync(callback?: Callback<Office.Settings>): void {
    this.bag = copy(this.workbook.savedSettings);
    void Promise.resolve().then(() => callback?.(succeeded<Office.Settings>(this)));
  }

  /** settingsChanged is raised by a co-author's save, which the preview does not simulate: handlers are accepted and never called. */
  addHandlerAsync(eventType: Office.EventType, handler: unknown, options?: Office.AsyncContextOptions | Callback<void>, callback?: Callback<void>): void {
    const done = typeof options === 'function' ? options : callback;
    void Promise.resolve().then(() => done?.(succeeded(undefined)));
  }

  removeHandlerAsync(eventType: Office.EventType, options?: Office.RemoveHandlerOptions | Callback<void>, callback?: Callback<void>): void {
    const done = typeof options === 'function' ? options : callback;
    void Promise.resolve().then(() => done?.(succeeded(undefined)));
  }
}

const ADD_IN: Origin = { source: 'Local', triggerSource: 'ThisLocalAddin', counted: true };

const EVENT_NAMES: Record<ModelEvent['kind'], EventName> = {
  changed: 'onChanged',
  added: 'onAdded',
  deleted: 'onDeleted',
  renamed: 'onNameChanged',
  selectionChanged: 'onSelectionChanged',
};

class Host implements Engine, PreviewHost {
  readonly workbook: Workbook;
  readonly payloadLimit: number;
  readonly settings: Office.Settings;
  readonly requirements: Office.RequirementSetSupport;
  readonly office: PreviewOffice;
  private readonly apiVersion: string;
  private counters: SyncStats = { syncs: 0, payloadBytes: 0, maxPayloadBytes: 0 };
  private handlers: HandlerRegistration[] = [];
  private readonly running = new Set<Promise<void>>();
  private handlerErrors: unknown[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(options: PreviewHostOptions) {
    // Handed around as plain functions, like Excel.run.
    this.run = this.run.bind(this);
    this.apiVersion = options.apiVersion ?? '1.17';
    this.payloadLimit = options.payloadLimit ?? 5_000_000;
    this.workbook = new Workbook(options.sheets ?? ['Sheet1']);
    this.settings = new PreviewSettings(this.workbook);
    this.requirements = {
      isSetSupported: (name: string, minVersion?: string | number) =>
        name.toLowerCase() === 'excelapi' && (minVersion === undefined || versionAtLeast(this.apiVersion, String(minVersion))),
    };
    this.office = { context: { displayLanguage: options.displayLanguage ?? 'zh-CN', requirements: this.requirements, document: { settings: this.settings } } };
  }

  // ---- Engine ---------------------------------------------------------------------------

  supports(version: string): boolean {
    return versionAtLeast(this.apiVersion, version);
  }

  execute(commands: Command[], origin: Origin): void {
    const request = commands.reduce((n, c) => n + COMMAND_OVERHEAD_BYTES + (c.request === undefined ? 0 : jsonBytes(c.request)), 0);
    let response = 0;
    try {
      if (request > this.payloadLimit) {
        throw new PreviewError('RequestPayloadSizeLimitExceeded', `this sync sends ${request} bytes; Excel on the web accepts ${this.payloadLimit}`);
      }
      const applies: (() => void)[] = [];
      for (const command of commands) {
        if (command.since && !this.supports(command.since)) {
          throw new PreviewError('ApiNotFound', `${command.location} needs ExcelApi ${command.since}; this host has ExcelApi ${this.apiVersion}`, command.location);
        }
        try {
          const result = command.run();
          if (result?.response !== undefined) response += jsonBytes(result.response);
          if (result?.apply) applies.push(result.apply);
        } catch (e) {
          throw e instanceof PreviewError ? e.locate(command.location) : e;
        }
      }
      if (response > this.payloadLimit) {
        throw new PreviewError('ResponsePayloadSizeLimitExceeded', `this sync returns ${response} bytes; Excel on the web sends at most ${this.payloadLimit}: read in chunks`);
      }
      for (const apply of applies) apply();
    } finally {
      if (origin.counted) {
        this.counters.syncs++;
        this.counters.payloadBytes += request + response;
        this.counters.maxPayloadBytes = Math.max(this.counters.maxPayloadBytes, request + response);
      }
      this.publish(origin);
    }
  }

  addHandler(registration: HandlerRegistration): void {
    this.handlers.push(registration);
  }

  removeHandler(registration: HandlerRegistration): void {
    this.handlers = this.handlers.filter((r) => !(r.event === registration.event && r.sheetId === registration.sheetId && r.handler === registration.handler));
  }

  // ---- events ---------------------------------------------------------------------------

  /** The Office.js event arguments of a workbook event. */
  private eventArgs(event: ModelEvent, origin: Origin): object {
    const source = origin.source;
    const worksheetId = event.sheetId;
    switch (event.kind) {
      case 'added':
        return { type: 'WorksheetAdded', source, worksheetId };
      case 'deleted':
        return { type: 'WorksheetDeleted', source, worksheetId };
      case 'renamed':
        return { type: 'WorksheetNameChanged', source, worksheetId, nameBefore: event.before, nameAfter: event.after };
      case 'selectionChanged':
        return { type: 'WorksheetSelectionChanged', worksheetId, address: areaAddress(event.area) };
      case 'changed': {
        const address = areaAddress(event.area);
        const { area } = event;
        // The changed cells in the handler's own batch; the OrNullObject form is null once the sheet is deleted.
        const range = (ctx: Excel.RequestContext, nullable: boolean) =>
          new PreviewRange(
            ctx as unknown as PreviewContext,
            () => {
              const sheet = this.workbook.findSheet(worksheetId);
              if (sheet) return { sheet, area };
              if (nullable) return null;
              throw new PreviewError('ItemNotFound', `worksheet ${worksheetId} has been deleted`);
            },
            { nullable, requires: '1.8' },
          ) as unknown as Excel.Range;
        const args: Record<string, unknown> = {
          type: 'WorksheetChanged',
          source,
          worksheetId,
          address,
          changeType: event.changeType,
          getRange: (ctx: Excel.RequestContext) => range(ctx, false),
          getRangeOrNullObject: (ctx: Excel.RequestContext) => range(ctx, true),
        };
        if (event.details && this.supports('1.9')) {
          const { before, after } = event.details;
          args.details = { valueBefore: apiValue(before), valueAfter: apiValue(after), valueTypeBefore: valueType(before), valueTypeAfter: valueType(after) };
        }
        if (this.supports('1.14')) {
          args.triggerSource = origin.triggerSource;
          if (event.changeType.endsWith('Inserted')) args.changeDirectionState = { insertShiftDirection: 'Down' };
          if (event.changeType.endsWith('Deleted')) args.changeDirectionState = { deleteShiftDirection: 'Up' };
        }
        return args;
      }
    }
  }

  /** Hands the workbook's new events to the handlers registered for them, then tells the listeners. */
  private publish(origin: Origin): void {
    for (const event of this.workbook.takeEvents()) {
      const name = EVENT_NAMES[event.kind];
      const args = this.eventArgs(event, origin);
      for (const r of this.handlers) {
        if (r.event === name && (r.sheetId === null || r.sheetId === event.sheetId)) this.dispatch(r.handler as (args: object) => Promise<unknown>, args);
      }
      if (event.kind === 'deleted') this.handlers = this.handlers.filter((r) => r.sheetId !== event.sheetId);
    }
    for (const listener of this.listeners) listener();
  }

  /**
   * Office.js calls handlers asynchronously, after the change: here on a later task, so the
   * `context.sync()` that made the change has resolved (and the code after it run) first, as in Excel.
   */
  private dispatch(handler: (args: object) => Promise<unknown>, args: object): void {
    const run: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(() => handler(args))
      .then(
        () => undefined,
        (e: unknown) => void this.handlerErrors.push(e),
      )
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
    const [first] = this.handlerErrors.splice(0);
    if (first !== undefined) throw first;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- running batches ------------------------------------------------------------------

  /** Runs a batch in a context; a context already in a running batch is lent, not restarted. */
  private async runIn<T>(context: PreviewContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const starts = !context.open;
    if (starts) context.begin();
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      await context.sync();
      return result;
    } finally {
      if (starts) context.end();
    }
  }

  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(first: OfficeExtension.ClientRequestContext | ((context: Excel.RequestContext) => Promise<T>), batch?: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    if (typeof first === 'function') return this.runIn(new PreviewContext(this, ADD_IN), first);
    const context: unknown = first;
    if (!(context instanceof PreviewContext) || context.engine !== this || !batch) {
      return Promise.reject(new PreviewError('InvalidArgument', 'Excel.run(context, batch) takes a context of this host and a batch'));
    }
    return this.runIn(context, batch);
  }

  asUser<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: UserEditOptions = {}): Promise<T> {
    return this.runIn(new PreviewContext(this, { source: options.source ?? 'Local', triggerSource: 'Unknown', counted: false }), batch);
  }

  userEdit(sheet: string, address: string, value: unknown, options: UserEditOptions = {}): void {
    this.workbook.writeCells(this.workbook.sheet(sheet), parseAddress(address), value, 'values');
    this.publish({ source: options.source ?? 'Local', triggerSource: 'Unknown', counted: false });
  }

  userChoose(sheet: string, address: string, value: string): void {
    const s = this.workbook.sheet(sheet);
    const area = parseAddress(address);
    if (!this.workbook.validation(s, area.top, area.left)?.inCellDropDown) {
      throw new PreviewError('InvalidArgument', `${sheet}!${address} has no dropdown list to choose from`);
    }
    this.workbook.writeCells(s, area, value, 'values');
    this.workbook.dropChangeEvents(s, area);
    this.publish({ source: 'Local', triggerSource: 'Unknown', counted: false });
  }

  userSelect(sheet: string, address: string): void {
    this.workbook.select(this.workbook.sheet(sheet), parseAddress(address));
    this.publish({ source: 'Local', triggerSource: 'Unknown', counted: false });
  }

  // ---- state for tests and the preview --------------------------------------------------

  get stats(): SyncStats {
    return { ...this.counters };
  }

  resetStats(): void {
    this.counters = { syncs: 0, payloadBytes: 0, maxPayloadBytes: 0 };
  }

  sheetNames(): string[] {
    return this.workbook.sheets.map((s) => s.name);
  }

  activeSheet(): string {
    return this.workbook.activeSheet.name;
  }

  selection(): { sheet: string; address: string } {
    const sheet = this.workbook.activeSheet;
    return { sheet: sheet.name, address: areaAddress(sheet.selection) };
  }

  cell(sheet: string, address: string): CellSnapshot {
    const { row, col } = parseA1(address);
    return this.workbook.cellSnapshot(this.workbook.sheet(sheet), row, col);
  }

  values(sheet: string, address: string): (string | number | boolean)[][] {
    const s = this.workbook.sheet(sheet);
    return this.workbook.grid(parseAddress(address), (r, c) => apiValue(this.workbook.value(s, r, c)));
  }

  snapshot(): Record<string, SheetSnapshot> {
    return Object.fromEntries(this.workbook.sheets.map((s) => [s.name, this.workbook.sheetSnapshot(s)]));
  }

  savedSettings(): Record<string, unknown> {
    return copy(this.workbook.savedSettings);
  }
}

export function createPreviewHost(options: PreviewHostOptions = {}): PreviewHost {
  return new Host(options);
}
