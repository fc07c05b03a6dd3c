/**
 * Other provinces' published tables as .docx (issue 10): every real-document fixture of
 * test/fixtures/provinces/ (nine provinces, seven template families — most without a 项目编码,
 * some with two tables on one page, amounts in 元) written as the Word document it came in —
 * title and unit lines as paragraphs, the table as a Word table with its merged cells — then
 * imported. The import is the workbook reading (`readWorkbook`, as `check` reads the fixture's
 * .xlsx) to the character, and what it reads is what a careful human reads (`<slug>.expected.json`).
 * 南岳区 (Hunan, 2018: two 申报表 without a 项目编码) is also a committed .docx, imported by `new`.
 */
import JSZip from 'jszip';
import { readFileSync, readdirSync, writeFileSync } from 'fs';
import path from 'path';
import { tableToInput } from '../../src/core/layout/input';
import { TableInput } from '../../src/core/model';
import { readWorkbook } from '../../src/core/workbook';
import { importDocx, readDocxBlocks } from '../../src/docx';
import { readWorkbookBytes } from '../../src/xlsx';
import type { FixtureSource } from '../fixtures/provinces/build';
import { fixtureBlocks, fixtureDocx } from '../support/fixtureDocx';

const DIR = path.join(__dirname, '..', 'fixtures', 'provinces');
const SLUGS = readdirSync(DIR).filter((f) => f.endsWith('.xlsx')).map((f) => f.replace(/\.xlsx$/, '')).sort();
const source = (slug: string): FixtureSource => JSON.parse(readFileSync(path.join(DIR, `${slug}.json`), 'utf8'));

interface Expected {
  name: string;
  code: string | null;
  department: string;
  unit: '元' | '万元';
  budget: { total: string | null; fiscal: string | null; other: string | null };
  goals: number;
  indicators: number;
}
const expected = (slug: string): Expected[] => JSON.parse(readFileSync(path.join(DIR, `${slug}.expected.json`), 'utf8')).tables;

/** The fixture's .xlsx read as `check` reads it: the capped package reader, then the core's workbook reader. */
const xlsxTables = (slug: string): TableInput[] =>
  readWorkbook(readWorkbookBytes(readFileSync(path.join(DIR, `${slug}.xlsx`))).sheets).tables.map(tableToInput);

/** An amount as the expected files write it (万元, `330.984`; null when the table does not state it). */
const amount = (text: string): string | null => (text === '' ? null : text.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''));

/**
 * Where the reading deliberately differs from the human one (as in test/xlsx/provinceReading.test.ts):
 * Yueyang's 财政拨款 cell holds `854万854万(…)`; the reader does not guess a figure, and A001 reports it.
 */
const READ_DIFFERENTLY: Record<string, { fiscal: string }> = {
  'hunan-yueyang-2022-gaobiaozhun': { fiscal: '854万854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)' },
};

describe.each(SLUGS)('%s as .docx', (slug) => {
  let tables: TableInput[];
  let skipped: string[];
  beforeAll(async () => {
    ({ tables, skipped } = await importDocx(await fixtureDocx(source(slug))));
  });

  test('imports exactly what the workbook reading of the same table gives', () => {
    expect(tables).toEqual(xlsxTables(slug));
  });

  test('reads what a careful human reads (expected.json): names, codes, departments, amounts in 万元, goals, indicators', () => {
    const want = expected(slug);
    expect(tables.map((t) => ({
      name: t.name.trim(),
      code: t.code === '' ? null : t.code,
      department: t.department,
      budget: { total: amount(t.budget.total), fiscal: amount(t.budget.fiscal), other: amount(t.budget.other) },
      goals: t.goals.length,
      indicators: t.indicators.length,
    }))).toEqual(want.map((e, i) => ({
      name: e.name,
      code: e.code,
      department: e.department,
      budget: {
        total: e.budget.total,
        fiscal: READ_DIFFERENTLY[slug]?.fiscal ?? e.budget.fiscal,
        // A blank 其他资金 is 0 to the rules; the expected files write "not stated" or "0".
        other: e.budget.other === '0' && tables[i].budget.other === '' ? null : e.budget.other,
      },
      goals: e.goals,
      indicators: e.indicators,
    })));
  });

  test('a section that is no target table is named, and only then', () => {
    // 秀屿区's page starts with 附件1, the allocation table (no indicators) before the target table.
    expect(skipped).toEqual(slug === 'fujian-xiuyu-2025-shuili' ? ['绩效目标表'] : []);
  });
});

describe('hunan-nanyue-2018-fupin.docx (committed)', () => {
  const SLUG = 'hunan-nanyue-2018-fupin';
  const DOCX = path.join(DIR, `${SLUG}.docx`);
  const documentXml = async (bytes: Uint8Array) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');

  test('is what the generator writes from the fixture (UPDATE_FIXTURES=1 rewrites it)', async () => {
    const bytes = await fixtureDocx(source(SLUG));
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(DOCX, bytes);
    expect(await documentXml(readFileSync(DOCX))).toBe(await documentXml(bytes));
  });

  test('its Word tables read back to the published rows: title paragraphs, values, spans and vertical merges', async () => {
    const byPosition = (a: { top: number; left: number }, b: { top: number; left: number }) => a.top - b.top || a.left - b.left;
    const blocks = await readDocxBlocks(readFileSync(DOCX));
    const want = fixtureBlocks(source(SLUG));
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph', 'table']);
    blocks.forEach((b, i) => {
      const w = want[i];
      if (b.kind === 'paragraph' && w.kind === 'paragraph') expect(b.text).toBe(w.text);
      else if (b.kind === 'table' && w.kind === 'table') {
        expect(b.grid.values).toEqual(w.values.map((row) => row.map((v) => (v === null || String(v).trim() === '' ? null : v))));
        expect([...b.grid.merges!].sort(byPosition)).toEqual(w.merges.filter((m) => m.bottom > m.top || m.right > m.left).sort(byPosition));
      } else throw new Error(`block ${i}: ${b.kind}, expected ${w.kind}`);
    });
  });

  test('imports both 申报表 — neither has a 项目编码 — with their amounts, goals and every indicator', async () => {
    const doc = await importDocx(readFileSync(DOCX));
    expect(doc.skipped).toEqual([]);
    expect(doc.tables.map((t) => [t.title, t.name, t.code, t.department, t.budget, t.goals.length, t.indicators.length])).toEqual([
      ['绩效目标申报表', '2018年南岳镇资产收益扶贫项目', '', '南岳镇人民政府', { total: '214.06', fiscal: '214.06', other: '0.00' }, 1, 11],
      ['绩效目标申报表', '2018年市级专项扶贫资金基础设施(人大代表扶贫基地)', '', '南岳镇政府', { total: '10.00', fiscal: '10.00', other: '0.00' }, 1, 16],
    ]);
    expect(doc.tables[1].indicators[0]).toEqual({
      level1: '产出指标', level2: '数量指标', level3: '贫困地区旅游基础设施建设工程', description: '', value: '>=20平方米', basis: '',
    });
    expect(doc.tables[1].indicators[15]).toEqual({
      level1: '满意度指标', level2: '服务对象满意度指标', level3: '游客满意度(≥**%)', description: '', value: '>=90%', basis: '',
    });
  });
});
