/**
 * Import of a published .docx (issue 10): the seed document written as the .docx it was saved
 * from reads to exactly the tables of the .txt and .json imports, 第一部分 included; bad files
 * are told apart (a .doc, a password-protected file, a corrupt one, a document without tables).
 */
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { tablesFrom } from '../../src/cli/newWorkbook';
import { tableToInput } from '../../src/core/layout/input';
import { readTargetTable } from '../../src/core/layout/reader';
import { writeTargetTable } from '../../src/core/layout/writer';
import { TableInput } from '../../src/core/model';
import { DocxError, importDocx, readDocxBlocks } from '../../src/docx';
import { FIXTURES, SEED_TXT_PATH, seedTables, seedText } from '../support/seed';
import { seedDocx } from '../support/seedDocx';
import { sheetToGrid } from '../../src/core/sheet';
import { titleName } from '../../src/core/layout/reader';

export const SEED_DOCX_PATH = path.join(FIXTURES, 'xinzhai-2022-targets.docx');

const documentXml = async (bytes: Uint8Array) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');

/** A table as it reads back once written to a sheet, without its title (the JSON has none). */
const asWritten = (t: TableInput) => {
  const read = tableToInput(readTargetTable(sheetToGrid(writeTargetTable(t)), 'x')!);
  return { ...read, title: titleName(read.title ?? '') };
};

describe('the seed document as .docx', () => {
  test('the committed fixture is what the generator writes from the seed text (UPDATE_FIXTURES=1 rewrites it)', async () => {
    const bytes = await seedDocx(seedText());
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(SEED_DOCX_PATH, bytes);
    expect(await documentXml(readFileSync(SEED_DOCX_PATH))).toBe(await documentXml(bytes));
  });

  test('its ten tables are exactly the .txt import', async () => {
    const docx = await importDocx(readFileSync(SEED_DOCX_PATH));
    const txt = tablesFrom(SEED_TXT_PATH, seedText());
    if (!txt.ok) throw new Error(txt.message);
    expect(docx.skipped).toEqual([]);
    expect(docx.tables).toHaveLength(10);
    expect(docx.tables).toEqual(txt.tables);
    expect(docx.tables[0].title).toBe('1.2022年人大之家工作经费绩效目标表');
    expect(docx.tables[0].budget).toEqual({ total: '2.00', fiscal: '2.00', other: '' });
  });

  test('and the .json import, once written to sheets', async () => {
    const docx = await importDocx(readFileSync(SEED_DOCX_PATH));
    expect(docx.tables.map(asWritten)).toEqual(seedTables().map(asWritten));
  });

  test('第一部分 is kept: the overall goal, five numbered 分项 goals and two measures', async () => {
    const { department } = await importDocx(readFileSync(SEED_DOCX_PATH));
    expect(department!.department).toBe('802008乐亭县新寨镇人民政府');
    expect(department!.overallGoal).toMatch(/^2022年，坚持以习近平新时代中国特色社会主义思想为指导.*奋力开创美丽乡村建设新局面。$/);
    expect(department!.goals.map((g) => g.number)).toEqual(['一', '二', '三', '四', '五']);
    expect(department!.goals[1].text).toMatch(/^推进乡村振兴战略。/);
    expect(department!.measures.map((g) => g.number)).toEqual(['一', '二']);
    expect(department!.measures[1].text).toMatch(/^全面加强党的建设。/);
  });
});

describe('Word table XML to a grid', () => {
  test('gridSpan spans columns and vMerge runs a cell down, the cells under it blank', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>1.</w:t></w:r><w:r><w:t xml:space="preserve">X 项目绩效目标表</w:t></w:r></w:p>
<w:tbl>
<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>预算规模</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>c&amp;d</w:t></w:r></w:p><w:p><w:r><w:t>e</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve"> 2.00 </w:t></w:r></w:p></w:tc></w:tr>
</w:tbl></w:body></w:document>`);
    const blocks = await readDocxBlocks(await zip.generateAsync({ type: 'uint8array' }));
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: '1.X 项目绩效目标表' });
    expect(blocks[1]).toEqual({
      kind: 'table',
      grid: {
        values: [['预算规模', 'a\nb', null], [null, 'c&d\ne', ' 2.00 ']],
        merges: [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 0, right: 2 }],
      },
    });
  });
});

describe('files that are not a readable .docx', () => {
  const problem = async (bytes: Uint8Array) => {
    try {
      await importDocx(bytes);
    } catch (e) {
      return e instanceof DocxError ? e.problem : `other: ${String(e)}`;
    }
    return 'none';
  };
  const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const utf16 = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);

  test('a Word 97–2003 .doc', async () => {
    expect(await problem(new Uint8Array([...OLE, ...new Array(512).fill(0), ...utf16('WordDocument')]))).toBe('doc');
  });
  test('a password-protected .docx (an encrypted OLE package)', async () => {
    expect(await problem(new Uint8Array([...OLE, ...new Array(512).fill(0), ...utf16('EncryptedPackage')]))).toBe('encrypted');
  });
  test('a corrupt file: a cut zip, or text', async () => {
    const whole = readFileSync(SEED_DOCX_PATH);
    expect(await problem(whole.subarray(0, 2000))).toBe('notDocx');
    expect(await problem(new TextEncoder().encode('hello'))).toBe('notDocx');
  });
  test('a zip that is no Word document (a workbook)', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    expect(await problem(await zip.generateAsync({ type: 'uint8array' }))).toBe('noDocument');
  });
  test('a document without tables imports nothing and says so', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>只有文字</w:t></w:r></w:p></w:body></w:document>');
    const r = await importDocx(await zip.generateAsync({ type: 'uint8array' }));
    expect(r).toEqual({ tables: [], skipped: [], hasTables: false });
  });
});
