/**
 * `.xlsx` → grids, read straight from the package: a zip reader with caps (./zip.ts) and a
 * SAX parser (saxes), taking only what the core needs — cell values, the number formats of
 * those cells, merged areas, sheet names and state, the summary mark. It gives the same grids
 * as ExcelJS's loaded cells (`workbookGrids`, kept for `summary`) on every workbook ExcelJS
 * reads, at a fraction of the time and memory, and names every sheet it could not read
 * instead of dropping it.
 */
import { SaxesParser } from 'saxes';
import { CellRange, CellValue, Grid, parseRangeA1 } from '../core/grid';
import { SUMMARY_MARK } from '../core/summary';
import { dateText } from './dateText';
import { readInputFile } from './inputFile';
import { DEFAULT_LIMITS, ReadLimits, SheetProblem, UnreadableSheet, WorkbookReadError } from './limits';
import { ZipArchive, isCfb, isEncryptedOoxml } from './zip';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetGrid {
  name: string;
  grid: Grid;
  state?: SheetState;
}

export interface WorkbookGrids {
  /** The worksheets that could be read, in tab order. */
  sheets: SheetGrid[];
  /** The sheet the summary mark (`BudgetTargetsSummary`) points at, when it is one of `sheets`. */
  summarySheet?: string;
  /** Every worksheet listed in the workbook that could not be read, with why. */
  unreadable: UnreadableSheet[];
}

/** Built-in number formats, as ExcelJS names them (ids it leaves unnamed read as General there too). */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

const MAX_ROWS = 1_048_576;
/**
 * Most bytes between two tags: a cell holds at most 32,767 characters (≤ 4 bytes each as
 * UTF-8, or 6 bytes as an entity such as `&amp;`), far below this.
 */
const MAX_TEXT_RUN = 1024 * 1024;
const MAX_COLS = 16_384;

const REL_OFFICE_DOCUMENT = '/officeDocument';
const REL_WORKSHEET = '/worksheet';
const REL_STYLES = '/styles';
const REL_SHARED_STRINGS = '/sharedStrings';
/** Sheets of other kinds listed in workbook.xml: no cells to check, not an error. */
const REL_NOT_A_GRID = ['/chartsheet', '/dialogsheet', '/macrosheet', '/xlMacrosheet', '/xlIntlMacrosheet'];

/** An attribute by local name (`r:id` and `x:id` alike), preferring an unprefixed one. */
function attr(attrs: Record<string, string>, name: string, prefixed = false): string | undefined {
  if (!prefixed && name in attrs) return attrs[name];
  for (const key in attrs) if (key.endsWith(`:${name}`)) return attrs[key];
  return undefined;
}

interface XmlHandler {
  open(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  /** Returns `STOP` when nothing further in the part is wanted: the rest is not parsed. */
  close?(name: string): void | typeof STOP;
}

/** What a handler's `close` returns to end the part there (see `readSheet`). */
const STOP = Symbol('stop');
/** Thrown out of the parser's event to leave the part; caught in `parsePart` only. */
class Stopped {}

const local = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * Streams part `part` through a SAX parser (saxes: well-formedness checked, no DTD, no external
 * entities) as it is inflated. False when the part is absent.
 */
function parsePart(zip: ZipArchive, part: string, handler: XmlHandler): boolean {
  const parser = new SaxesParser({ position: false, xmlns: false });
  parser.on('error', () => {
    throw new WorkbookReadError('corrupt', part);
  });
  parser.on('doctype', () => {
    // No part of a workbook package has a DOCTYPE: refused, never interpreted.
    throw new WorkbookReadError('corrupt', part);
  });
  parser.on('opentag', (tag) => handler.open(local(tag.name), tag.attributes as Record<string, string>));
  if (handler.text) {
    const text = handler.text.bind(handler);
    parser.on('text', text);
    parser.on('cdata', text);
  }
  if (handler.close) {
    const close = handler.close.bind(handler);
    parser.on('closetag', (tag) => {
      if (close(local(tag.name)) === STOP) throw new Stopped();
    });
  }
  const decoder = new TextDecoder('utf-8');
  let started = false;
  // The parser holds the text between two tags whole: a run without any `<` longer than any
  // real cell text could ever be is refused before it grows (a zip bomb of blanks).
  let sinceTag = 0;
  let found: boolean;
  try {
    found = zip.read(part, (chunk) => {
      const lastTag = chunk.lastIndexOf(0x3c);
      sinceTag = lastTag < 0 ? sinceTag + chunk.length : chunk.length - lastTag;
      if (sinceTag > MAX_TEXT_RUN) throw new WorkbookReadError('too-large', 'maxTextRun');
      let text = decoder.decode(chunk, { stream: true });
      if (!started) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        started = text.length > 0;
      }
      if (text) parser.write(text);
    });
  } catch (e) {
    if (e instanceof Stopped) return true;
    throw e;
  }
  if (!found) return false;
  parser.write(decoder.decode());
  parser.close();
  return true;
}

