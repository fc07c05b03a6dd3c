/**
 * `summary` on one workbook adds one sheet part to the original package (issue 12 item 6):
 * every zip entry it does not have to touch comes out byte for byte, whatever the workbook
 * holds; and the summary mark can never make it overwrite a sheet that is not its own.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { checkFile } from '../../src/cli/check';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { readWorkbookGrids } from '../../src/xlsx';
import { markTarget } from '../../src/xlsx/summaryPackage';
import { XmlElement, parseXmlOutline } from '../../src/xlsx/xmlOutline';
import { Entries, differences, entriesOf, patch, runSummary, seedWorkbook, text, zipOf } from '../support/packages';

jest.setTimeout(60_000);

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const TOUCHED = ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml'];
const P3 = '2022年村级办公费';

const rels = (...items: [id: string, type: string, target: string][]) =>
  `${XML}<Relationships xmlns="${RELS}">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type.includes('/') ? type : `${R}/${type}`}" Target="${target}"/>`).join('')}</Relationships>`;
const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
const chart = (title: string) =>
  `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:title><c:tx><c:rich><a:p><a:r><a:t>${title}</a:t></a:r></a:p></c:rich></c:tx></c:title><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>`;
const drawing = `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="4000000" cy="3000000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`;
const T = 'application/vnd.openxmlformats-officedocument';

/**
 * The seed workbook plus everything the summary does not model: a chart sheet, an embedded
 * chart, a user sheet with comments, a pivot table and its cache, shared formulas without a
 * master, unusual cell types, emoji / RTL / control characters, custom XML, an unreferenced
 * stored binary, no docProps/app.xml, and a project sheet whose name needs quoting.
 */
