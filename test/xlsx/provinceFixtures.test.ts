import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { buildAll, checkSource, columnName, DIR, fixtureFiles, toNumber, type FixtureSource } from '../fixtures/provinces/build';

/** What a sheet holds, as ExcelJS reads it back: name, every non-empty cell (value and format), merges. */
interface SheetContent {
  name: string;
  cells: Record<string, { value: unknown; numFmt: string | undefined }>;
  merges: string[];
}

async function readBack(file: string): Promise<SheetContent[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => {
    const cells: SheetContent['cells'] = {};
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        cells[cell.address] = { value: cell.value, numFmt: typeof cell.value === 'number' ? (cell.numFmt ?? 'General') : undefined };
      });
    });
    return { name: ws.name, cells, merges: [...(ws.model.merges ?? [])].sort() };
  });
}

const sources = fixtureFiles().map((file) => ({
  file,
  slug: file.replace(/\.json$/, ''),
  src: JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as FixtureSource,
}));

describe('province fixtures (test/fixtures/provinces)', () => {
  let rebuilt: string;

  beforeAll(async () => {
    rebuilt = fs.mkdtempSync(path.join(os.tmpdir(), 'province-fixtures-'));
    await buildAll(rebuilt);
  });

  afterAll(() => fs.rmSync(rebuilt, { recursive: true, force: true }));

  it('has at least eight fixtures from at least six provinces and three layout families', () => {
    expect(sources.length).toBeGreaterThanOrEqual(8);
    expect(new Set(sources.map((s) => s.src.source.province)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(sources.map((s) => s.src.family)).size).toBeGreaterThanOrEqual(3);
  });

  it.each(sources.map((s) => [s.slug, s] as const))('%s: the grid source is well formed', (_slug, { file, src }) => {
    expect(checkSource(src, file)).toEqual([]);
  });

  it.each(sources.map((s) => [s.slug, s] as const))('%s: has an expected reading', (_slug, { slug }) => {
    const expectedFile = path.join(DIR, `${slug}.expected.json`);
    expect(fs.existsSync(expectedFile)).toBe(true);
    const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as { tables: Record<string, unknown>[] };
    expect(expected.tables.length).toBeGreaterThan(0);
    for (const table of expected.tables) {
      expect(Object.keys(table)).toEqual(
        expect.arrayContaining(['name', 'code', 'department', 'unit', 'budget', 'plan', 'goals', 'periodGoals', 'indicators', 'framework', 'defects']),
      );
      expect(['元', '万元']).toContain(table.unit);
      expect(['mof-2021', '2015', 'provincial']).toContain(table.framework);
      for (const amount of Object.values(table.budget as Record<string, string | null>)) {
        if (amount !== null) expect(amount).toMatch(/^\d+(\.\d+)?$/);
      }
    }
  });

  it.each(sources.map((s) => [s.slug, s] as const))('%s: the committed .xlsx is up to date', async (slug) => {
    const committed = path.join(DIR, `${slug}.xlsx`);
    expect(fs.existsSync(committed)).toBe(true);
    expect(await readBack(committed)).toEqual(await readBack(path.join(rebuilt, `${slug}.xlsx`)));
  });

  it.each(sources.map((s) => [s.slug, s] as const))('%s: the workbook holds exactly the published cells', async (slug, { src }) => {
    const [sheet, ...others] = await readBack(path.join(DIR, `${slug}.xlsx`));
    expect(others).toEqual([]);
    expect(sheet.name).toBe(src.sheet);
    const want: SheetContent['cells'] = {};
    src.rows.forEach((row, r) =>
      row.forEach((text, c) => {
        if (text === null) return;
        const address = `${columnName(c + 1)}${r + 1}`;
        const format = src.numbers?.[address];
        want[address] = format === undefined ? { value: text, numFmt: undefined } : { value: toNumber(text), numFmt: format };
      }),
    );
    expect(sheet.cells).toEqual(want);
    expect(sheet.merges).toEqual([...(src.merges ?? [])].sort());
  });
});