/** Resolves a relationship target against the folder of its source part; undefined when it leaves the package. */
function resolveTarget(sourcePart: string, target: string): string | undefined {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (base.length === 0) return undefined;
      base.pop();
    } else base.push(seg);
  }
  return base.length ? base.join('/') : undefined;
}

interface Relationship {
  type: string;
  /** The part it points at, resolved; undefined when external or outside the package. */
  part: string | undefined;
}

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function readRels(zip: ZipArchive, sourcePart: string): Map<string, Relationship> | undefined {
  const rels = new Map<string, Relationship>();
  const found = parsePart(zip, sourcePart === '' ? '_rels/.rels' : relsPartOf(sourcePart), {
    open(name, a) {
      if (name !== 'Relationship') return;
      const id = a.Id ?? '';
      const external = (a.TargetMode ?? '').toLowerCase() === 'external';
      rels.set(id, { type: a.Type ?? '', part: external || !a.Target ? undefined : resolveTarget(sourcePart, a.Target) });
    },
  });
  return found ? rels : undefined;
}

interface WorkbookPart {
  sheets: { name: string; rId: string | undefined; state: SheetState }[];
  date1904: boolean;
  summaryRef: string | undefined;
}

function readWorkbookPart(zip: ZipArchive, part: string): WorkbookPart {
  const out: WorkbookPart = { sheets: [], date1904: false, summaryRef: undefined };
  let definedName: string | undefined;
  let definedText = '';
  let root = true;
  parsePart(zip, part, {
    open(name, a) {
      if (root && name !== 'workbook') throw new WorkbookReadError('not-xlsx', part);
      root = false;
      if (name === 'sheet') {
        const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
        out.sheets.push({ name: a.name ?? '', rId: attr(a, 'id', true), state });
      } else if (name === 'workbookPr') {
        out.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      } else if (name === 'definedName') {
        definedName = a.name;
        definedText = '';
      }
    },
    text(t) {
      if (definedName !== undefined) definedText += t;
    },
    close(name) {
      if (name !== 'definedName') return;
      if (definedName === SUMMARY_MARK.key && out.summaryRef === undefined) out.summaryRef = definedText;
      definedName = undefined;
    },
  });
  if (root) throw new WorkbookReadError('not-xlsx', part);
  return out;
}

/** The number format of each cell style (`cellXfs` index), General as undefined. */
function readStyles(zip: ZipArchive, part: string | undefined): (string | undefined)[] {
  const formats: (string | undefined)[] = [];
  if (!part) return formats;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  parsePart(zip, part, {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = parseInt(a.numFmtId ?? '0', 10);
        const f = id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined;
        formats.push(f && f !== 'General' ? f : undefined);
      }
    },
    close(name) {
      // What follows the cell formats (cell styles, the conditional formats' dxfs, colours) is
      // not read: the part ends here.
      if (name === 'cellXfs') return STOP;
    },
  });
  return formats;
}

/** ExcelJS's own `_xHHHH_` unescaping of shared-string text. */
const unescapeX = (t: string) => (t.includes('_x') ? t.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : t);

