/**
 * Writes a published document saved as text (the seed's format) as the .docx it was saved
 * from: prose paragraphs, each `…绩效目标表` title paragraph, the department line with
 * `单位：万元` after a tab, then the project's two Word tables — the head (项目编码 … 绩效目标)
 * and the indicator block — with the seed's merged cells: the value cells span grid columns
 * (w:gridSpan) and 预算规模及资金用途 / 资金支出计划（%） run down two rows (w:vMerge).
 * Independent of the exporter on purpose: it lays out what the text shows, row by row.
 */
import {
  AlignmentType, BorderStyle, Document, IBorderOptions, Packer, Paragraph, Tab, Table, TableCell, TableLayoutType, TableRow,
  TextRun, VerticalMergeType, WidthType,
} from 'docx';

const GRID = [1200, 1200, 1300, 1100, 1100, 1100, 1306];
/** Grid spans of a head/indicator row by its number of cells, as in the published tables. */
const SPANS: Record<number, number[]> = { 2: [1, 6], 4: [1, 2, 1, 3], 5: [1, 1, 1, 1, 3], 6: [1, 1, 1, 2, 1, 1], 7: [1, 1, 1, 1, 1, 1, 1] };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });

type Row = string[];
type Block = { kind: 'p'; text: string } | { kind: 'rows'; rows: Row[] };

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let row: string[] = [];
  let rows: Row[] | undefined;
  const endRow = () => {
    if (row.length) {
      if (!rows) blocks.push({ kind: 'rows', rows: (rows = []) });
      rows.push(row);
    }
    row = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.startsWith('\t')) row.push(line.slice(1));
    else if (line.trim() === '') {
      endRow();
      // A line holding a lone space is the paragraph between two tables.
      if (line !== '') rows = undefined;
    } else if (row.length) row[row.length - 1] += `\n${line}`;
    else {
      endRow();
      rows = undefined;
      blocks.push({ kind: 'p', text: line.replace(/^(?:\[bookmark:[^\]]*\])+/, '') });
    }
  }
  endRow();
  return blocks;
}

function cellParagraphs(text: string): Paragraph[] {
  return text.split('\n').map((l) => new Paragraph({ children: [new TextRun({ text: l, font: font('宋体'), size: 21 })] }));
}

function table(rows: Row[]): Table {
  return new Table({
    width: { size: GRID.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: GRID,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: rows.map((cells, r) => {
      const spans = SPANS[cells.length] ?? cells.map(() => 1);
      return new TableRow({
        children: cells.map((text, i) => {
          const blank = text.trim() === '';
          // A blank first cell under a filled one is the lower half of a two-row label.
          const continues = i === 0 && blank && r > 0 && rows[r - 1][0].trim() !== '';
          const starts = i === 0 && !blank && rows[r + 1] !== undefined && rows[r + 1][0].trim() === '' && rows[r + 1].length < 6;
          return new TableCell({
            columnSpan: spans[i] > 1 ? spans[i] : undefined,
            ...(continues ? { verticalMerge: VerticalMergeType.CONTINUE } : starts ? { verticalMerge: VerticalMergeType.RESTART } : {}),
            children: continues ? [new Paragraph({})] : cellParagraphs(text),
          });
        }),
      });
    }),
  });
}

/** The seed text as a .docx. */
export async function seedDocx(text: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const block of blocksOf(text)) {
    if (block.kind === 'p') {
      const heading = /绩效目标表$|^第.部分$|^[一二三]、/.test(block.text.trim());
      children.push(new Paragraph({
        alignment: /绩效目标表$|^第.部分$/.test(block.text.trim()) ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text: block.text, font: font(heading ? '黑体' : '仿宋'), size: heading ? 30 : 28 })],
      }));
    } else {
      let rows = block.rows;
      if (rows[0].length === 2 && /单位/.test(rows[0][1])) {
        // The department line: `802008乐亭县新寨镇人民政府` and, after a tab, `单位：万元`.
        const [dept, unit] = rows[0];
        children.push(new Paragraph({ children: [new TextRun({ text: dept, font: font('宋体'), size: 21 }), new TextRun({ children: [new Tab(), unit], font: font('宋体'), size: 21 })] }));
        rows = rows.slice(1);
      }
      if (rows.length) children.push(table(rows));
    }
  }
  const doc = new Document({
    creator: 'test fixture',
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1800, right: 1800 } } }, children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
