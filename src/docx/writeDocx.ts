/**
 * The .docx adapter, writing side: the core's publication blocks rendered with the `docx`
 * package — A4 portrait, each table as wide as the text area, 黑体 headings, 仿宋 prose,
 * 宋体 tables, thin black borders and no fills (never the add-in's highlight colours).
 */
import {
  AlignmentType, BorderStyle, Document, IBorderOptions, PageBreak, PageOrientation, Tab, Paragraph, Packer, Table,
  TableCell, TableLayoutType, TableRow, TabStopType, TextRun, VerticalAlignTable, VerticalMergeType, WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { DepartmentInput } from '../core/department/model';
import { TableInput } from '../core/model';
import { PublicationBlock, PublishedTable, publication } from '../core/publication';

/** A4 in twentieths of a point, with Word's Chinese default margins (2.54 cm top/bottom, 3.17 cm left/right). */
export const PAGE = { width: 11906, height: 16838, top: 1440, bottom: 1440, left: 1800, right: 1800 } as const;
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
export const FONTS = { heading: '黑体', prose: '仿宋', table: '宋体' } as const;
/** Sizes in half-points: 三号 16 pt, 小三 15 pt, 四号 14 pt, 五号 10.5 pt. */
const SIZE = { part: 32, heading: 30, prose: 28, title: 28, table: 21 } as const;

const run = (text: string, name: string, size: number, bold = false) => new TextRun({ text, font: font(name), size, bold });

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function tableOf(table: PublishedTable): Table {
  const total = table.columnWidths.reduce((a, b) => a + b, 0);
  const widths = table.columnWidths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: table.rows.map((row) => {
      let col = 0;
      return new TableRow({
        children: row.map((cell) => {
          const width = widths.slice(col, col + cell.span).reduce((a, b) => a + b, 0);
          col += cell.span;
          const lines = cell.text === '' ? [''] : cell.text.split('\n');
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            ...(cell.span > 1 ? { columnSpan: cell.span } : {}),
            ...(cell.vMerge ? { verticalMerge: cell.vMerge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
            verticalAlign: VerticalAlignTable.CENTER,
            margins: { left: 60, right: 60, top: 20, bottom: 20 },
            children: lines.map(
              (line) => new Paragraph({ alignment: cell.centred ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(line, FONTS.table, SIZE.table, cell.bold)] }),
            ),
          });
        }),
      });
    }),
  });
}

function render(block: PublicationBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'part':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, children: [run(block.text, FONTS.heading, SIZE.part)] })];
    case 'heading':
      return [new Paragraph({ spacing: { before: 200, after: 120 }, indent: { firstLine: 560 }, children: [run(block.text, FONTS.heading, SIZE.heading)] })];
    case 'paragraph':
      return block.text.split('\n').map(
        (line) => new Paragraph({ spacing: { line: 480 }, indent: { firstLine: 560 }, alignment: AlignmentType.JUSTIFIED, children: [run(line, FONTS.prose, SIZE.prose)] }),
      );
    case 'tableTitle':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360, after: 120 }, keepNext: true, children: [run(block.text, FONTS.heading, SIZE.title)] })];
    case 'departmentLine':
      return [
        new Paragraph({
          keepNext: true,
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
          spacing: { after: 60 },
          children: [run(block.department, FONTS.table, SIZE.table), new TextRun({ children: [new Tab(), block.unit], font: font(FONTS.table), size: SIZE.table })],
        }),
      ];
    case 'table':
      return [tableOf(block.table)];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

export interface ExportOptions {
  title?: string;
  /**
   * The time recorded as the document's creation and modification (docProps/core.xml) and on
   * every zip entry; the current time when absent. A fixed time gives byte-identical documents
   * for identical content (`SOURCE_DATE_EPOCH` in the CLI).
   */
  date?: Date;
}

/** The publication as a docx `Document`. */
export function publicationDocument(tables: readonly TableInput[], department?: DepartmentInput, options: ExportOptions = {}): Document {
  return new Document({
    creator: 'budget-targets',
    title: options.title ?? '预算项目绩效目标',
    styles: { default: { document: { run: { font: font(FONTS.prose), size: SIZE.prose } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        children: publication(tables, department).flatMap(render),
      },
    ],
  });
}

/** The .docx file's bytes (Node and browsers alike). */
export async function exportDocx(tables: readonly TableInput[], department?: DepartmentInput, options: ExportOptions = {}): Promise<Uint8Array> {
  const bytes = new Uint8Array(await Packer.toArrayBuffer(publicationDocument(tables, department, options)));
  return options.date ? withDate(bytes, options.date) : bytes;
}

/** W3CDTF timestamps docx writes into docProps/core.xml (`new Date().toISOString()`). */
const TIMESTAMP = /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g;

/** Zip entries record local clock fields (MS-DOS time, 1980–2107); these give `date`'s UTC fields, as JSZip wrote them. */
function zipTime(date: Date): Date {
  const utc = new Date(Math.min(Math.max(date.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2099, 11, 31, 23, 59, 58)));
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}

/**
 * The package again with `date` everywhere a time is recorded: the core properties' created and
 * modified (our own part, written just above by docx: only those two elements' text changes) and
 * every zip entry's time (UTC; clamped to what a zip entry can hold, 1980–2099), entries in the
 * same order.
 */
function withDate(bytes: Uint8Array, date: Date): Uint8Array {
  const files = unzipSync(bytes, { filter: ({ name }) => !name.endsWith('/') });
  const core = files['docProps/core.xml'];
  if (core) files['docProps/core.xml'] = strToU8(strFromU8(core).replace(TIMESTAMP, (_, open: string, _n, close: string) => `${open}${date.toISOString()}${close}`));
  return zipSync(files, { mtime: zipTime(date) });
}