function readSharedStrings(zip: ZipArchive, part: string, budget: Budget): string[] | undefined {
  const strings: string[] = [];
  let current = '';
  let inT = false;
  let inPhonetic = false;
  const found = parsePart(zip, part, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inT = !inPhonetic;
      else if (name === 'rPh') inPhonetic = true;
    },
    text(t) {
      if (inT) current += t;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        budget.charge(1);
        strings.push(unescapeX(current));
      }
    },
  });
  return found ? strings : undefined;
}

/** The workbook-wide allowance of cells and merges (`ReadLimits`). */
class Budget {
  cells = 0;
  merges = 0;
  constructor(private readonly limits: ReadLimits) {}
  charge(cells: number): void {
    this.cells += cells;
    if (this.cells > this.limits.maxCells) throw new WorkbookReadError('too-large', 'maxCells');
  }
  merge(): void {
    if (++this.merges > this.limits.maxMerges) throw new WorkbookReadError('too-large', 'maxMerges');
  }
}

/** A serial date as ISO text, as the ExcelJS path gives it: `2022-12-31`, or with its time. */
function serialDateText(serial: number, date1904: boolean): string {
  return dateText(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)));
}

/** A date format, by ExcelJS's test: y, m, d, h, s or b outside quotes and brackets. */
const dateFormats = new Map<string, boolean>();
function isDateFormat(f: string): boolean {
  let d = dateFormats.get(f);
  if (d === undefined) dateFormats.set(f, (d = /[ymdhMsb]+/.test(f.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''))));
  return d;
}

