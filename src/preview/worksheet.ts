/**
 * Workbook-level proxies: `Workbook`, `Application`, the worksheet collection, `Worksheet`
 * with its frozen panes, page layout and custom properties.
 */
import { CellRange } from '../core/grid';
import { Engine, PreviewContext } from './context';
import { PreviewError } from './errors';
import { MAX_COLUMNS, MAX_ROWS } from './formula';
import { PreviewClientResult, PreviewCollection, PreviewEventHandlers, PreviewObject, Properties, ProxyOptions } from './proxy';
import { PreviewRange, RangeTarget, previewRange } from './range';
import { PageSetup, Sheet, Workbook, isEntireColumns, isEntireRows, parseAddress } from './workbook';

/** The sheet, if it still exists; an object on a deleted sheet fails like Excel's. */
export function liveSheet(engine: Engine, sheet: Sheet): Sheet {
  if (!engine.workbook.has(sheet)) throw new PreviewError('ItemNotFound', `worksheet '${sheet.name}' has been deleted`);
  return sheet;
}

/**
 * A resolver that finds its sheet at the first sync that needs it, then follows that sheet
 * (through renames and moves) until it is deleted.
 */
function bindSheet(engine: Engine, find: () => Sheet | undefined, describe: string, nullable: boolean): () => Sheet | null {
  let bound: Sheet | undefined;
  return () => {
    if (bound) return liveSheet(engine, bound);
    const found = find();
    if (!found) {
      if (nullable) return null;
      throw new PreviewError('ItemNotFound', `there is no worksheet ${describe}`);
    }
    return (bound = found);
  };
}

const WORKSHEET: Properties<Sheet> = {
  id: { get: (s) => s.id },
  name: { get: (s) => s.name },
  position: { get: (s, e) => e.workbook.sheets.indexOf(s) },
  visibility: { get: (s) => s.visibility },
  tabColor: { get: (s) => (s.visibility === 'Visible' ? s.tabColor : null), since: '1.7' },
  showGridlines: { get: (s) => s.showGridlines, since: '1.8' },
};

type WorksheetMembers = 'id' | 'name' | 'position' | 'visibility' | 'tabColor' | 'showGridlines' | 'activate' | 'delete';

export class PreviewWorksheet extends PreviewObject<Sheet> implements Pick<Excel.Worksheet, WorksheetMembers> {
  readonly onChanged: PreviewEventHandlers<Excel.WorksheetChangedEventArgs>;
  readonly onNameChanged: PreviewEventHandlers<Excel.WorksheetNameChangedEventArgs>;
  readonly onSelectionChanged: PreviewEventHandlers<Excel.WorksheetSelectionChangedEventArgs>;
  private freezePanesProxy: PreviewFreezePanes | undefined;
  private pageLayoutProxy: PreviewPageLayout | undefined;
  private customPropertiesProxy: PreviewCustomPropertyCollection | undefined;

  constructor(context: PreviewContext, resolve: () => Sheet | null, options?: ProxyOptions) {
    super(context, 'Worksheet', WORKSHEET, resolve, options);
    const scope = () => this.target().id;
    this.onChanged = new PreviewEventHandlers(context, 'Worksheet.onChanged', 'onChanged', scope, '1.7');
    this.onNameChanged = new PreviewEventHandlers(context, 'Worksheet.onNameChanged', 'onNameChanged', scope, '1.17');
    this.onSelectionChanged = new PreviewEventHandlers(context, 'Worksheet.onSelectionChanged', 'onSelectionChanged', scope, '1.7');
  }

  protected override navigations() {
    return { freezePanes: () => this.freezePanes, pageLayout: () => this.pageLayout, customProperties: () => this.customProperties };
  }

  get id(): string {
    return this.read('id');
  }

  get name(): string {
    return this.read('name');
  }
  /** Renames the sheet; formulas that refer to it follow. */
  set name(name: string) {
    this.command('name', (s) => this.engine.workbook.renameSheet(s, name), { request: name });
  }

  get position(): number {
    return this.read('position');
  }
  set position(position: number) {
    this.command('position', (s) => this.engine.workbook.moveSheet(s, position), { request: position });
  }