async function richWorkbook(): Promise<Entries> {
  const e = await entriesOf(await seedWorkbook());
  // A chart sheet and an embedded chart on the first project sheet.
  e.set('xl/chartsheets/sheet1.xml', Buffer.from(`${XML}<chartsheet xmlns="${MAIN}" xmlns:r="${R}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`));
  e.set('xl/chartsheets/_rels/sheet1.xml.rels', Buffer.from(rels(['rId1', 'drawing', '../drawings/drawing2.xml'])));
  e.set('xl/drawings/drawing1.xml', Buffer.from(drawing));
  e.set('xl/drawings/drawing2.xml', Buffer.from(drawing));
  e.set('xl/drawings/_rels/drawing1.xml.rels', Buffer.from(rels(['rId1', 'chart', '../charts/chart1.xml'])));
  e.set('xl/drawings/_rels/drawing2.xml.rels', Buffer.from(rels(['rId1', 'chart', '../charts/chart2.xml'])));
  e.set('xl/charts/chart1.xml', Buffer.from(chart('嵌入图表')));
  e.set('xl/charts/chart2.xml', Buffer.from(chart('图表工作表')));
  patch(e, 'xl/worksheets/sheet1.xml', '</worksheet>', '<drawing r:id="rId1"/></worksheet>');
  e.set('xl/worksheets/_rels/sheet1.xml.rels', Buffer.from(rels(['rId1', 'drawing', '../drawings/drawing1.xml'])));

  // A user sheet: shared formulas without a master, odd cell types, text from every script, comments, a pivot table.
  e.set('xl/worksheets/sheet12.xml', Buffer.from(
    `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData>` +
    '<row r="1"><c r="A1" t="inlineStr"><is><t>备注 😀 עברית العربية _x0007_ bell</t></is></c><c r="B1" t="e"><v>#N/A</v></c>' +
    '<c r="C1" t="b"><v>1</v></c><c r="D1" t="d"><v>2022-03-01T00:00:00</v></c><c r="E1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>' +
    '<row r="2"><c r="A2"><f t="shared" si="7"/><v>3</v></c><c r="B2"><f t="shared" ref="B2:B3" si="8">A2*2</f><v>6</v></c>' +
    '<c r="B3"><f t="shared" si="8"/><v>0</v></c><c r="C2" t="inlineStr"><is><r><rPr><b/></rPr><t>rich</t></r><r><t xml:space="preserve"> text</t></r></is></c>' +
    '<c r="D2" t="n"><v>1E+300</v></c><c r="E2"><f t="array" ref="E2">SUM(A2:B2)</f><v>9</v></c></row>' +
    '</sheetData><legacyDrawing r:id="rId2"/></worksheet>'));
  e.set('xl/worksheets/_rels/sheet12.xml.rels', Buffer.from(rels(
    ['rId1', 'comments', '../comments1.xml'], ['rId2', 'vmlDrawing', '../drawings/vmlDrawing1.vml'], ['rId3', 'pivotTable', '../pivotTables/pivotTable1.xml'],
  )));
  e.set('xl/comments1.xml', Buffer.from(`${XML}<comments xmlns="${MAIN}"><authors><author>科长</author></authors><commentList><comment ref="A1" authorId="0"><text><r><t>请核对 ✔</t></r></text></comment></commentList></comments>`));
  e.set('xl/drawings/vmlDrawing1.vml', Buffer.from('<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="_x0000_s1025" type="#_x0000_t202"/></xml>'));
  e.set('xl/pivotTables/pivotTable1.xml', Buffer.from(`${XML}<pivotTableDefinition xmlns="${MAIN}" name="透视表1" cacheId="1" dataCaption="值"><location ref="G1:H3" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/></pivotTableDefinition>`));
  e.set('xl/pivotTables/_rels/pivotTable1.xml.rels', Buffer.from(rels(['rId1', 'pivotCacheDefinition', '../pivotCache/pivotCacheDefinition1.xml'])));
  e.set('xl/pivotCache/pivotCacheDefinition1.xml', Buffer.from(`${XML}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="备注"/></cacheSource><cacheFields count="0"/></pivotCacheDefinition>`));
  e.set('xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels', Buffer.from(rels(['rId1', 'pivotCacheRecords', 'pivotCacheRecords1.xml'])));
  e.set('xl/pivotCache/pivotCacheRecords1.xml', Buffer.from(`${XML}<pivotCacheRecords xmlns="${MAIN}" count="0"/>`));

  // Custom XML and a binary nobody references; no docProps/app.xml.
  e.set('customXml/item1.xml', Buffer.from('<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>'));
  e.set('customXml/_rels/item1.xml.rels', Buffer.from(rels(['rId1', 'customXmlProps', 'itemProps1.xml'])));
  e.set('customXml/itemProps1.xml', Buffer.from(`${XML}<ds:datastoreItem ds:itemID="{6E3A1C2B-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>`));
  e.set('extra/binary.dat', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  e.delete('docProps/app.xml');

  patch(e, 'xl/workbook.xml', '</sheets>', '<sheet name="图表" sheetId="11" r:id="rId90"/><sheet name="备注" sheetId="12" r:id="rId91"/></sheets>');
  patch(e, 'xl/workbook.xml', `name="${P3}"`, `name="It's 😀 办公费"`);
  patch(e, 'xl/workbook.xml', '</workbook>', '<pivotCaches><pivotCache cacheId="1" r:id="rId92"/></pivotCaches></workbook>');
  patch(e, 'xl/_rels/workbook.xml.rels', '</Relationships>',
    `<Relationship Id="rId90" Type="${R}/chartsheet" Target="chartsheets/sheet1.xml"/>` +
    `<Relationship Id="rId91" Type="${R}/worksheet" Target="worksheets/sheet12.xml"/>` +
    `<Relationship Id="rId92" Type="${R}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>`);
  patch(e, '[Content_Types].xml', '</Types>', [
    override('/xl/chartsheets/sheet1.xml', `${T}.spreadsheetml.chartsheet+xml`),
    override('/xl/worksheets/sheet12.xml', `${T}.spreadsheetml.worksheet+xml`),
    override('/xl/drawings/drawing1.xml', `${T}.drawing+xml`),
    override('/xl/drawings/drawing2.xml', `${T}.drawing+xml`),
    override('/xl/charts/chart1.xml', `${T}.drawingml.chart+xml`),
    override('/xl/charts/chart2.xml', `${T}.drawingml.chart+xml`),
    override('/xl/comments1.xml', `${T}.spreadsheetml.comments+xml`),
    override('/xl/pivotTables/pivotTable1.xml', `${T}.spreadsheetml.pivotTable+xml`),
    override('/xl/pivotCache/pivotCacheDefinition1.xml', `${T}.spreadsheetml.pivotCacheDefinition+xml`),
    override('/xl/pivotCache/pivotCacheRecords1.xml', `${T}.spreadsheetml.pivotCacheRecords+xml`),
    override('/customXml/itemProps1.xml', `${T}.customXmlProperties+xml`),
    '<Default Extension="dat" ContentType="application/octet-stream"/></Types>',
  ].join(''));
  return e;
}

/** The input's text of a part with the output's additions cut out again (`added` must each be found once). */
function without(xml: string, added: readonly string[]): string {
  let out = xml;
  for (const a of added) {
    expect(out.split(a)).toHaveLength(2);
    out = out.replace(a, '');
  }
  return out;
}

function sectionItems(xml: string): Map<string, string[]> {
  const root = parseXmlOutline(xml);
  return new Map(root.children.map((c: XmlElement) => [c.local, c.children.map((i) => xml.slice(i.start, i.end))]));
}

/** The cells of the summary sheet part: reference → { formula, cached value, text }. */
function cellsOf(sheetXml: string): Map<string, { f?: string; v?: string; t?: string }> {
  const cells = new Map<string, { f?: string; v?: string; t?: string }>();
  const root = parseXmlOutline(sheetXml);
  const data = root.children.find((c) => c.local === 'sheetData')!;
  for (const row of data.children) {
    for (const c of row.children) {
      const ref = c.attributes.find((a) => a.local === 'r')!.value;
      const f = c.children.find((x) => x.local === 'f')?.text;
      const v = c.children.find((x) => x.local === 'v')?.text;
      const t = c.children.find((x) => x.local === 'is')?.children.map((x) => x.text).join('');
      cells.set(ref, { f, v, t });
    }
  }
  return cells;
}

const summaryPart = (e: Entries, workbook = text(e, 'xl/workbook.xml')) => {
  const m = /<sheet name="([^"]*)" sheetId="\d+" r:id="(rId\d+)"\/><\/sheets>/.exec(workbook)!;
  const target = new RegExp(`Id="${m[2]}" Type="[^"]*/worksheet" Target="([^"]+)"`).exec(text(e, 'xl/_rels/workbook.xml.rels'))![1];
  return { name: m[1], part: `xl/${target}` };
};

