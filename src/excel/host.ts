/**
 * What the Excel layer needs from its host, injected: `Excel.run` and the parts of `Office` it
 * uses (requirement sets, document settings, display language). In Excel they are the real
 * globals (officeHost.ts); in the browser preview and in tests, the preview host's.
 */
import { OPTIONAL_SETS, OptionalFeature, REQUIRED_SETS, RequirementSet } from './requirements';

/** `Excel.run`: a batch gets a request context; the second form reuses a context (to remove event handlers). */
export interface ExcelRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * `Office.context.document.settings`: stored in the workbook, saved with saveAsync. Office.js
 * reports the save's status as the text `succeeded` / `failed`; the real object and the preview
 * host's both fit this shape.
 */
export interface SettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } | null }) => void): void;
}

/** The parts of `Office` the Excel layer reads. */
export interface OfficeLike {
  context: {
    displayLanguage?: string;
    requirements: Pick<Office.RequirementSetSupport, 'isSetSupported'>;
    document: { settings: SettingsLike };
  };
}

/** Timers for debouncing, injectable so that tests run them by hand. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A message for the officer in both languages; the pane shows the one matching the display language. */
export interface HostMessage {
  zh: string;
  en: string;
}

export type Features = Record<OptionalFeature, boolean>;

export interface Requirements {
  /** The baseline (ExcelApi 1.7) is there: the add-in works. */
  ok: boolean;
  missing: RequirementSet[];
  /** Optional features this host has. */
  features: Features;
  /** Why the add-in cannot work here (when not ok), or what is degraded. */
  message?: HostMessage;
}

function supported(office: OfficeLike, set: RequirementSet): boolean {
  try {
    return office.context.requirements.isSetSupported(set.name, set.minVersion) === true;
  } catch {
    return false;
  }
}

/** Which requirement sets the host supports; never throws. */
export function checkRequirements(office: OfficeLike): Requirements {
  const missing = REQUIRED_SETS.filter((s) => !supported(office, s));
  const features = Object.fromEntries(
    (Object.keys(OPTIONAL_SETS) as OptionalFeature[]).map((k) => [k, missing.length === 0 && supported(office, OPTIONAL_SETS[k])]),
  ) as Features;
  if (missing.length) {
    const sets = missing.map((s) => `${s.name} ${s.minVersion}`).join(', ');
    return {
      ok: false,
      missing,
      features,
      message: {
        zh: `此版本的 Excel 不支持本加载项（需要 ${sets}）。请使用 Microsoft 365 版 Excel、Excel 2021 或更新版本，或网页版 Excel。`,
        en: `This version of Excel cannot run the add-in (it needs ${sets}). Use Excel for Microsoft 365, Excel 2021 or later, or Excel on the web.`,
      },
    };
  }
  const absent = (Object.keys(features) as OptionalFeature[]).filter((k) => !features[k]);
  if (!absent.length) return { ok: true, missing, features };
  return {
    ok: true,
    missing,
    features,
    message: {
      zh: `此版本的 Excel 缺少部分功能，已自动降级：${absent.map((k) => DEGRADED[k].zh).join('；')}`,
      en: `This version of Excel lacks some features, which are degraded: ${absent.map((k) => DEGRADED[k].en).join('; ')}`,
    },
  };
}

const DEGRADED: Record<OptionalFeature, HostMessage> = {
  dataValidation: { zh: '插入的表格没有下拉列表和输入提示', en: 'inserted tables have no dropdown lists or input messages' },
  pageLayout: { zh: '插入的表格未设置打印格式', en: 'inserted tables keep the default print setup' },
  collectionChanged: { zh: '逐表监听修改', en: 'changes are watched sheet by sheet' },
  fillPattern: { zh: '不能在单元格中标出问题', en: 'findings cannot be highlighted in cells' },
  worksheetCustomProperties: { zh: '汇总表以文档设置标记', en: 'the summary sheet is marked by a document setting' },
  mergedAreas: { zh: '不读取合并单元格', en: 'merged cells are not read' },
  nameChanged: { zh: '工作表改名在下次修改时才更新', en: 'sheet renames show at the next edit' },
};

export class HostError extends Error {
  constructor(readonly hostMessage: HostMessage) {
    super(hostMessage.en);
    this.name = 'HostError';
  }
}

/** Throws a HostError with the requirements message unless the baseline is there. */
export function requireBaseline(requirements: Requirements): void {
  if (!requirements.ok) throw new HostError(requirements.message!);
}

/** The error code of an Office.js error (`RichApi.Error`), if it is one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; debugInfo?: { code?: unknown } };
  if (typeof e.code === 'string') return e.code;
  if (typeof e.debugInfo?.code === 'string') return e.debugInfo.code;
  return undefined;
}

/** Saves document settings, as a promise. */
export function saveSettings(settings: SettingsLike): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      // Office.js reports the status as the string 'failed' / 'succeeded' at run time.
      if (String(result.status) === 'failed') reject(new Error(result.error?.message ?? 'settings could not be saved'));
      else resolve();
    });
  });
}