  get visibility(): Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden' {
    return this.read('visibility');
  }
  set visibility(visibility: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden') {
    this.command('visibility', (s) => this.engine.workbook.setVisibility(s, visibility), { request: visibility });
  }

  /** `#RRGGBB`, `''` for none, null on a hidden sheet. */
  get tabColor(): string {
    return this.read('tabColor');
  }
  set tabColor(color: string) {
    this.command('tabColor', (s) => this.engine.workbook.setTabColor(s, color), { since: '1.7', request: color });
  }

  get showGridlines(): boolean {
    return this.read('showGridlines');
  }
  set showGridlines(show: boolean) {
    this.command(
      'showGridlines',
      (s) => {
        if (typeof show !== 'boolean') throw new PreviewError('InvalidArgument', `showGridlines = ${String(show)}`);
        s.showGridlines = show;
      },
      { since: '1.8', request: show },
    );
  }

  activate(): void {
    this.command('activate', (s) => this.engine.workbook.activate(s));
  }

  delete(): void {
    this.command('delete', (s) => this.engine.workbook.deleteSheet(s));
  }

  /** A range of this sheet, computed at sync time. */
  private range(area: (sheet: Sheet) => CellRange | null, options: ProxyOptions = {}): PreviewRange {
    return new PreviewRange(
      this.context,
      (): RangeTarget | null => {
        const sheet = this.target();
        const a = area(sheet);
        return a && { sheet, area: a };
      },
      this.child(options),
    );
  }

  /** `A1`, `A1:G9`, `5:7`, `A:C`; without an address, the whole sheet. */
  getRange(address?: string): PreviewRange {
    return this.range(() => (address === undefined ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 } : parseAddress(address)));
  }

  getCell(row: number, column: number): PreviewRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): PreviewRange {
    return this.range(() => {
      const area = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
      if (rowCount < 1 || columnCount < 1 || area.top < 0 || area.left < 0 || area.bottom >= MAX_ROWS || area.right >= MAX_COLUMNS) {
        throw new PreviewError('InvalidArgument', `rows ${startRow}+${rowCount}, columns ${startColumn}+${columnCount} lie outside the worksheet`);
      }
      return area;
    }, { requires: '1.7' });
  }

  /** The cells in use (with values only, or also formatted); A1 on an empty sheet, as in Excel. */
  getUsedRange(valuesOnly = false): PreviewRange {
    return this.range((s) => this.engine.workbook.usedArea(s, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }

  /** Like getUsedRange, but a null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly = false): PreviewRange {
    return this.range((s) => this.engine.workbook.usedArea(s, valuesOnly), { nullable: true, requires: '1.4' });
  }

  get freezePanes(): PreviewFreezePanes {
    return (this.freezePanesProxy ??= new PreviewFreezePanes(this.context, () => this.target(), this.child({ requires: '1.7' })));
  }

  get pageLayout(): PreviewPageLayout {
    return (this.pageLayoutProxy ??= new PreviewPageLayout(this.context, () => this.target(), this.child({ requires: '1.9' })));
  }

  get customProperties(): PreviewCustomPropertyCollection {
    return (this.customPropertiesProxy ??= new PreviewCustomPropertyCollection(this.context, () => this.target(), this.child({ requires: '1.12' })));
  }
}

class PreviewWorksheetCollection extends PreviewCollection<Workbook, Sheet, PreviewWorksheet> {
  readonly onAdded: PreviewEventHandlers<Excel.WorksheetAddedEventArgs>;
  readonly onDeleted: PreviewEventHandlers<Excel.WorksheetDeletedEventArgs>;
  readonly onChanged: PreviewEventHandlers<Excel.WorksheetChangedEventArgs>;
  readonly onNameChanged: PreviewEventHandlers<Excel.WorksheetNameChangedEventArgs>;
  readonly onSelectionChanged: PreviewEventHandlers<Excel.WorksheetSelectionChangedEventArgs>;

  constructor(context: PreviewContext) {
    super(context, 'WorksheetCollection', () => context.engine.workbook, { root: true });
    const all = () => null;
    this.onAdded = new PreviewEventHandlers(context, 'WorksheetCollection.onAdded', 'onAdded', all, '1.7');
    this.onDeleted = new PreviewEventHandlers(context, 'WorksheetCollection.onDeleted', 'onDeleted', all, '1.7');
    this.onChanged = new PreviewEventHandlers(context, 'WorksheetCollection.onChanged', 'onChanged', all, '1.9');
    this.onNameChanged = new PreviewEventHandlers(context, 'WorksheetCollection.onNameChanged', 'onNameChanged', all, '1.17');
    this.onSelectionChanged = new PreviewEventHandlers(context, 'WorksheetCollection.onSelectionChanged', 'onSelectionChanged', all, '1.9');
  }

  protected itemTargets(workbook: Workbook): Sheet[] {
    return [...workbook.sheets];
  }

  protected itemProxy(sheet: Sheet): PreviewWorksheet {
    return new PreviewWorksheet(this.context, () => liveSheet(this.engine, sheet));
  }

  protected get itemPrototype(): PreviewWorksheet {
    return new PreviewWorksheet(this.context, () => null);
  }

  /**
   * Adds a sheet after the last one (without activating it). A name that is taken (in any
   * case), longer than 31 characters or holding one of `[]:*?/\` fails at sync, as in Excel.
   */
  add(name?: string): PreviewWorksheet {
    let created: Sheet | undefined;
    this.command('add', (workbook) => void (created = workbook.addSheet(name)), { request: name });
    return new PreviewWorksheet(this.context, bindSheet(this.engine, () => created, 'added by this call', false));
  }

  /** By name or id; a missing sheet fails at sync with ItemNotFound. */
  getItem(key: string): PreviewWorksheet {
    return new PreviewWorksheet(this.context, bindSheet(this.engine, () => this.engine.workbook.findSheet(key), `'${key}'`, false));
  }

  getItemOrNullObject(key: string): PreviewWorksheet {
    return new PreviewWorksheet(this.context, bindSheet(this.engine, () => this.engine.workbook.findSheet(key), `'${key}'`, true), this.child({ nullable: true, requires: '1.4' }));
  }

  getActiveWorksheet(): PreviewWorksheet {
    return new PreviewWorksheet(this.context, bindSheet(this.engine, () => this.engine.workbook.activeSheet, 'active', false));
  }

  getCount(visibleOnly = false): PreviewClientResult<number> {
    const result = new PreviewClientResult<number>();
    this.command(
      'getCount',
      (workbook) => {
        const n = workbook.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length;
        return { response: n, apply: () => result._set(n) };
      },
      { since: '1.4' },
    );
    return result;
  }
}

class PreviewFreezePanes extends PreviewObject<Sheet> implements Pick<Excel.WorksheetFreezePanes, 'freezeRows' | 'freezeColumns' | 'freezeAt' | 'unfreeze'> {
  constructor(context: PreviewContext, resolve: () => Sheet | null, options?: ProxyOptions) {
    super(context, 'WorksheetFreezePanes', {}, resolve, options);
  }

  freezeRows(count = 1): void {
    this.command('freezeRows', (s) => this.engine.workbook.setFreeze(s, count, 0));
  }

  freezeColumns(count = 1): void {
    this.command('freezeColumns', (s) => this.engine.workbook.setFreeze(s, 0, count));
  }

  /** Freezes the rows above and columns left of the end of `frozenRange` (`A1:B2` freezes two of each). */
  freezeAt(frozenRange: Excel.Range | string): void {
    this.command('freezeAt', (s) => {
      const area = typeof frozenRange === 'string' ? parseAddress(frozenRange) : previewRange(frozenRange)._target().area;
      this.engine.workbook.setFreeze(s, isEntireColumns(area) ? 0 : area.bottom + 1, isEntireRows(area) ? 0 : area.right + 1);
    });
  }

  unfreeze(): void {
    this.command('unfreeze', (s) => this.engine.workbook.setFreeze(s, 0, 0));
  }

  /** The frozen cells; a null object when nothing is frozen. */
  getLocationOrNullObject(): PreviewRange {
    return new PreviewRange(
      this.context,
      () => {
        const s = this.target();
        const { rows, columns } = s.freeze;
        if (rows === 0 && columns === 0) return null;
        return { sheet: s, area: { top: 0, left: 0, bottom: rows === 0 ? MAX_ROWS - 1 : rows - 1, right: columns === 0 ? MAX_COLUMNS - 1 : columns - 1 } };
      },
      this.child({ nullable: true }),
    );
  }
}

const PAGE_LAYOUT: Properties<Sheet> = {
  orientation: { get: (s) => s.page.orientation },
  paperSize: { get: (s) => s.page.paperSize },
  zoom: { get: (s) => ({ ...s.page.zoom }) },
};

class PreviewPageLayout extends PreviewObject<Sheet> implements Pick<Excel.PageLayout, 'orientation' | 'paperSize' | 'zoom'> {
  constructor(context: PreviewContext, resolve: () => Sheet | null, options?: ProxyOptions) {
    super(context, 'PageLayout', PAGE_LAYOUT, resolve, options);
  }

  private setPage(member: keyof PageSetup, patch: Partial<PageSetup>): void {
    this.command(member, (s) => this.engine.workbook.setPageSetup(s, patch), { request: patch[member] });
  }

  get orientation(): Excel.PageOrientation | 'Portrait' | 'Landscape' {
    return this.read('orientation');
  }
  set orientation(orientation: Excel.PageOrientation | 'Portrait' | 'Landscape') {
    this.setPage('orientation', { orientation });
  }

  get paperSize(): Excel.PaperType {
    return this.read('paperSize');
  }
  set paperSize(paperSize: Excel.PaperType | 'Letter' | 'Legal' | 'A3' | 'A4' | 'A5' | 'B4' | 'B5') {
    this.setPage('paperSize', { paperSize });
  }

  /** `{ scale }` or `{ horizontalFitToPages, verticalFitToPages }` (0 = automatic). */
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.read('zoom');
  }
  set zoom(zoom: Excel.PageLayoutZoomOptions) {
    this.setPage('zoom', { zoom });
  }
}