describe('summary on a workbook full of parts it does not model', () => {
  let before: Entries;
  let after: Entries;
  let stdout: string;
  beforeAll(async () => {
    const input = await zipOf(await richWorkbook(), ['extra/binary.dat']);
    before = await entriesOf(input);
    const run = await runSummary(input);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    stdout = run.stdout;
    after = await entriesOf(run.out!);
  });

  it('leaves every entry but the four it must touch byte for byte, and adds one sheet part', () => {
    expect(differences(before, after)).toEqual({ changed: TOUCHED, added: ['xl/worksheets/sheet13.xml'], removed: [] });
    expect([...after.keys()].slice(0, before.size)).toEqual([...before.keys()]);
    expect(stdout).toContain('汇总表“汇总”，10 个项目');
  });

  it('changes workbook.xml, its relationships and the content types only by what it adds', () => {
    const sheet = '<sheet name="汇总" sheetId="13" r:id="rId93"/>';
    const mark = `<definedNames><definedName name="BudgetTargetsSummary">'汇总'!$A$1</definedName></definedNames>`;
    expect(text(after, 'xl/workbook.xml')).toContain(`${sheet}</sheets>${mark}<calcPr`);
    expect(without(text(after, 'xl/workbook.xml'), [sheet, mark])).toBe(text(before, 'xl/workbook.xml'));
    expect(without(text(after, 'xl/_rels/workbook.xml.rels'), [`<Relationship Id="rId93" Type="${R}/worksheet" Target="worksheets/sheet13.xml"/>`]))
      .toBe(text(before, 'xl/_rels/workbook.xml.rels'));
    expect(without(text(after, '[Content_Types].xml'), [override('/xl/worksheets/sheet13.xml', `${T}.spreadsheetml.worksheet+xml`)]))
      .toBe(text(before, '[Content_Types].xml'));
  });

  it('only appends to the styles: every earlier font, border and cell format keeps its index', () => {
    const was = sectionItems(text(before, 'xl/styles.xml'));
    const now = sectionItems(text(after, 'xl/styles.xml'));
    expect([...now.keys()]).toEqual([...was.keys()]);
    for (const [section, items] of was) {
      if (['fonts', 'borders', 'cellXfs'].includes(section)) expect(now.get(section)!.slice(0, items.length)).toEqual(items);
      else expect(now.get(section)).toEqual(items);
    }
    const fonts = now.get('fonts')!;
    expect(fonts.slice(was.get('fonts')!.length)).toEqual([
      `<font><b/>${was.get('fonts')![0].slice('<font>'.length)}`,
      '<font><u/><color rgb="FF0563C1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>',
    ]);
    expect(text(after, 'xl/styles.xml')).toMatch(new RegExp(`<cellXfs count="${now.get('cellXfs')!.length}">`));
  });

  it('writes the summary with formulas that quote odd sheet names, and text from every script readable back', async () => {
    const cells = cellsOf(text(after, 'xl/worksheets/sheet13.xml'));
    expect(cells.get('D7')).toEqual({ f: "'It''s 😀 办公费'!C4", v: '13.5', t: undefined });
    expect(cells.get('N7')!.f).toBe(`HYPERLINK("#'It''s 😀 办公费'!A1","It's 😀 办公费")`);
    const grids = await readWorkbookGrids(await zipOf(after));
    expect(grids.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['汇总', '备注', "It's 😀 办公费"]));
    const summary = grids.sheets.find((s) => s.name === '汇总')!.grid;
    expect(summary.values[6][2]).toBe(P3);
    expect(summary.values[6][13]).toBe("It's 😀 办公费");
  });

  it('is opened by ExcelJS with the user sheet, chart sheet parts and pivot cache in place', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await zipOf(after)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('汇总')!.getCell('A14').value).toBe('合计');
    expect(after.get('xl/pivotCache/pivotCacheDefinition1.xml')!.equals(before.get('xl/pivotCache/pivotCacheDefinition1.xml')!)).toBe(true);
  });
});