/** `B12` → 0-based column 1 (row ignored); -1 when not an address. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    if (i > 3) return -1;
  }
  return i === 0 ? -1 : col - 1;
}

class SheetProblemError extends Error {
  constructor(readonly problem: SheetProblem) {
    super(problem);
  }
}

interface SheetContext {
  formats: (string | undefined)[];
  strings: string[] | undefined;
  date1904: boolean;
  budget: Budget;
}

/** One worksheet part as a grid. */
function readSheet(zip: ZipArchive, part: string, ctx: SheetContext): Grid {
  const values: CellValue[][] = [];
  let formats: (string | undefined)[][] | undefined;
  const merges: CellRange[] = [];
  const { budget, date1904 } = ctx;

  let root = true;
  let row = -1;
  let col = -1;
  // The cell being read.
  let inCell = false;
  let type = '';
  let format: string | undefined;
  let text: string | undefined;
  let hasFormula = false;
  let formulaText = false;
  /** Which element's text counts: 1 = <v> or <t> (not phonetic), 2 = <f>. */
  let collecting = 0;
  let phonetic = false;
  /** Past `</sheetData>`. */
  let cellsRead = false;

  const rowAt = (r: number): CellValue[] => {
    if (r >= values.length) {
      budget.charge(r + 1 - values.length);
      while (values.length <= r) values.push([]);
    }
    return values[r];
  };

  parsePart(zip, part, {
    open(name, a) {
      if (root) {
        if (name !== 'worksheet') throw new SheetProblemError('wrong-target');
        root = false;
        return;
      }
      switch (name) {
        case 'row': {
          const r = a.r === undefined ? row + 1 : parseInt(a.r, 10) - 1;
          if (!(r >= 0 && r < MAX_ROWS)) throw new SheetProblemError('corrupt');
          row = r;
          col = -1;
          rowAt(row);
          break;
        }
        case 'c': {
          if (row < 0) rowAt((row = 0));
          const ref = a.r;
          const c = ref === undefined ? col + 1 : columnOf(ref);
          if (!(c >= 0 && c < MAX_COLS)) throw new SheetProblemError('corrupt');
          col = c;
          inCell = true;
          type = a.t ?? '';
          const s = a.s === undefined ? 0 : parseInt(a.s, 10);
          format = s ? ctx.formats[s] : undefined;
          text = undefined;
          hasFormula = false;
          formulaText = false;
          break;
        }
        case 'v':
          if (inCell) collecting = 1;
          break;
        case 't':
          if (inCell && !phonetic) collecting = 1;
          break;
        case 'rPh':
          phonetic = true;
          break;
        case 'f':
          if (inCell) {
            collecting = 2;
            if (a.t !== undefined) hasFormula = true;
          }
          break;
        case 'mergeCell': {
          budget.merge();
          const ref = a.ref;
          if (!ref || !/^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/.test(ref)) break;
          const m = parseRangeA1(ref);
          // Row 0 is no row (`A0:B1`): ignored like any other ref that is not a range.
          if (m.top >= 0 && m.top < MAX_ROWS && m.left < MAX_COLS) merges.push(m);
          break;
        }
      }
    },
    text(t) {
      if (collecting === 1) text = text === undefined ? t : text + t;
      else if (collecting === 2) formulaText = true;
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
        case 'f':
          collecting = 0;
          break;
        case 'rPh':
          phonetic = false;
          break;
        case 'sheetData':
          cellsRead = true;
          break;
        case 'mergeCells':
          // The schema puts the merged areas after the cells and before everything else of a
          // worksheet (validations, conditional formats, page set-up…), none of which is read:
          // the part ends here. A part without them is read to its end.
          if (cellsRead) return STOP;
          break;
        case 'c': {
          inCell = false;
          const out = values[row];
          if (col >= out.length) {
            budget.charge(col + 1 - out.length);
            while (out.length < col) out.push(null);
            out.push(null);
          }
          out[col] = cellValue();
          if (format) {
            formats ??= [];
            (formats[row] ??= [])[col] = format;
          }
          break;
        }
      }
    },
  });
  if (root) throw new SheetProblemError('corrupt');

  function cellValue(): CellValue {
    if (hasFormula || formulaText) {
      if (text === undefined) return null;
      let result: CellValue;
      if (type === 'str') result = text;
      else if (type === 'b') result = parseInt(text, 10) !== 0;
      else if (type === 'e') result = text;
      else result = parseFloat(text);
      return format && isDateFormat(format) ? serialDateText(Number(result), date1904) : result;
    }
    if (text === undefined) return null;
    switch (type) {
      case 's': {
        const v = ctx.strings?.[parseInt(text, 10)];
        if (v === undefined) throw new SheetProblemError('missing-shared-strings');
        return v;
      }
      case 'str':
      case 'inlineStr':
      case 'e':
        return text;
      case 'b':
        return parseInt(text, 10) !== 0;
      default: {
        const n = parseFloat(text);
        return format && isDateFormat(format) ? serialDateText(n, date1904) : n;
      }
    }
  }

  // A merged area reads as its top-left value with blanks elsewhere, inside the used area only:
  // a merge over a whole sheet is a range, never millions of cells.
  if (merges.length) {
    let width = 0;
    for (const r of values) if (r.length > width) width = r.length;
    for (const m of merges) {
      const bottom = Math.min(m.bottom, values.length - 1);
      const right = Math.min(m.right, width - 1);
      for (let r = m.top; r <= bottom; r++) {
        const out = values[r];
        if (right >= out.length) {
          budget.charge(right + 1 - out.length);
          while (out.length <= right) out.push(null);
        }
        for (let c = r === m.top ? m.left + 1 : m.left; c <= right; c++) out[c] = null;
      }
    }
  }
  const grid: Grid = { values, merges };
  if (formats) grid.formats = formats;
  return grid;
}

/** The sheet a defined name's reference points at (`'汇总'!$A$1` → 汇总). */
function sheetOfReference(ref: string): string | undefined {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return undefined;
  let sheet = ref.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return sheet;
}

/**
 * Hears of each worksheet as soon as it is read, with the sheet the summary mark names (if
 * any); returns whether to keep its grid in the result. A grid not kept can be freed at once
 * (`check` reads each sheet's tables and drops its grid: memory stays one sheet deep).
 */
export type SheetVisitor = (sheet: SheetGrid, markedSheet: string | undefined) => boolean;

