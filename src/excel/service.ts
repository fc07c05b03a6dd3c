/**
 * The workbook service the task pane receives as a prop: every Excel operation of the add-in,
 * over an injected `run` and `office` (Excel's globals in Excel, the preview host elsewhere).
 * The pane never calls Excel.run itself.
 *
 * Syncs per operation, constant whatever the number of sheets (proven in syncs.test.ts):
 *   readAndValidate 2 · start 2, then 1 per burst of changes (deletions and renames 0) ·
 *   insertTables 2 · addIndicatorRows 2 · goTo 1 · applyFix 1 · applyFixes 1 (any number) · writeSummary 3 ·
 *   highlightFindings 2 · clearHighlights 2 · profile 0 (document settings).
 * While live validation runs, each write is followed by 1 sync re-reading the sheets it wrote.
 */
import { DepartmentInput } from '../core/department/model';
import { insertDepartmentSheet, loadDepartmentSheet, readDepartmentPart, rewriteDepartmentSheet } from './department';
import { CellEdit, Finding, QuickFix } from '../core/finding';
import { batchFixEdits } from '../core/fixes';
import { TableInput } from '../core/model';
import { Profile } from '../core/profile';
import { Summary } from '../core/summary';
import { applyEdits, goToFinding } from './edits';
import { ExcelRun, HostError, HostMessage, OfficeLike, Requirements, Timers, checkRequirements, requireBaseline, saveSettings } from './host';
import { HighlightedCell, clearHighlights, hasHighlights, highlightFindings } from './highlights';
import { LiveValidation, WorkbookState, workbookState } from './live';
import { loadProfile, saveProfile } from './profileStore';
import { readWorkbook } from './read';
import { readSnapshot, writeSummary } from './summarySheet';
import { AddedRows, addIndicatorRows, insertTables } from './tables';

export type { WorkbookState } from './live';

export interface WorkbookServiceOptions {
  run: ExcelRun;
  office: OfficeLike;
  /** Defaults to the global setTimeout/clearTimeout. */
  timers?: Timers;
  /** Debounce of live validation, ms (default 300). */
  debounceMs?: number;
}

export interface WorkbookService {
  /** Which requirement sets the host has; operations throw a HostError with its message when not ok. */
  readonly requirements: Requirements;
  /** Reads and validates the whole workbook once (2 syncs). */
  readAndValidate(): Promise<WorkbookState>;
  /** Reads and validates, then keeps validating live; returns the function that stops it. */
  start(listener: (state: WorkbookState) => void): Promise<() => Promise<void>>;
  /** Adds one sheet per table (2 syncs for all); returns the new sheets' names. */
  insertTables(tables: readonly TableInput[]): Promise<string[]>;
  insertTable(table: TableInput): Promise<string>;
  /** Inserts indicator rows at the end of a sheet's indicator block (2 syncs). */
  addIndicatorRows(sheet: string, count: number): Promise<AddedRows>;
  /** Selects the finding's cell (1 sync). */
  goTo(finding: Finding): Promise<void>;
  /** Writes a finding's quick fix and selects the first cell it changed (1 sync). */
  applyFix(fix: Finding | QuickFix): Promise<void>;
  /** Writes the quick fixes of many findings (one rule's, say) in one batch (1 sync); returns the number of cells changed. */
  applyFixes(findings: readonly Finding[]): Promise<number>;
  /** Writes or regenerates the summary sheet (3 syncs). */
  writeSummary(): Promise<{ sheet: string; summary: Summary }>;
  /** Colours the findings' cells by severity (2 syncs); off unless asked for. */
  highlightFindings(findings: readonly Finding[]): Promise<HighlightedCell[]>;
  /** True while cells carry the highlighting's colours (0 syncs: read from the document settings). */
  highlighted(): boolean;
  /** Puts back the fills the highlighting replaced (2 syncs). */
  clearHighlights(): Promise<number>;
  loadProfile(): Promise<Profile>;
  /** The stored profile and, when it could not be used, why. */
  profileStatus(): { profile: Profile; message?: HostMessage };
  saveProfile(profile: Profile): Promise<void>;
  /** Resolves once no live re-read is under way (for the preview and tests). */
  idle(): Promise<void>;
  /** Adds the department sheet 部门整体绩效目标 (2 syncs); returns its name. */
  insertDepartment(part: DepartmentInput): Promise<string>;
  /** The department part of the workbook's department sheet, if any (2 syncs). */
  readDepartment(): Promise<DepartmentInput | undefined>;
  /** The department sheet's name and part, for the pane's form (2 syncs). */
  loadDepartment(): Promise<{ sheet: string; part: DepartmentInput } | undefined>;
  /** Rewrites the department sheet from the form, only while it is still ours (3 syncs); returns its name. */
  rewriteDepartment(sheet: string, part: DepartmentInput): Promise<string>;
  /** True when the officer reads Chinese. */
  readonly chinese: boolean;
}