describe('summary values (SPEC §5) in the package', () => {
  it('gives the seed totals as formulas with exact cached results, 0 where the source is blank', async () => {
    const run = await runSummary(await seedWorkbook());
    expect(run.code).toBe(0);
    const out = await entriesOf(run.out!);
    const { name, part } = summaryPart(out);
    expect([name, part]).toEqual(['汇总', 'xl/worksheets/sheet11.xml']);
    const cells = cellsOf(text(out, part));
    expect(['D', 'E', 'F', 'G', 'H', 'I', 'J'].map((c) => cells.get(`${c}14`))).toEqual([
      { f: 'SUM(D4:D13)', v: '291.61', t: undefined },
      { f: 'SUM(E4:E13)', v: '291.61', t: undefined },
      { f: 'SUM(F4:F13)', v: '0', t: undefined },
      { f: 'SUM(G4:G13)', v: '72.91', t: undefined },
      { f: 'SUM(H4:H13)', v: '144.81', t: undefined },
      { f: 'SUM(I4:I13)', v: '216.72', t: undefined },
      { f: 'SUM(J4:J13)', v: '288.61', t: undefined },
    ]);
    // Issue 9 item 16: 其他资金 is blank on every project sheet; its formulas still carry 0.
    for (let r = 4; r <= 13; r++) expect(cells.get(`F${r}`)).toEqual({ f: expect.stringMatching(/^'.+'!G4$/), v: '0', t: undefined });
    expect(cells.get('J12')).toEqual({ f: "ROUND('2022年新中国成立前老党员生活补贴'!C4*'2022年新中国成立前老党员生活补贴'!E7,2)", v: '1', t: undefined });
    expect(cells.get('A1')!.t).toBe('乐亭县新寨镇人民政府2022年预算项目绩效目标汇总表');
  });

  it('keeps a macro workbook (.xlsm) macro-enabled, its VBA project untouched', async () => {
    const e = await entriesOf(await seedWorkbook());
    patch(e, '[Content_Types].xml', `${T}.spreadsheetml.sheet.main+xml`, 'application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    patch(e, '[Content_Types].xml', '</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
    patch(e, 'xl/_rels/workbook.xml.rels', '</Relationships>',
      '<Relationship Id="rId50" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>');
    e.set('xl/vbaProject.bin', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31 + 7) % 256)));
    const input = await zipOf(e, ['xl/vbaProject.bin']);
    const run = await runSummary(input, 'in.xlsm', 'out.xlsm');
    expect(run.code).toBe(0);
    const out = await entriesOf(run.out!);
    expect(differences(await entriesOf(input), out)).toEqual({ changed: TOUCHED, added: ['xl/worksheets/sheet11.xml'], removed: [] });
    expect(text(out, '[Content_Types].xml')).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
  });

  it('keeps a sheet listed without a part as it was, and never takes its name', async () => {
    const e = await entriesOf(await seedWorkbook());
    patch(e, 'xl/workbook.xml', '</sheets>', '<sheet name="汇总" sheetId="30" r:id="rId77"/></sheets>');
    patch(e, 'xl/_rels/workbook.xml.rels', '</Relationships>', `<Relationship Id="rId77" Type="${R}/worksheet" Target="worksheets/gone.xml"/></Relationships>`);
    const input = await zipOf(e);
    const run = await runSummary(input);
    expect(run.stdout).toContain('汇总表“汇总 (2)”，10 个项目');
    const out = await entriesOf(run.out!);
    expect(differences(await entriesOf(input), out)).toEqual({ changed: TOUCHED, added: ['xl/worksheets/sheet12.xml'], removed: [] });
    expect(text(out, 'xl/workbook.xml')).toContain('<sheet name="汇总" sheetId="30" r:id="rId77"/><sheet name="汇总 (2)" sheetId="31" r:id="rId78"/></sheets>');
  });

  it('makes a styles part (with its relationship and content type) when the workbook has none', async () => {
    const e = await entriesOf(await seedWorkbook());
    e.delete('xl/styles.xml');
    patch(e, 'xl/_rels/workbook.xml.rels', /<Relationship Id="rId1" Type="[^"]*\/styles" Target="styles.xml"\/>/, '');
    patch(e, '[Content_Types].xml', `<Override PartName="/xl/styles.xml" ContentType="${T}.spreadsheetml.styles+xml"/>`, '');
    const input = await zipOf(e);
    const run = await runSummary(input);
    expect(run.code).toBe(0);
    const out = await entriesOf(run.out!);
    expect(differences(await entriesOf(input), out)).toEqual({
      changed: ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml'],
      added: ['xl/styles.xml', 'xl/worksheets/sheet11.xml'],
      removed: [],
    });
    expect(text(out, 'xl/_rels/workbook.xml.rels')).toContain(`Type="${R}/styles" Target="styles.xml"/>`);
    const styles = sectionItems(text(out, 'xl/styles.xml'));
    expect([...styles.keys()]).toEqual(['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(run.out! as unknown as ArrayBuffer);
    expect(wb.getWorksheet('汇总')!.getCell('A3').font?.bold).toBe(true);
  });
});

