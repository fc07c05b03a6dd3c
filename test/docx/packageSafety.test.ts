/**
 * The .docx adapter's own XML and zip handling (saxes and fflate): the text of character data
 * in every form XML allows, a document type declaration refused (no entity is ever declared or
 * expanded), a zip whose directory gives the main part an impossible size refused before any
 * room is taken for it, and the zip entry times of an export at a fixed date (in any time zone: see
 * the SOURCE_DATE_EPOCH test of test/cli/docx.test.ts, run in Asia/Shanghai).
 */
import JSZip from 'jszip';
import { DocxError, exportDocx, readDocxBlocks } from '../../src/docx';
import { seedTables } from '../support/seed';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (xml: string, compression: 'STORE' | 'DEFLATE' = 'DEFLATE') => {
  const zip = new JSZip();
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'uint8array', compression });
};
const body = (inner: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${inner}</w:body></w:document>`;
const problem = async (bytes: Uint8Array) => {
  try {
    await readDocxBlocks(bytes);
  } catch (e) {
    return e instanceof DocxError ? e.problem : `other: ${String(e)}`;
  }
  return 'none';
};

describe('character data of a paragraph', () => {
  test('character references, the predefined entities, CDATA and text around comments and processing instructions', async () => {
    const xml = body(
      '<w:p><w:r><w:t>&#x9884;&#31639;&amp;&lt;&gt;&quot;&apos;</w:t></w:r><!-- a comment --><w:r><w:t><![CDATA[<规模>]]>万<?x y?>元</w:t></w:r></w:p>',
    );
    expect(await readDocxBlocks(await docx(xml))).toEqual([{ kind: 'paragraph', text: '预算&<>"\'<规模>万元' }]);
  });

  test('spaces inside a run are kept as written', async () => {
    const xml = body('<w:p><w:r><w:t xml:space="preserve">  1.00 </w:t></w:r></w:p>');
    expect(await readDocxBlocks(await docx(xml))).toEqual([{ kind: 'paragraph', text: '  1.00 ' }]);
  });

  test('a byte order mark before the declaration is no text', async () => {
    const xml = `\ufeff${body('<w:p><w:r><w:t>甲</w:t></w:r></w:p>')}`;
    expect(await readDocxBlocks(await docx(xml))).toEqual([{ kind: 'paragraph', text: '甲' }]);
  });
});

describe('XML a Word document never holds is refused (notDocx)', () => {
  test('a document type declaring entities ("billion laughs") is refused, nothing expanded', async () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<w:document ${W}><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>`;
    expect(await problem(await docx(laughs))).toBe('notDocx');
  });

  test('even a document type declaring nothing', async () => {
    expect(await problem(await docx(`<!DOCTYPE w:document>${body('<w:p/>')}`))).toBe('notDocx');
  });

  test('an entity XML does not define, and malformed XML', async () => {
    expect(await problem(await docx(body('<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>')))).toBe('notDocx');
    expect(await problem(await docx(body('<w:p><w:r><w:t>未闭合</w:r></w:p>')))).toBe('notDocx');
  });
});

describe('a zip whose directory misstates the main part', () => {
  /** The zip with the uncompressed size its central directory gives word/document.xml replaced. */
  const withDeclaredSize = (zip: Uint8Array, size: number) => {
    const out = zip.slice();
    const view = new DataView(out.buffer);
    for (let i = 0; i + 46 <= out.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
    return out;
  };
  const xml = body('<w:p><w:r><w:t>甲</w:t></w:r></w:p>');

  test('as inflating to gigabytes: refused before any room is taken for it', async () => {
    expect(await problem(withDeclaredSize(await docx(xml), 0xfffffff0))).toBe('notDocx');
  });

  test('as larger or smaller than it is', async () => {
    const stored = await docx(xml, 'STORE');
    const length = new TextEncoder().encode(xml).length;
    expect(await problem(withDeclaredSize(stored, length))).toBe('none');
    expect(await problem(withDeclaredSize(stored, length + 10))).toBe('notDocx');
    expect(await problem(withDeclaredSize(stored, length - 10))).toBe('notDocx');
  });
});

describe('export at a fixed date', () => {
  const entryDates = async (bytes: Uint8Array) => {
    const zip = await JSZip.loadAsync(bytes);
    return { dates: new Set(Object.values(zip.files).map((f) => f.date.toISOString())), core: await zip.file('docProps/core.xml')!.async('string') };
  };

  test('a date before 1980 (SOURCE_DATE_EPOCH=0) stays in core.xml; zip entries, which cannot hold it, say 1980-01-01', async () => {
    const { dates, core } = await entryDates(await exportDocx(seedTables().slice(0, 1), undefined, { date: new Date(0) }));
    expect(dates).toEqual(new Set(['1980-01-01T00:00:00.000Z']));
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">1970-01-01T00:00:00.000Z</dcterms:created>');
  });
});
