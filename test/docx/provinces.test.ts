/**
 * Another province's published table as .docx (issue 10): 南岳区 (Hunan) 2018, recorded as a
 * grid in test/fixtures/provinces/ (values and merged cells as published) and written as the
 * .docx it came in. Its Word table reads back to exactly that grid, and the import gives
 * exactly what the core's reader makes of the grid — the .docx adapter adds no reading of its own.
 */
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { documentTables } from '../../src/core/publishedDocument';
import { importDocx, readDocxBlocks } from '../../src/docx';
import { FIXTURES } from '../support/seed';
import { GridSource, gridDocx } from '../support/gridDocx';

const NAME = 'hunan-nanyue-2018';
const SOURCE = path.join(FIXTURES, 'provinces', `${NAME}.grid.json`);
const DOCX = path.join(FIXTURES, 'provinces', `${NAME}.docx`);
const source = () => JSON.parse(readFileSync(SOURCE, 'utf8')) as GridSource;
const documentXml = async (bytes: Uint8Array) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
const byPosition = (a: { top: number; left: number }, b: { top: number; left: number }) => a.top - b.top || a.left - b.left;

describe(`${NAME}.docx`, () => {
  test('is what the generator writes from its grid (UPDATE_FIXTURES=1 rewrites it)', async () => {
    const bytes = await gridDocx(source());
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(DOCX, bytes);
    expect(await documentXml(readFileSync(DOCX))).toBe(await documentXml(bytes));
  });

  test('its Word table reads back to the published grid: values, spans and vertical merges', async () => {
    const g = source();
    const blocks = await readDocxBlocks(readFileSync(DOCX));
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: g.title });
    const table = blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.grid.values).toEqual(g.values);
    expect([...table.grid.merges!].sort(byPosition)).toEqual([...g.merges].sort(byPosition));
  });

  test('imports as the core reader reads the grid under its title', async () => {
    const g = source();
    const doc = await importDocx(readFileSync(DOCX));
    const direct = documentTables([{ title: g.title, grid: { values: [[g.title], ...g.values], merges: g.merges.map((m) => ({ ...m, top: m.top + 1, bottom: m.bottom + 1 })) } }]);
    expect(doc.hasTables).toBe(true);
    expect({ tables: doc.tables, skipped: doc.skipped }).toEqual(direct);
  });
});
