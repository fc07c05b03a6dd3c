/**
 * The request context: proxies queue commands here, and `sync()` sends them to the engine
 * in one round trip, as Office.js does. A sync with nothing queued costs nothing.
 */
import { PreviewError } from './errors';
import type { Workbook } from './workbook';
import { PreviewApplication, PreviewWorkbook } from './worksheet';

export interface Command {
  /** The API member, for errors: `Range.values`. */
  location: string;
  /** The ExcelApi requirement set the member needs. */
  since?: string;
  /** What Office.js would send for it: counted in the request payload. */
  request?: unknown;
  /** Runs against the workbook; returns what Excel sends back and what to do with it once the sync succeeds. */
  run(): CommandResult | void;
}

export interface CommandResult {
  response?: unknown;
  apply?: () => void;
}

/** Who makes the changes of a context: this add-in, or the user (here or as a co-author). */
export interface Origin {
  source: 'Local' | 'Remote';
  triggerSource: 'ThisLocalAddin' | 'Unknown';
  /** Whether its syncs count in the host's stats (the user's edits do not). */
  counted: boolean;
}

export type EventName = 'onChanged' | 'onAdded' | 'onDeleted' | 'onNameChanged' | 'onSelectionChanged';

export interface HandlerRegistration {
  event: EventName;
  /** The worksheet the handler listens to; null for the worksheet collection. */
  sheetId: string | null;
  handler: (args: never) => Promise<unknown>;
}

/** What a context needs from the host behind it. */
export interface Engine {
  readonly workbook: Workbook;
  /** Bytes one sync may send or receive. */
  readonly payloadLimit: number;
  supports(version: string): boolean;
  /** Runs one sync's commands in order; throws the first error as context.sync() does. */
  execute(commands: Command[], origin: Origin): void;
  addHandler(registration: HandlerRegistration): void;
  removeHandler(registration: HandlerRegistration): void;
}

/** True when requirement set version `have` is at least `need` (`1.12` > `1.9`). */
export function versionAtLeast(have: string, need: string): boolean {
  const a = have.split('.').map(Number);
  const b = need.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

export function maxVersion(...versions: (string | undefined)[]): string | undefined {
  return versions.reduce<string | undefined>((max, v) => (v === undefined || (max !== undefined && versionAtLeast(max, v)) ? max : v), undefined);
}

export class PreviewContext {
  readonly workbook: PreviewWorkbook;
  readonly application: PreviewApplication;
  private pending: Command[] = [];
  private isOpen = false;
  /** Counts the Excel.run calls that used this context: objects of an earlier one are invalid, as in Office.js. */
  private runs = 0;

  constructor(
    readonly engine: Engine,
    readonly origin: Origin,
  ) {
    this.workbook = new PreviewWorkbook(this);
    this.application = this.workbook.application;
  }

  get generation(): number {
    return this.runs;
  }

  /** Queues a command of an object created in Excel.run number `generation` (undefined for root objects). */
  enqueue(command: Command, generation?: number): void {
    if (!this.isOpen || (generation !== undefined && generation !== this.runs)) {
      throw new PreviewError('InvalidObjectPath', `${command.location} was called on an object whose Excel.run has ended`, command.location);
    }
    this.pending.push(command);
  }

  /** `ClientRequestContext.load(object, option)`. */
  load(object: { load(option?: unknown): unknown }, option?: string | string[] | OfficeExtension.LoadOption): void {
    object.load(option);
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const commands = this.pending;
    this.pending = [];
    if (commands.length > 0) {
      await Promise.resolve();
      this.engine.execute(commands, this.origin);
    }
    return passThroughValue as T;
  }

  get open(): boolean {
    return this.isOpen;
  }

  /** An Excel.run starts with this context (a new one, or one passed to `Excel.run(context, batch)`). */
  begin(): void {
    this.isOpen = true;
    this.runs++;
  }

  /** The Excel.run ends. */
  end(): void {
    this.isOpen = false;
  }
}
