/**
 * The pieces under the summary package writer: the XML outline (positions from a real
 * parser), text escaping for SpreadsheetML, the styles part edit, and workbooks written with
 * unusual prefixes, encodings and missing lists.
 */
import JSZip from 'jszip';
import { parseXmlOutline, splice, xstring, decodePart, prefixOf } from '../../src/xlsx/xmlOutline';
import { addCellStyles, EMPTY_STYLESHEET } from '../../src/xlsx/stylesPart';
import { PackageError, openWorkbookPackage, readPart, writeSummaryPackage } from '../../src/xlsx/summaryPackage';
import { sheetWrite } from '../support/sheetWrite';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('the XML outline', () => {
  it('gives the offsets of every tag, whatever the prefixes, spacing and self-closing forms', () => {
    const xml = '<?xml version="1.0"?>\n<x:a xmlns:x="u" xmlns:q="rr"><x:b  q:id="1" /><x:c>t&amp;😀</x:c ></x:a>';
    const a = parseXmlOutline(xml);
    const [b, c] = a.children;
    expect(xml.slice(a.start, a.openEnd)).toBe('<x:a xmlns:x="u" xmlns:q="rr">');
    expect(xml.slice(b.start, b.end)).toBe('<x:b  q:id="1" />');
    expect(b).toMatchObject({ selfClosing: true, closeStart: b.end, local: 'b', uri: 'u' });
    expect(xml.slice(c.closeStart, c.end)).toBe('</x:c >');
    expect(c.text).toBe('t&😀');
    expect(b.attributes).toEqual([{ uri: 'rr', local: 'id', value: '1' }]);
    expect(prefixOf(b, 'rr')).toBe('q');
    expect(prefixOf(b, 'nowhere')).toBeUndefined();
  });

  it('refuses malformed XML and documents declaring their own entities', () => {
    expect(() => parseXmlOutline('<a><b></a>')).toThrow();
    expect(() => parseXmlOutline('<!DOCTYPE a [<!ENTITY x "xxxxxxxx">]><a>&x;</a>')).toThrow();
  });

  it('splices inserts before a replacement at the same offset', () => {
    expect(splice('abcdef', [{ at: 2, remove: 2, text: 'X' }, { at: 2, text: 'i' }, { at: 6, text: '!' }])).toBe('abiXef!');
    expect(() => splice('abcdef', [{ at: 1, remove: 3, text: '' }, { at: 2, text: 'x' }])).toThrow();
  });

  it('escapes text as Excel does: entities, control characters as _xHHHH_, a literal _xHHHH_ kept literal', () => {
    expect(xstring('a<b & "c"')).toBe('a&lt;b &amp; "c"');
    expect(xstring('bell\u0007 tab\t nl\n')).toBe('bell_x0007_ tab\t nl\n');
    expect(xstring('_x0041_')).toBe('_x005F_x0041_');
    expect(xstring('😀 עברית العربية')).toBe('😀 עברית العربية');
    expect(xstring('lone \ud800 surrogate')).toBe('lone _xD800_ surrogate');
  });

  it('reads UTF-8 with or without a byte-order mark and UTF-16 both ways, and writes each back the same way', () => {
    const text = '<a>汇总 😀</a>';
    for (const bytes of [
      Buffer.from(text, 'utf8'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    ]) {
      const part = decodePart(bytes);
      expect(part.text).toBe(text);
      expect(part.encode(part.text).equals(bytes)).toBe(true);
    }
    expect(() => decodePart(Buffer.from([0x3c, 0x61, 0xff, 0x3e]))).toThrow();
  });
});

describe('adding cell styles', () => {
  it('builds a whole stylesheet when there is none, with index 0 the default', () => {
    const { xml, index } = addCellStyles(EMPTY_STYLESHEET, [{ bold: true, border: true, numFmt: '0.000' }, {}]);
    const items = (local: string) => parseXmlOutline(xml).children.find((c) => c.local === local)!.children.length;
    expect([items('numFmts'), items('fonts'), items('fills'), items('borders'), items('cellStyleXfs'), items('cellXfs')]).toEqual([1, 2, 2, 2, 1, 2]);
    expect(index({ bold: true, border: true, numFmt: '0.000' })).toBe(1);
    expect(index({})).toBe(0);
    expect(xml).toContain('<numFmt numFmtId="164" formatCode="0.000"/>');
  });

  it('writes into a prefixed stylesheet with the prefix, and reuses what an earlier run added', () => {
    const input = `<x:styleSheet xmlns:x="${MAIN}"><x:fonts count="1"><x:font><x:sz val="12"/><x:name val="宋体"/></x:font></x:fonts><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellXfs></x:styleSheet>`;
    const first = addCellStyles(input, [{ bold: true }, { link: true, border: true }]);
    expect(first.xml).toContain('<x:fonts count="3"><x:font><x:sz val="12"/><x:name val="宋体"/></x:font><x:font><x:b/><x:sz val="12"/><x:name val="宋体"/></x:font>');
    expect(first.xml).toContain('<x:fills count="2">');
    expect(first.xml.indexOf('<x:fills')).toBeGreaterThan(first.xml.indexOf('</x:fonts>'));
    expect(first.xml.indexOf('<x:borders')).toBeLessThan(first.xml.indexOf('<x:cellXfs'));
    const second = addCellStyles(first.xml, [{ bold: true }, { link: true, border: true }]);
    expect(second.xml).toBe(first.xml);
    expect(second.index({ link: true, border: true })).toBe(first.index({ link: true, border: true }));
  });
});

describe('the summary package on unusual workbooks', () => {
  async function pkg(files: Record<string, string>): Promise<Buffer> {
    const zip = new JSZip();
    for (const [name, text] of Object.entries(files)) zip.file(name, text);
    return zip.generateAsync({ type: 'nodebuffer' });
  }
  const base = (workbook: string) => ({
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>',
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="/wb/book.xml"/></Relationships>`,
    'wb/book.xml': workbook,
    'wb/_rels/book.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="${R}/worksheet" Target="sheets/one.xml"/><Relationship Id="x" Type="${R}/externalLink" Target="ext.xml"/></Relationships>`,
    'wb/sheets/one.xml': `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`,
  });
  const summary = sheetWrite({ values: [['汇总', 1]], bold: [{ top: 0, left: 0, bottom: 0, right: 0 }] });

  it('follows the package: a workbook part elsewhere, x: prefixes, another prefix for relationships, definedNames placed after externalReferences', async () => {
    const workbook = `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${R}"><x:sheets><x:sheet name="一" sheetId="4" rel:id="s1"/></x:sheets><x:externalReferences><x:externalReference rel:id="x"/></x:externalReferences><x:calcPr/></x:workbook>`;
    const opened = await openWorkbookPackage(await pkg(base(workbook)));
    expect(opened.sheets).toEqual([{ name: '一', kind: 'worksheet', part: 'wb/sheets/one.xml', hasRelationships: false }]);
    const out = await JSZip.loadAsync(await writeSummaryPackage(opened, { sheet: summary, name: '汇总', replace: false }));
    const book = await out.file('wb/book.xml')!.async('string');
    expect(book).toBe(workbook
      .replace('</x:sheets>', '<x:sheet name="汇总" sheetId="5" rel:id="rId2"/></x:sheets>')
      .replace('</x:externalReferences>', `</x:externalReferences><x:definedNames><x:definedName name="BudgetTargetsSummary">'汇总'!$A$1</x:definedName></x:definedNames>`));
    expect(await out.file('wb/_rels/book.xml.rels')!.async('string')).toContain(
      `<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/>`,
    );
    expect(Object.keys(out.files).filter((f) => !out.files[f].dir)).toEqual(expect.arrayContaining(['wb/styles.xml', 'wb/worksheets/sheet2.xml']));
    const types = await out.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('<Override PartName="/wb/styles.xml"');
    expect(types).toContain('<Override PartName="/wb/worksheets/sheet2.xml"');
  });

  it('declares the relationships prefix on the new sheet when the workbook binds none', async () => {
    const workbook = `<workbook xmlns="${MAIN}"><sheets><sheet name="一" sheetId="1" xmlns:r="${R}" r:id="s1"/></sheets></workbook>`;
    const out = await JSZip.loadAsync(await writeSummaryPackage(await openWorkbookPackage(await pkg(base(workbook))), { sheet: summary, name: '汇总', replace: false }));
    expect(await out.file('wb/book.xml')!.async('string')).toContain(`<sheet name="汇总" sheetId="2" xmlns:r="${R}" r:id="rId2"/></sheets><definedNames>`);
  });

  it('says in words when the package is damaged', async () => {
    const noWorkbook = base('');
    delete (noWorkbook as Partial<typeof noWorkbook>)['wb/book.xml'];
    await expect(openWorkbookPackage(await pkg(noWorkbook))).rejects.toThrow('文件已损坏：找不到 workbook.xml');
    await expect(openWorkbookPackage(await pkg(base('<workbook><sheets>')))).rejects.toThrow('wb/book.xml 不是有效的 XML');
    await expect(openWorkbookPackage(Buffer.from('PK not a zip'))).rejects.toBeInstanceOf(PackageError);
  });

  it('stops inflating a part past its limit', async () => {
    const zip = await JSZip.loadAsync(await pkg({ 'big.xml': ' '.repeat(1 << 20) }));
    await expect(readPart(zip.files['big.xml'], 64 * 1024)).rejects.toThrow('过大');
    expect((await readPart(zip.files['big.xml'])).length).toBe(1 << 20);
  });
});