interface CustomPropertyTarget {
  sheet: Sheet;
  entry: { key: string; value: string };
}

const CUSTOM_PROPERTY: Properties<CustomPropertyTarget> = {
  key: { get: (t) => t.entry.key },
  value: { get: (t) => t.entry.value },
};

class PreviewCustomProperty extends PreviewObject<CustomPropertyTarget> implements Pick<Excel.WorksheetCustomProperty, 'key' | 'value' | 'delete'> {
  constructor(context: PreviewContext, resolve: () => CustomPropertyTarget | null, options?: ProxyOptions) {
    super(context, 'WorksheetCustomProperty', CUSTOM_PROPERTY, resolve, options);
  }

  get key(): string {
    return this.read('key');
  }

  get value(): string {
    return this.read('value');
  }
  set value(value: string) {
    this.command('value', (t) => this.engine.workbook.setCustomProperty(t.sheet, t.entry.key, value), { request: value });
  }

  delete(): void {
    this.command('delete', (t) => this.engine.workbook.deleteCustomProperty(t.sheet, t.entry.key));
  }
}

/** `Worksheet.customProperties` (ExcelApi 1.12): text values by key, keys compared without case. */
class PreviewCustomPropertyCollection extends PreviewCollection<Sheet, CustomPropertyTarget, PreviewCustomProperty> {
  constructor(context: PreviewContext, resolve: () => Sheet | null, options?: ProxyOptions) {
    super(context, 'WorksheetCustomPropertyCollection', resolve, options);
  }

