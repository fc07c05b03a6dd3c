/**
 * A province fixture (test/fixtures/provinces/<slug>.json: a published table reproduced cell by
 * cell) as the Word document it was published in: the lines above a table (its title, the year
 * line, `预算单位：… 金额单位：万元`) and below it (`注：…`, `附件：`) as paragraphs, the rest as
 * one Word table per block of rows (blank rows separate the tables), merged areas as
 * w:gridSpan across and w:vMerge down, every cell as the text a reader of the page sees.
 */
import { AlignmentType, Document, Packer, Paragraph, Tab, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import { CellRange, CellValue } from '../../src/core/grid';
import type { FixtureSource } from '../fixtures/provinces/build';
import { parseAddress } from '../fixtures/provinces/build';

export type FixtureBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; values: CellValue[][]; merges: CellRange[] };

/** The fixture's merged areas, 0-based. */
function mergesOf(src: FixtureSource): CellRange[] {
  return (src.merges ?? []).map((range) => {
    const [a, b] = range.split(':').map(parseAddress);
    return { top: a.row - 1, left: a.col - 1, bottom: b.row - 1, right: b.col - 1 };
  });
}

/**
 * The fixture's rows as a document's blocks. A row at the top or bottom of a block is a
 * paragraph when it is a line of text rather than a table row: one cell of text, or cells
 * whose merged areas together span the whole width (`预算单位：… | 金额单位：万元`, joined by a tab).
 */
export function fixtureBlocks(src: FixtureSource): FixtureBlock[] {
  const width = Math.max(...src.rows.map((r) => r.length));
  const merges = mergesOf(src);
  const filled = (r: number) => src.rows[r].map((v, c) => ({ v, c })).filter((x) => x.v !== null && x.v.trim() !== '');
  const areaAt = (r: number, c: number) => merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  const isLine = (r: number) => {
    const cells = filled(r);
    if (cells.length === 0) return false;
    if (src.rows[r].some((_, c) => { const m = areaAt(r, c); return m !== undefined && m.bottom > m.top; })) return false;
    if (cells.length === 1) return merges.every((m) => m.top !== r || m.left === cells[0].c);
    const span = cells.reduce((n, x) => { const m = areaAt(r, x.c); return n + (m ? m.right - m.left + 1 : 1); }, 0);
    return cells.every((x) => areaAt(r, x.c) !== undefined) && span === width;
  };
  const lineText = (r: number) => filled(r).map((x) => x.v!.trim()).join('\t');

  const blocks: FixtureBlock[] = [];
  let r = 0;
  while (r < src.rows.length) {
    if (filled(r).length === 0) {
      r++;
      continue;
    }
    let end = r;
    while (end < src.rows.length && filled(end).length > 0) end++;
    let top = r;
    while (top < end && isLine(top)) blocks.push({ kind: 'paragraph', text: lineText(top++) });
    let bottom = end;
    while (bottom > top && isLine(bottom - 1)) bottom--;
    if (bottom > top) {
      blocks.push({
        kind: 'table',
        values: src.rows.slice(top, bottom).map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null)),
        merges: merges
          .filter((m) => m.top >= top && m.bottom < bottom)
          .map((m) => ({ top: m.top - top, left: m.left, bottom: m.bottom - top, right: m.right })),
      });
    }
    for (let i = bottom; i < end; i++) blocks.push({ kind: 'paragraph', text: lineText(i) });
    r = end;
  }
  return blocks;
}

/** A grid as a Word table: merged areas become w:gridSpan across and w:vMerge down; a line break starts a new paragraph. */
export function wordTable(values: CellValue[][], merges: readonly CellRange[]): Table {
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
          // A line break in a cell is a new paragraph of the cell, as Word keeps it.
          children: (text === '' ? [''] : text.split('\n')).map(
            (line) => new Paragraph({ children: line ? [new TextRun({ text: line, font: { eastAsia: '宋体' } })] : [] }),
          ),
        }),
      );
      c += span;
    }
    return new TableRow({ children: cells });
  });
  return new Table({ width: { size: 8306, type: WidthType.DXA }, columnWidths: Array(width).fill(Math.floor(8306 / width)), rows });
}

/** The blocks as a .docx (a fixed creation date is not needed: tests compare document.xml). */
export async function blocksDocx(blocks: readonly FixtureBlock[]): Promise<Uint8Array> {
  const children = blocks.map((b) =>
    b.kind === 'paragraph'
      ? new Paragraph({
          alignment: AlignmentType.CENTER,
          children: b.text.split('\t').map((t, i) => new TextRun({ children: i ? [new Tab(), t] : [t], font: { eastAsia: '黑体' } })),
        })
      : wordTable(b.values, b.merges),
  );
  const doc = new Document({ creator: 'test fixture', sections: [{ children }] });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

export const fixtureDocx = (src: FixtureSource): Promise<Uint8Array> => blocksDocx(fixtureBlocks(src));
