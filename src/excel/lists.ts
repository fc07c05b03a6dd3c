/**
 * Dropdown lists too long for an inline source (over 255 characters, or with commas in an item)
 * live in one very hidden sheet, a column per list, and the validation refers to that column.
 * The lists written so far are kept in a document setting, so each keeps its column.
 */
import { a1, columnName } from '../core/grid';
import { quoteSheetName, uniqueSheetName } from '../core/sheetNames';
import { SettingsLike } from './host';
import { LISTS_SHEET_NAME, SETTINGS } from './marks';
import { SheetInfo, isListsSheet } from './read';

function storedLists(settings: SettingsLike): string[][] {
  const raw = settings.get(SETTINGS.lists);
  try {
    const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw) : [];
    return Array.isArray(parsed) && parsed.every((l) => Array.isArray(l) && l.every((x) => typeof x === 'string')) ? (parsed as string[][]) : [];
  } catch {
    return [];
  }
}

export class ListsSheet {
  private readonly lists: string[][];
  private readonly existing: SheetInfo | undefined;
  private readonly name: string;
  private used = false;
  private created?: Excel.Worksheet;
  /** Lists written by a sync that succeeded, and whether the sheet exists by now. */
  private written = 0;
  private exists: boolean;

  /** `sheets`: the workbook's sheets as loaded in the first sync. */
  constructor(private readonly settings: SettingsLike, sheets: readonly SheetInfo[]) {
    this.lists = storedLists(settings);
    this.existing = sheets.find((s) => isListsSheet(s, settings));
    this.name = this.existing?.name ?? uniqueSheetName(LISTS_SHEET_NAME, sheets.map((s) => s.name));
    this.exists = this.existing !== undefined;
    this.written = this.exists ? this.lists.length : 0;
  }

  /** The validation source for a list: `='BudgetTargetsLists'!$C$1:$C$12`. */
  readonly source = (list: readonly string[]): string => {
    const key = JSON.stringify(list);
    let index = this.lists.findIndex((l) => JSON.stringify(l) === key);
    if (index < 0) index = this.lists.push([...list]) - 1;
    this.used = true;
    const col = columnName(index);
    return `=${quoteSheetName(this.name)}!$${col}$1:$${col}$${list.length}`;
  };

  /**
   * Queues creating the sheet (when needed) and writing the lists not yet written, each into its
   * column; call `written` once the sync has succeeded. Nothing is queued when no list is long.
   */
  queue(context: Excel.RequestContext): void {
    if (!this.used || this.written >= this.lists.length) return;
    let ws: Excel.Worksheet;
    if (this.exists) ws = context.workbook.worksheets.getItem(this.existing?.id ?? this.name);
    else {
      ws = context.workbook.worksheets.add(this.name);
      ws.visibility = 'VeryHidden';
      ws.load('id');
      this.created = ws;
    }
    this.lists.forEach((list, i) => {
      if (i < this.written) return;
      const range = ws.getRange(`${a1(0, i)}:${a1(list.length - 1, i)}`);
      range.numberFormat = list.map(() => ['@']);
      range.values = list.map((item) => [item]);
    });
    this.queued = this.lists.length;
  }

  private queued = 0;

  /** The sync carrying the last `queue` succeeded. */
  synced(): void {
    if (this.queued > this.written) {
      this.written = this.queued;
      this.exists = true;
    }
  }

  /** After the sync: remembers the sheet and its lists in the document settings. */
  async remember(save: () => Promise<void>): Promise<void> {
    if (!this.used) return;
    this.settings.set(SETTINGS.lists, JSON.stringify(this.lists));
    if (this.created) this.settings.set(SETTINGS.listsSheetId, this.created.id);
    await save();
  }
}