  protected itemTargets(sheet: Sheet): CustomPropertyTarget[] {
    return [...sheet.customProperties.values()].map((entry) => ({ sheet, entry }));
  }

  protected itemProxy(it: CustomPropertyTarget): PreviewCustomProperty {
    return this.byKey(it.entry.key, false);
  }

  protected get itemPrototype(): PreviewCustomProperty {
    return new PreviewCustomProperty(this.context, () => null);
  }

  private byKey(key: string, nullable: boolean): PreviewCustomProperty {
    return new PreviewCustomProperty(
      this.context,
      () => {
        const sheet = this.target();
        const entry = sheet.customProperties.get(key.toUpperCase());
        if (entry) return { sheet, entry };
        if (nullable) return null;
        throw new PreviewError('ItemNotFound', `worksheet '${sheet.name}' has no custom property '${key}'`);
      },
      this.child({ nullable }),
    );
  }

  /** Adds the property, or replaces the value of the one with that key. */
  add(key: string, value: string): PreviewCustomProperty {
    this.command('add', (s) => this.engine.workbook.setCustomProperty(s, key, value), { request: { key, value } });
    return this.byKey(key, false);
  }

  getItem(key: string): PreviewCustomProperty {
    return this.byKey(key, false);
  }

  getItemOrNullObject(key: string): PreviewCustomProperty {
    return this.byKey(key, true);
  }

  getCount(): PreviewClientResult<number> {
    const result = new PreviewClientResult<number>();
    this.command('getCount', (s) => {
      const n = s.customProperties.size;
      return { response: n, apply: () => result._set(n) };
    });
    return result;
  }
}

export class PreviewApplication {
  constructor(private readonly context: PreviewContext) {}

  /** Excel stops recalculating until the next sync; the preview computes formulas when read, so there is nothing to suspend. */
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue({ location: 'Application.suspendApiCalculationUntilNextSync', since: '1.6', run: () => undefined });
  }
}

export class PreviewWorkbook {
  readonly worksheets: PreviewWorksheetCollection;
  readonly application: PreviewApplication;

  constructor(context: PreviewContext) {
    this.worksheets = new PreviewWorksheetCollection(context);
    this.application = new PreviewApplication(context);
  }
}