/** Reads a workbook's bytes; throws `WorkbookReadError` when the workbook as a whole cannot be read. */
export function readWorkbookBytes(bytes: Buffer, limits: ReadLimits = DEFAULT_LIMITS, visit?: SheetVisitor): WorkbookGrids {
  if (bytes.length > limits.maxFileBytes) throw new WorkbookReadError('too-large', 'maxFileBytes');
  if (isEncryptedOoxml(bytes)) throw new WorkbookReadError('encrypted');
  if (isCfb(bytes)) throw new WorkbookReadError('legacy-xls');
  const zip = new ZipArchive(bytes, limits);

  const rootRels = readRels(zip, '');
  let workbookPart = [...(rootRels?.values() ?? [])].find((r) => r.type.endsWith(REL_OFFICE_DOCUMENT))?.part;
  if (!workbookPart || !zip.has(workbookPart)) workbookPart = 'xl/workbook.xml';
  if (!zip.has(workbookPart)) throw new WorkbookReadError('not-xlsx');
  const book = readWorkbookPart(zip, workbookPart);
  if (book.sheets.length === 0) throw new WorkbookReadError('no-sheets');

  const rels = readRels(zip, workbookPart) ?? new Map<string, Relationship>();
  const dir = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const partOfType = (suffix: string, fallback: string) => {
    const part = [...rels.values()].find((r) => r.type.endsWith(suffix))?.part;
    return part && zip.has(part) ? part : zip.has(fallback) ? fallback : undefined;
  };
  const budget = new Budget(limits);
  const stylesPart = partOfType(REL_STYLES, `${dir}styles.xml`);
  const stringsPart = partOfType(REL_SHARED_STRINGS, `${dir}sharedStrings.xml`);
  const ctx: SheetContext = {
    formats: readStyles(zip, stylesPart),
    strings: stringsPart ? readSharedStrings(zip, stringsPart, budget) : undefined,
    date1904: book.date1904,
    budget,
  };

  const sheets: SheetGrid[] = [];
  const unreadable: UnreadableSheet[] = [];
  const marked = book.summaryRef === undefined ? undefined : sheetOfReference(book.summaryRef);
  for (const s of book.sheets) {
    const rel = s.rId === undefined ? undefined : rels.get(s.rId);
    if (!rel) {
      unreadable.push({ sheet: s.name, problem: 'missing-relationship' });
      continue;
    }
    if (REL_NOT_A_GRID.some((t) => rel.type.endsWith(t))) continue;
    if (!rel.type.endsWith(REL_WORKSHEET) || !rel.part) {
      unreadable.push({ sheet: s.name, problem: 'wrong-target', ...(rel.part ? { part: rel.part } : {}) });
      continue;
    }
    if (!zip.has(rel.part)) {
      unreadable.push({ sheet: s.name, problem: 'missing-part', part: rel.part });
      continue;
    }
    let sheet: SheetGrid;
    try {
      sheet = { name: s.name, grid: readSheet(zip, rel.part, ctx), state: s.state };
    } catch (e) {
      if (e instanceof SheetProblemError) unreadable.push({ sheet: s.name, problem: e.problem, part: rel.part });
      else if (e instanceof WorkbookReadError && e.kind === 'corrupt') unreadable.push({ sheet: s.name, problem: 'corrupt', part: rel.part });
      else throw e;
      continue;
    }
    if (!visit || visit(sheet, marked)) sheets.push(sheet);
  }
  const result: WorkbookGrids = { sheets, unreadable };
  if (marked !== undefined && sheets.some((s) => s.name === marked)) result.summarySheet = marked;
  return result;
}

/** Reads every worksheet of an `.xlsx` file (a path or its bytes) as a grid, within `limits`. */
export async function readWorkbookGrids(source: Buffer | string, limits: ReadLimits = DEFAULT_LIMITS): Promise<WorkbookGrids> {
  const bytes = typeof source === 'string' ? await readInputFile(source, limits.maxFileBytes) : source;
  return readWorkbookBytes(bytes, limits);
}
