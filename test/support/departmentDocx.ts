/**
 * A department-wide table fixture (test/fixtures/department/<slug>.json: a published 部门整体支出
 * 绩效目标表 reproduced cell by cell) as the 第一部分 of a published document: its paragraphs (part
 * marks, the table's title and year line), then the table, merged areas as w:gridSpan across and
 * w:vMerge down.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { CellRange, CellValue, Grid } from '../../src/core/grid';
import { parseAddress } from '../fixtures/provinces/build';
import { wordTable } from './fixtureDocx';

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
  const doc = new Document({
    creator: 'test fixture',
    sections: [
      {
        children: [
          ...f.paragraphs.map((text) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: { eastAsia: '黑体' }, size: 30 })] })),
          wordTable(values, merges),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