describe('the summary mark cannot be forged into overwriting a sheet', () => {
  const withMark = (e: Entries, value: string, attrs = '') =>
    patch(e, 'xl/workbook.xml', '</sheets>', `</sheets><definedNames><definedName name="BudgetTargetsSummary"${attrs}>${value}</definedName></definedNames>`);
  let summarised: Buffer;
  beforeAll(async () => {
    summarised = (await runSummary(await seedWorkbook())).out!;
  });

  it('reads only `Sheet!$A$1` as a mark', () => {
    expect(markTarget("'汇总 (2)'!$A$1")).toBe('汇总 (2)');
    expect(markTarget("'It''s'!A1")).toBe("It's");
    expect(markTarget('汇总!$A$1')).toBe('汇总');
    for (const t of ['#REF!', "'汇总'!$A$1:$N$14", "'汇总'!$B$2", 'SUM(1)', "'汇总'!$A$1,'汇总'!$A$2"]) expect(markTarget(t)).toBeUndefined();
  });

  it('adds 汇总 and keeps every project when the mark points at a project sheet (summary and check alike)', async () => {
    const e = await entriesOf(await seedWorkbook());
    withMark(e, `'${P3}'!$A$1`);
    const input = await zipOf(e);
    const run = await runSummary(input);
    expect(run.stdout).toContain('汇总表“汇总”，10 个项目');
    const out = await entriesOf(run.out!);
    expect(differences(await entriesOf(input), out)).toEqual({ changed: TOUCHED, added: ['xl/worksheets/sheet11.xml'], removed: [] });
    expect(text(out, 'xl/workbook.xml')).toContain(`<definedName name="BudgetTargetsSummary">'汇总'!$A$1</definedName>`);
    expect(text(out, 'xl/workbook.xml')).not.toContain(`'${P3}'!$A$1`);

    const dir = mkdtempSync(path.join(os.tmpdir(), 'budget-targets-forged-'));
    writeFileSync(path.join(dir, 'forged.xlsx'), input);
    const checked = await checkFile(path.join(dir, 'forged.xlsx'), DEFAULT_PROFILE);
    rmSync(dir, { recursive: true, force: true });
    expect(checked.ok && checked.projects.map((p) => p.sheet)).toContain(P3);
    expect(checked.ok && checked.projects).toHaveLength(10);
  });

  it('writes 汇总 (2) when the mark points at a user sheet named 汇总', async () => {
    const e = await entriesOf(await seedWorkbook());
    e.set('xl/worksheets/sheet11.xml', Buffer.from(`${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>我自己的汇总</t></is></c><c r="B1"><v>42</v></c></row></sheetData></worksheet>`));
    patch(e, 'xl/workbook.xml', '</sheets>', '<sheet name="汇总" sheetId="11" r:id="rId40"/></sheets>');
    patch(e, 'xl/_rels/workbook.xml.rels', '</Relationships>', `<Relationship Id="rId40" Type="${R}/worksheet" Target="worksheets/sheet11.xml"/></Relationships>`);
    patch(e, '[Content_Types].xml', '</Types>', `${override('/xl/worksheets/sheet11.xml', `${T}.spreadsheetml.worksheet+xml`)}</Types>`);
    withMark(e, "'汇总'!$A$1");
    const input = await zipOf(e);
    const run = await runSummary(input);
    expect(run.stdout).toContain('汇总表“汇总 (2)”');
    const out = await entriesOf(run.out!);
    expect(differences(await entriesOf(input), out)).toEqual({ changed: TOUCHED, added: ['xl/worksheets/sheet12.xml'], removed: [] });
    expect(summaryPart(out)).toEqual({ name: '汇总 (2)', part: 'xl/worksheets/sheet12.xml' });
  });

  it('writes 汇总 (2) when the mark points at a chart sheet named 汇总', async () => {
    const e = await entriesOf(await seedWorkbook());
    e.set('xl/chartsheets/sheet1.xml', Buffer.from(`${XML}<chartsheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`));
    patch(e, 'xl/workbook.xml', '</sheets>', '<sheet name="汇总" sheetId="11" r:id="rId40"/></sheets>');
    patch(e, 'xl/_rels/workbook.xml.rels', '</Relationships>', `<Relationship Id="rId40" Type="${R}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`);
    patch(e, '[Content_Types].xml', '</Types>', `${override('/xl/chartsheets/sheet1.xml', `${T}.spreadsheetml.chartsheet+xml`)}</Types>`);
    withMark(e, "'汇总'!$A$1");
    const input = await zipOf(e);
    const run = await runSummary(input);
    expect(run.stdout).toContain('汇总表“汇总 (2)”');
    expect(differences(await entriesOf(input), await entriesOf(run.out!))).toEqual({ changed: TOUCHED, added: ['xl/worksheets/sheet12.xml'], removed: [] });
  });

  it('regenerates its own sheet in place, touching nothing else, also after the officer renamed it', async () => {
    const again = await runSummary(summarised);
    expect(again.stdout).toContain('汇总表“汇总”');
    expect(differences(await entriesOf(summarised), await entriesOf(again.out!))).toEqual({ changed: [], added: [], removed: [] });

    const e = await entriesOf(summarised);
    patch(e, 'xl/worksheets/sheet1.xml', '<c r="C4" s="5"><v>2</v></c>', '<c r="C4" s="5"><v>3</v></c>'); // 预算数 of project 1: 2 → 3
    patch(e, 'xl/workbook.xml', 'name="汇总"', 'name="我的汇总"');
    patch(e, 'xl/workbook.xml', "'汇总'!$A$1", "'我的汇总'!$A$1");
    const input = await zipOf(e);
    const run = await runSummary(input);
    expect(run.stdout).toContain('汇总表“我的汇总”');
    expect(differences(await entriesOf(input), await entriesOf(run.out!))).toEqual({ changed: ['xl/worksheets/sheet11.xml'], added: [], removed: [] });
  });

  it.each([
    ['a note the officer added beside the table', (e: Entries) => patch(e, 'xl/worksheets/sheet11.xml', '</row></sheetData>', '<c r="P14" t="inlineStr"><is><t>已核对</t></is></c></row></sheetData>')],
    ['a changed header', (e: Entries) => patch(e, 'xl/worksheets/sheet11.xml', '<t>项目名称</t>', '<t>名称</t>')],
    ['a comment hanging off it', (e: Entries) => {
      patch(e, 'xl/worksheets/sheet11.xml', '</worksheet>', '<legacyDrawing r:id="rId1"/></worksheet>');
      e.set('xl/worksheets/_rels/sheet11.xml.rels', Buffer.from(rels(['rId1', 'vmlDrawing', '../drawings/vmlDrawing1.vml'])));
      e.set('xl/drawings/vmlDrawing1.vml', Buffer.from('<xml/>'));
    }],
    ['a mark local to one sheet', (e: Entries) => patch(e, 'xl/workbook.xml', '<definedName name="BudgetTargetsSummary">', '<definedName name="BudgetTargetsSummary" localSheetId="10">')],
    ['a mark that is not a single cell', (e: Entries) => patch(e, 'xl/workbook.xml', "'汇总'!$A$1", "'汇总'!$A$1:$N$14")],
  ])('does not regenerate its sheet once it has %s: writes 汇总 (2)', async (_, change) => {
    const e = await entriesOf(summarised);
    change(e);
    const input = await zipOf(e);
    const run = await runSummary(input);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('汇总表“汇总 (2)”');
    const out = await entriesOf(run.out!);
    expect(differences(await entriesOf(input), out).changed).not.toContain('xl/worksheets/sheet11.xml');
    expect(differences(await entriesOf(input), out).added).toEqual(['xl/worksheets/sheet12.xml']);
  });

  it('removes a calculation chain that lists the regenerated sheet, and only then', async () => {
    const e = await entriesOf(summarised);
    e.set('xl/calcChain.xml', Buffer.from(`${XML}<calcChain xmlns="${MAIN}"><c r="D4" i="11" l="1"/><c r="D5"/></calcChain>`));
    patch(e, 'xl/_rels/workbook.xml.rels', '</Relationships>', `<Relationship Id="rId60" Type="${R}/calcChain" Target="calcChain.xml"/></Relationships>`);
    patch(e, '[Content_Types].xml', '</Types>', `${override('/xl/calcChain.xml', `${T}.spreadsheetml.calcChain+xml`)}</Types>`);
    const input = await zipOf(e);
    const out = await entriesOf((await runSummary(input)).out!);
    expect(differences(await entriesOf(input), out)).toEqual({ changed: ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels'], added: [], removed: ['xl/calcChain.xml'] });
    expect(text(out, 'xl/_rels/workbook.xml.rels')).toBe(text(await entriesOf(summarised), 'xl/_rels/workbook.xml.rels'));

    patch(e, 'xl/calcChain.xml', 'i="11"', 'i="3"');
    const other = await zipOf(e);
    expect(differences(await entriesOf(other), await entriesOf((await runSummary(other)).out!))).toEqual({ changed: [], added: [], removed: [] });
  });
});
