/**
 * Writes a table given as a plain grid (values and merged areas, as the provinces' fixtures
 * record a published table) as a Word document: a title paragraph and one table whose merged
 * areas become w:gridSpan across and w:vMerge down. For documents other than the seed.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import { CellRange, CellValue } from '../../src/core/grid';

export interface GridSource {
  source: string;
  title: string;
  values: CellValue[][];
  merges: CellRange[];
}

export async function gridDocx(g: GridSource): Promise<Uint8Array> {
  const width = Math.max(...g.values.map((r) => r.length));
  const at = (r: number, c: number) => g.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  const rows = g.values.map((row, r) => {
    const cells: TableCell[] = [];
    for (let c = 0; c < width; ) {
      const m = at(r, c);
      const span = m ? m.right - m.left + 1 : 1;
      const vertical = m !== undefined && m.bottom > m.top;
      const first = !m || m.top === r;
      const text = first && row[c] !== null && row[c] !== undefined ? String(row[c]) : '';
      cells.push(
        new TableCell({
          ...(span > 1 ? { columnSpan: span } : {}),
          ...(vertical ? { verticalMerge: first ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
          children: [new Paragraph({ children: text ? [new TextRun({ text, font: { eastAsia: '宋体' } })] : [] })],
        }),
      );
      c += span;
    }
    return new TableRow({ children: cells });
  });
  const doc = new Document({
    creator: 'test fixture',
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: g.title, font: { eastAsia: '黑体' }, size: 30 })] }),
          new Table({ width: { size: 8306, type: WidthType.DXA }, columnWidths: Array(width).fill(Math.floor(8306 / width)), rows }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