const NO_HIGHLIGHTS: HostMessage = {
  zh: '此版本的 Excel 不支持在单元格中标出问题（需要 ExcelApi 1.9）',
  en: 'This version of Excel cannot highlight findings in cells (it needs ExcelApi 1.9)',
};

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createWorkbookService(options: WorkbookServiceOptions): WorkbookService {
  const { run, office } = options;
  const requirements = checkRequirements(office);
  const { features } = requirements;
  const settings = office.context.document.settings;
  const save = () => saveSettings(settings);
  let profile = loadProfile(settings).profile;
  let live: LiveValidation | undefined;

  const guarded = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => (...args: A): Promise<R> => {
    try {
      requireBaseline(requirements);
    } catch (e) {
      return Promise.reject(e);
    }
    return fn(...args);
  };

  /** After the add-in's own writes: re-read the sheets written now (1 sync), not after the debounced events. */
  const refresh = async (sheets: Iterable<string>) => {
    if (live) await live.touch(sheets);
  };

  const service: WorkbookService = {
    requirements,
    chinese: !/^en\b/i.test(office.context.displayLanguage ?? 'zh-CN'),

    readAndValidate: guarded(async () =>
      run(async (context) => {
        const snapshot = await readWorkbook(context, features, settings);
        const truncated = [...snapshot.sheets, ...(snapshot.summarySheet ? [snapshot.summarySheet] : [])].filter((s) => s.truncated).map((s) => s.name);
        const read = readSnapshot(snapshot);
        return workbookState(read.tables, profile, snapshot.summarySheet, truncated, read);
      }),
    ),

    start: guarded(async (listener: (state: WorkbookState) => void) => {
      if (live) await live.stop();
      const current = new LiveValidation(
        { run, features, settings, profile: () => profile, timers: options.timers ?? defaultTimers, debounceMs: options.debounceMs },
        listener,
      );
      live = current;
      await current.start();
      return async () => {
        await current.stop();
        if (live === current) live = undefined;
      };
    }),

    insertTables: guarded(async (tables: readonly TableInput[]) => {
      const names = await run((context) => insertTables(context, tables, features, settings, save));
      await refresh(names);
      return names;
    }),

    insertTable: guarded(async (table: TableInput) => (await service.insertTables([table]))[0]),

    addIndicatorRows: guarded(async (sheet: string, count: number) => {
      const added = await run((context) => addIndicatorRows(context, sheet, count, features, settings));
      await refresh([sheet]);
      return added;
    }),

    goTo: guarded(async (finding: Finding) => {
      live?.ownSelect([finding.sheet]);
      return run((context) => goToFinding(context, finding));
    }),

    applyFix: guarded(async (fix: Finding | QuickFix) => {
      const edits: CellEdit[] | undefined = 'edits' in fix ? fix.edits : fix.fix?.edits;
      if (!edits) throw new HostError({ zh: '此问题没有快速修复', en: 'This finding has no quick fix' });
      await run((context) => applyEdits(context, edits, { reveal: true }));
      await refresh(new Set(edits.map((e) => e.sheet)));
    }),

    applyFixes: guarded(async (findings: readonly Finding[]) => {
      const edits = batchFixEdits(findings);
      if (!edits.length) throw new HostError({ zh: '这些问题没有快速修复', en: 'These findings have no quick fix' });
      await run((context) => applyEdits(context, edits, { reveal: true }));
      await refresh(new Set(edits.map((e) => e.sheet)));
      return edits.length;
    }),

    writeSummary: guarded(async () => {
      const written = await run((context) => writeSummary(context, profile, features, settings, save));
      await refresh([written.sheet]);
      return { sheet: written.sheet, summary: written.summary };
    }),

    highlighted: () => hasHighlights(settings),
    highlightFindings: guarded(async (findings: readonly Finding[]) => {
      if (!features.fillPattern) throw new HostError(NO_HIGHLIGHTS);
      return run((context) => highlightFindings(context, findings, settings, save));
    }),

    clearHighlights: guarded(async () => {
      if (!features.fillPattern) throw new HostError(NO_HIGHLIGHTS);
      return run((context) => clearHighlights(context, settings, save));
    }),

    idle: async () => {
      await live?.idle();
    },

    insertDepartment: guarded(async (part: DepartmentInput) => {
      const name = await run((context) => insertDepartmentSheet(context, part, features));
      await refresh([name]);
      return name;
    }),

    readDepartment: guarded(async () => run((context) => readDepartmentPart(context, features, settings))),

    loadDepartment: guarded(async () => run((context) => loadDepartmentSheet(context, features, settings))),

    rewriteDepartment: guarded(async (sheet: string, part: DepartmentInput) => {
      const name = await run((context) => rewriteDepartmentSheet(context, sheet, part, features, settings));
      await refresh([name]);
      return name;
    }),

    loadProfile: async () => service.profileStatus().profile,

    profileStatus: () => {
      const stored = loadProfile(settings);
      profile = stored.profile;
      return stored;
    },

    saveProfile: async (next: Profile) => {
      await saveProfile(settings, next, save);
      profile = next;
      live?.revalidate();
    },
  };
  return service;
}
