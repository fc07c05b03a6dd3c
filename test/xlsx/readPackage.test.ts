/**
 * The package reader (src/xlsx/readPackage.ts): the same grids as ExcelJS's loaded cells, its
 * caps checked while inflating, merges kept as ranges, and every sheet it cannot read named.
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { deflateRawSync } from 'zlib';
import {
  DEFAULT_LIMITS, ReadLimits, WorkbookReadError, applySheetWrite, loadWorkbook, readInputFile, readWorkbookBytes, workbookBuffer,
  workbookGrids,
} from '../../src/xlsx';
import { writeTargetTable } from '../../src/core/layout/writer';
import { ZipPart, deflatedBomb, unzipParts, writeZip } from '../fuzz/hostile';
import { seedTables } from '../support/seed';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'xinzhai-2022.xlsx');
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal package: workbook, its rels, the given sheets (name → sheetData XML) and extra parts. */
function pkg(sheets: [string, string][], extra: ZipPart[] = [], opts: { sharedStrings?: string; mergeCells?: string[]; wholeSheet?: boolean } = {}): Buffer {
  const t = (s: string) => Buffer.from(s, 'utf8');
  const parts: ZipPart[] = [
    { name: '_rels/.rels', data: t(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: 'xl/workbook.xml', data: t(`<workbook ${NS}><sheets>${sheets.map(([n], i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: t(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`) },
    // The sheets' cells (or, with `wholeSheet`, everything inside <worksheet>).
    ...sheets.map(([, data], i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: t(opts.wholeSheet ? `<worksheet ${NS}>${data}</worksheet>` : `<worksheet ${NS}><sheetData>${data}</sheetData>${opts.mergeCells ? `<mergeCells>${opts.mergeCells.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : ''}</worksheet>`),
    })),
    ...extra,
  ];
  if (opts.sharedStrings !== undefined) parts.push({ name: 'xl/sharedStrings.xml', data: t(`<sst ${NS}>${opts.sharedStrings}</sst>`) });
  return writeZip(parts);
}

const limits = (over: Partial<ReadLimits>): ReadLimits => ({ ...DEFAULT_LIMITS, ...over });
const refused = (f: () => unknown): WorkbookReadError => {
  try {
    f();
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('readWorkbookBytes: the same grids as ExcelJS', () => {
  it('on the example workbook and on the seed written by the writer, with every cell type', async () => {
    const wb = new ExcelJS.Workbook();
    seedTables().forEach((t, i) => applySheetWrite(wb.addWorksheet(`表${i}`), writeTargetTable(t)));
    const ws = wb.addWorksheet('杂项');
    ws.getCell('A1').value = { richText: [{ text: '项目' }, { text: '编码' }] };
    ws.getCell('B1').value = new Date(Date.UTC(2022, 11, 31, 9, 30));
    ws.getCell('C1').value = { formula: 'A2*2', result: 4 } as ExcelJS.CellFormulaValue;
    ws.getCell('D1').value = { formula: 'X', result: { error: '#REF!' } } as ExcelJS.CellFormulaValue;
    ws.getCell('E1').value = false;
    ws.getCell('F1').value = 'a_x0007_b';
    ws.getCell('A2').value = 2;
    ws.getCell('G3').numFmt = '0.00%';
    ws.mergeCells('B4:D6');
    ws.state = 'hidden';
    for (const bytes of [await workbookBuffer(wb), readFileSync(EXAMPLE)]) {
      const expected = workbookGrids(await loadWorkbook(bytes, { readOnly: true }));
      expect(readWorkbookBytes(bytes)).toEqual({ ...expected, unreadable: [] });
    }
  });

  it('reads inline strings and rich shared strings, phonetic runs left out', () => {
    const bytes = pkg([['S', '<row r="2"><c r="B2" t="inlineStr"><is><t>项目</t><rPh><t>xiang</t></rPh></is></c><c r="C2" t="s"><v>0</v></c></row>']], [], {
      sharedStrings: '<si><r><t>预算</t></r><r><t>数</t></r><rPh><t>yu</t></rPh></si>',
    });
    expect(readWorkbookBytes(bytes).sheets[0].grid.values).toEqual([[], [null, '项目', '预算数']]);
  });

  it('marks the summary sheet named by BudgetTargetsSummary, when it exists', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("It's 汇总");
    wb.addWorksheet('P');
    wb.definedNames.model = [{ name: 'BudgetTargetsSummary', ranges: ["'It''s 汇总'!$A$1"] }] as never;
    expect(readWorkbookBytes(await workbookBuffer(wb)).summarySheet).toBe("It's 汇总");
  });
});

describe('readWorkbookBytes: merged areas are ranges', () => {
  it('keeps a merge over the whole sheet as one range and blanks only the used area', () => {
    const bytes = pkg([['S', '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row>']], [], {
      mergeCells: ['A1:XFD1048576'],
    });
    const { grid } = readWorkbookBytes(bytes).sheets[0];
    expect(grid.values).toEqual([[1, null], [null, null]]);
    expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }]);
  });

  it('ignores a merged area that names row 0 (A0:B1), and still reads the sheet and the others', () => {
    const bytes = pkg([['S', '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>'], ['T', '<row r="1"><c r="A1"><v>3</v></c></row>']], [], {
      mergeCells: ['A0:B1', 'B1:A0', 'A1:B1'],
    });
    const read = readWorkbookBytes(bytes);
    expect(read.unreadable).toEqual([]);
    expect(read.sheets[0].grid).toEqual({ values: [[1, null]], merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] });
    expect(read.sheets[1].grid.values).toEqual([[3]]);
  });

  it('refuses more merged areas than the cap, in words', () => {
    const e = refused(() => readWorkbookBytes(pkg([['S', '<row r="1"><c r="A1"><v>1</v></c></row>']], [], { mergeCells: ['A1:B1', 'A2:B2', 'A3:B3'] }), limits({ maxMerges: 2 })));
    expect([e.kind, e.detail]).toEqual(['too-large', 'maxMerges']);
  });
});

describe('readWorkbookBytes: a part is read only as far as the core needs it', () => {
  const read = (xml: string) => readWorkbookBytes(pkg([['S', xml]], [], { wholeSheet: true }));
  const cells = '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData>';

  it('ends a worksheet after its merged areas: what follows (validations, formats, page set-up) is not parsed', () => {
    // Broken past </mergeCells>, where nothing is read: the sheet still reads whole.
    const r = read(`${cells}<mergeCells><mergeCell ref="A1:B1"/></mergeCells><dataValidations><broken`);
    expect(r.unreadable).toEqual([]);
    expect(r.sheets[0].grid).toEqual({ values: [[1, null]], merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] });
  });

  it('reads merged areas written out of the schema order, before the cells or after the validations', () => {
    const before = read(`<mergeCells><mergeCell ref="A1:B1"/></mergeCells>${cells}`);
    expect(before.sheets[0].grid).toEqual({ values: [[1, null]], merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] });
    const after = read(`${cells}<dataValidations count="0"/><mergeCells><mergeCell ref="A1:B1"/></mergeCells>`);
    expect(after.sheets[0].grid).toEqual(before.sheets[0].grid);
  });

  it('still names a worksheet broken before the end of its merged areas, and one without them broken anywhere', () => {
    expect(read(`${cells}<mergeCells><mergeCell ref="A1:B1"/><broken</mergeCells>`).unreadable).toEqual([{ sheet: 'S', problem: 'corrupt', part: 'xl/worksheets/sheet1.xml' }]);
    expect(read(`${cells}<dataValidations><broken`).unreadable).toEqual([{ sheet: 'S', problem: 'corrupt', part: 'xl/worksheets/sheet1.xml' }]);
  });

  it('ends the styles after the cell formats: the conditional formats\' dxfs that follow are not parsed', () => {
    const styles = (tail: string): ZipPart => ({
      name: 'xl/styles.xml',
      data: Buffer.from(`<styleSheet ${NS}><numFmts><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>${tail}</styleSheet>`, 'utf8'),
    });
    const withStyles = (tail: string) => {
      const bytes = pkg([['S', '<row r="1"><c r="A1" s="1"><v>0.5</v></c></row>']], [styles(tail)]);
      return readWorkbookBytes(bytes).sheets[0].grid;
    };
    expect(withStyles('<dxfs count="1"><dxf><broken').formats).toEqual([['0.0%']]);
  });
});

describe('readWorkbookBytes: caps checked while inflating', () => {
  const parts = unzipParts(EXAMPLE);
  const withBomb = (name: string, bomb: ReturnType<typeof deflatedBomb>) =>
    writeZip(parts.map((p) => (p.name === name ? { name, data: new Uint8Array(), deflated: bomb } : p)));

  it('stops a part past the per-part cap', () => {
    const bomb = deflatedBomb('<worksheet><sheetData>', '<row/>', 8 << 20, '</sheetData></worksheet>');
    expect(bomb.bytes.length).toBeLessThan(100_000);
    const e = refused(() => readWorkbookBytes(withBomb('xl/worksheets/sheet1.xml', bomb), limits({ maxPartBytes: 4 << 20 })));
    expect([e.kind, e.detail]).toEqual(['too-large', 'maxPartBytes']);
  });

  it('stops the parts past the total cap', () => {
    const bomb = deflatedBomb('<worksheet><sheetData>', '<x/>', 2 << 20, '</sheetData></worksheet>');
    const bytes = writeZip(parts.map((p) => (/sheet[1-4]\.xml$/.test(p.name) ? { name: p.name, data: new Uint8Array(), deflated: bomb } : p)));
    const e = refused(() => readWorkbookBytes(bytes, limits({ maxTotalBytes: 5 << 20 })));
    expect([e.kind, e.detail]).toEqual(['too-large', 'maxTotalBytes']);
  });

  it('stops a run of text without tags long before it is whole', () => {
    const e = refused(() => readWorkbookBytes(withBomb('xl/worksheets/sheet1.xml', deflatedBomb('<worksheet><sheetData>', ' ', 4 << 20, '</sheetData></worksheet>'))));
    expect([e.kind, e.detail]).toEqual(['too-large', 'maxTextRun']);
  });

  it('stops at the cell cap, the file cap and the entry cap', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join('');
    expect(refused(() => readWorkbookBytes(pkg([['S', rows]]), limits({ maxCells: 40 }))).detail).toBe('maxCells');
    expect(refused(() => readWorkbookBytes(pkg([['S', rows]]), limits({ maxFileBytes: 100 }))).detail).toBe('maxFileBytes');
    expect(refused(() => readWorkbookBytes(pkg([['S', rows]]), limits({ maxEntries: 2 }))).detail).toBe('maxEntries');
  });
});

describe('readWorkbookBytes: what cannot be read, said by kind', () => {
  const parts = unzipParts(EXAMPLE);
  const kind = (bytes: Buffer) => refused(() => readWorkbookBytes(bytes)).kind;

  it('tells encrypted workbooks, legacy .xls, non-zips, broken XML and duplicate entries apart', () => {
    const cfb = Buffer.alloc(2048);
    cfb.writeUInt32LE(0xe011cfd0, 0);
    cfb.writeUInt32LE(0xe11ab1a1, 4);
    expect(kind(cfb)).toBe('legacy-xls');
    cfb.write('EncryptedPackage', 1024, 'utf16le');
    expect(kind(cfb)).toBe('encrypted');
    expect(kind(Buffer.from('not a workbook'))).toBe('not-xlsx');
    expect(kind(writeZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]))).toBe('not-xlsx');
    expect(kind(writeZip([...parts, parts[3]]))).toBe('duplicate-entry');
    const broken = parts.map((p) => (p.name === 'xl/workbook.xml' ? { name: p.name, data: p.data.subarray(0, 200) } : p));
    expect(kind(writeZip(broken))).toBe('corrupt');
    expect(kind(pkg([]))).toBe('no-sheets');
  });

  it('names a sheet whose data inflates to another size than the zip states (damaged, as ExcelJS refuses it)', () => {
    const sheet = Buffer.from(`<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`, 'utf8');
    const bytes = pkg([['好', '<row r="1"><c r="A1"><v>1</v></c></row>'], ['坏', '']]);
    const lying = unzipPkg(bytes).map((p) => (p.name === 'xl/worksheets/sheet2.xml' ? { name: p.name, data: new Uint8Array(), deflated: { bytes: deflateRawSync(sheet), size: sheet.length + 1 } } : p));
    const read = readWorkbookBytes(writeZip(lying));
    expect(read.sheets.map((s) => s.name)).toEqual(['好']);
    expect(read.unreadable).toEqual([{ sheet: '坏', problem: 'corrupt', part: 'xl/worksheets/sheet2.xml' }]);
  });

  it('names every sheet whose relationship, part or XML is missing or wrong, and reads the others', () => {
    const bytes = pkg([
      ['好', '<row r="1"><c r="A1"><v>1</v></c></row>'],
      ['坏', '<row r="1"><c r="A1"><v>1</v></row>'],
      ['缺字', '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'],
    ]);
    const noSheet3 = writeZip(unzipPkg(bytes).filter((p) => p.name !== 'xl/worksheets/sheet1.xml'));
    expect(readWorkbookBytes(bytes).sheets.map((s) => s.name)).toEqual(['好']);
    expect(readWorkbookBytes(bytes).unreadable).toEqual([
      { sheet: '坏', problem: 'corrupt', part: 'xl/worksheets/sheet2.xml' },
      { sheet: '缺字', problem: 'missing-shared-strings', part: 'xl/worksheets/sheet3.xml' },
    ]);
    expect(readWorkbookBytes(noSheet3).unreadable[0]).toEqual({ sheet: '好', problem: 'missing-part', part: 'xl/worksheets/sheet1.xml' });
    const rels = (target: string) =>
      writeZip(unzipPkg(bytes).map((p) => (p.name === 'xl/_rels/workbook.xml.rels' ? { name: p.name, data: Buffer.from(Buffer.from(p.data).toString().replace('worksheets/sheet1.xml', target)) } : p)));
    expect(readWorkbookBytes(rels('../../../etc/passwd')).unreadable[0]).toEqual({ sheet: '好', problem: 'wrong-target' });
    expect(readWorkbookBytes(rels('sharedStrings.xml')).unreadable[0]).toMatchObject({ sheet: '好' });
    const noRel = writeZip(unzipPkg(bytes).map((p) => (p.name === 'xl/_rels/workbook.xml.rels' ? { name: p.name, data: Buffer.from(Buffer.from(p.data).toString().replace('Id="rId1"', 'Id="rId9"')) } : p)));
    expect(readWorkbookBytes(noRel).unreadable[0]).toEqual({ sheet: '好', problem: 'missing-relationship' });
  });

  it('refuses a part with a document type declaration (no entity of it is ever expanded) and reads the others', () => {
    const bytes = pkg([
      ['好', '<row r="1"><c r="A1"><v>1</v></c></row>'],
      ['实体', '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'],
    ]);
    const withDoctype = writeZip(
      unzipPkg(bytes).map((p) =>
        p.name === 'xl/worksheets/sheet2.xml'
          ? { name: p.name, data: Buffer.from(`<!DOCTYPE worksheet [<!ENTITY lol "lol">]>${Buffer.from(p.data).toString().replace('<t>x</t>', '<t>&lol;</t>')}`) }
          : p,
      ),
    );
    const read = readWorkbookBytes(withDoctype);
    expect(read.sheets.map((s) => s.name)).toEqual(['好']);
    expect(read.unreadable).toEqual([{ sheet: '实体', problem: 'corrupt', part: 'xl/worksheets/sheet2.xml' }]);
  });
});

function unzipPkg(bytes: Buffer): ZipPart[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'budget-targets-pkg-'));
  try {
    writeFileSync(path.join(dir, 'x.xlsx'), bytes);
    return unzipParts(path.join(dir, 'x.xlsx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('readInputFile: regular files only, with a cap', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'budget-targets-input-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a FIFO without a writer and a device at once, and a file past the cap', async () => {
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(readInputFile(fifo, 1000)).rejects.toMatchObject({ kind: 'not-a-file' });
    await expect(readInputFile('/dev/zero', 1000)).rejects.toMatchObject({ kind: 'not-a-file' });
    writeFileSync(path.join(dir, 'big'), Buffer.alloc(2000));
    await expect(readInputFile(path.join(dir, 'big'), 1000)).rejects.toMatchObject({ kind: 'too-large', detail: 'maxFileBytes' });
    expect((await readInputFile(path.join(dir, 'big'), 2000)).length).toBe(2000);
    await expect(readInputFile(dir, 1000)).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('gives the bytes exactly, a file of several megabytes too', async () => {
    const bytes = Buffer.from(Array.from({ length: 3 * (1 << 20) + 7 }, (_, i) => (i * 31 + (i >> 11)) & 0xff));
    writeFileSync(path.join(dir, 'several'), bytes);
    expect((await readInputFile(path.join(dir, 'several'), 4 << 20)).equals(bytes)).toBe(true);
    writeFileSync(path.join(dir, 'empty'), Buffer.alloc(0));
    expect((await readInputFile(path.join(dir, 'empty'), 1000)).length).toBe(0);
  });
});
