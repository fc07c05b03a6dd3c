/**
 * A department-wide table fixture (test/fixtures/department/<slug>.json: a published 部门整体支出
 * 绩效目标表 reproduced cell by cell) as the 第一部分 of a published document: its paragraphs (part
 * marks, the table's title and year line), then the table, merged areas as w:gridSpan across and
 * w:vMerge down.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import { CellRange, CellValue, Grid } from '../../src/core/grid';
import { parseAddress } from '../fixtures/provinces/build';

export interface DepartmentFixture {
  source: { url: string; title: string; publisher: string; year: number; cut?: string };
  paragraphs: string[];
  rows: CellValue[][];
  merges: string[];
}

export const DEPARTMENT_FIXTURES = path.join(__dirname, '..', 'fixtures', 'department');

export function departmentFixture(slug: string): DepartmentFixture {
  return JSON.parse(readFileSync(path.join(DEPARTMENT_FIXTURES, `${slug}.json`), 'utf8')) as DepartmentFixture;
}

/** The fixture's table as a grid (merged areas 0-based). */
export function fixtureGrid(f: DepartmentFixture): Grid & { merges: CellRange[] } {
  const merges = f.merges.map((range) => {
    const [a, b] = range.split(':').map(parseAddress);
    return { top: a.row - 1, left: a.col - 1, bottom: b.row - 1, right: b.col - 1 };
  });
  return { values: f.rows, merges };
}

export async function departmentDocx(f: DepartmentFixture): Promise<Uint8Array> {
  const { values, merges } = fixtureGrid(f);
  const width = Math.max(...values.map((r) => r.length));
  const at = (r: number, c: number) => merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  const rows = values.map((row, r) => {
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
          children: (text ? text.split('\n') : ['']).map((line) => new Paragraph({ children: line ? [new TextRun({ text: line, font: { eastAsia: '宋体' } })] : [] })),
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
          ...f.paragraphs.map((text) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: { eastAsia: '黑体' }, size: 30 })] })),
          new Table({ width: { size: 8306, type: WidthType.DXA }, columnWidths: Array(width).fill(Math.floor(8306 / width)), rows }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
