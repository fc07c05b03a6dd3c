/**
 * Hostile inputs for the command line (issue 12), built from a seed: zip bombs, merges over
 * whole sheets, non-files, unsafe code patterns, huge `new --from` lists, broken XML,
 * duplicate zip entries, encrypted and legacy workbooks, damaged packages, control
 * characters, random byte and XML damage, and bad command lines. Every case says which exit
 * codes SPEC §7 allows for it.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { unzipSync } from 'fflate';
import zlib from 'zlib';

export interface FuzzCase {
  family: string;
  name: string;
  args: string[];
  /** Exit codes SPEC §7 allows for this input. */
  exits: number[];
  /** Input files whose bytes must be unchanged afterwards (regular files only). */
  inputs: string[];
  /** The file a message must name (stderr, or stdout's JSON). */
  names?: string;
  /** Text the output must contain (a clear message). */
  says?: string[];
  /** `summary`: the file it writes; when written, every user cell, sheet and zip entry of the input must be in it. */
  out?: string;
  /** `summary`: the name of our own summary sheet the input holds, which may be regenerated in place. */
  regenerates?: string;
}

/** A small deterministic random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipPart {
  name: string;
  data: Uint8Array;
  /** Already deflated bytes (a bomb), with the inflated size to declare. */
  deflated?: { bytes: Uint8Array; size: number };
}

/** A zip writer that does what real writers refuse to: duplicate names, lying sizes. */
export function writeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const body = p.deflated ? Buffer.from(p.deflated.bytes) : zlib.deflateRawSync(p.data);
    const size = p.deflated ? p.deflated.size : p.data.length;
    const crc = p.deflated ? 0 : crc32(p.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The parts of a workbook, in order. */
export function unzipParts(file: string): ZipPart[] {
  return Object.entries(unzipSync(readFileSync(file))).map(([name, data]) => ({ name, data }));
}

const text = (s: string) => Buffer.from(s, 'utf8');
const str = (b: Uint8Array) => Buffer.from(b).toString('utf8');

/**
 * `head` + `fill` repeated to `size` bytes + `tail`, deflated without ever being held
 * inflated: a 1 MB block is deflated once with a sync flush (byte-aligned, non-final blocks)
 * and repeated, and the tail ends the stream.
 */
export function deflatedBomb(head: string, fill: string, size: number, tail: string): { bytes: Uint8Array; size: number } {
  const block = Buffer.from(fill.repeat(Math.ceil((1 << 20) / fill.length))).subarray(0, 1 << 20);
  const sync = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const blocks = Math.ceil(size / block.length);
  const one = zlib.deflateRawSync(block, sync);
  const out = [zlib.deflateRawSync(Buffer.from(head), sync), ...Array.from({ length: blocks }, () => one), zlib.deflateRawSync(Buffer.from(tail))];
  return { bytes: Buffer.concat(out), size: Buffer.byteLength(head) + blocks * block.length + Buffer.byteLength(tail) };
}

const SHEET1 = 'xl/worksheets/sheet1.xml';

function replacePart(parts: ZipPart[], name: string, data: Uint8Array | string): ZipPart[] {
  return parts.map((p) => (p.name === name ? { name, data: typeof data === 'string' ? text(data) : data } : p));
}

/**
 * Builds every case into `dir`. `mutations` seeded random damages of the base workbook are
 * added to the fixed families.
 */
export function buildCases(dir: string, base: string, seed: number, mutations: number): FuzzCase[] {
  mkdirSync(dir, { recursive: true });
  const rnd = random(seed);
  const parts = unzipParts(base);
  const cases: FuzzCase[] = [];
  const at = (name: string) => path.join(dir, name);
  const workbook = (family: string, name: string, data: Buffer, exits: number[], says?: string[]) => {
    const file = at(`${name}.xlsx`);
    writeFileSync(file, data);
    cases.push({ family, name, args: ['check', '--json', file], exits, inputs: [file], names: file, says });
    return file;
  };
  const sheet1 = str(parts.find((p) => p.name === SHEET1)!.data);
  const [sheetHead] = sheet1.split('<sheetData>');

  // 1. Zip bombs: one part past the per-part cap, several parts past the total, a run of blanks.
  const TOO_LARGE = '解压后的内容太大';
  const rowsBomb = deflatedBomb(`${sheetHead}<sheetData>`, '<row/>', 110 << 20, '</sheetData></worksheet>');
  workbook('zip-bomb', 'bomb-sheet-rows', writeZip(parts.map((p) => (p.name === SHEET1 ? { name: p.name, data: new Uint8Array(), deflated: rowsBomb } : p))), [2], ['无法读取']);
  const blanks = deflatedBomb(`${sheetHead}<sheetData>`, ' ', 60 << 20, '</sheetData></worksheet>');
  workbook('zip-bomb', 'bomb-sheet-blanks', writeZip(parts.map((p) => (p.name === SHEET1 ? { name: p.name, data: new Uint8Array(), deflated: blanks } : p))), [2], [TOO_LARGE]);
  const cellsBomb = deflatedBomb(`${sheetHead}<sheetData><row r="1">`, '<x/>', 70 << 20, '</row></sheetData></worksheet>');
  const sheetNames = parts.filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name)).map((p) => p.name);
  workbook('zip-bomb', 'bomb-total', writeZip(parts.map((p) => (sheetNames.slice(0, 4).includes(p.name) ? { name: p.name, data: new Uint8Array(), deflated: cellsBomb } : p))), [2], [TOO_LARGE]);
  const ssBomb = deflatedBomb('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', '<si><t>项目</t></si>', 50 << 20, '</sst>');
  workbook('zip-bomb', 'bomb-shared-strings', writeZip([...parts.filter((p) => p.name !== 'xl/sharedStrings.xml'), { name: 'xl/sharedStrings.xml', data: new Uint8Array(), deflated: ssBomb }]), [2], ['无法读取']);

  // 2. Merges over a whole sheet, a whole column, and very many merges.
  const withMerges = (refs: string[]) => sheet1.replace(/<mergeCells[^>]*>[\s\S]*?<\/mergeCells>/, `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`);
  workbook('merge', 'merge-whole-sheet', writeZip(replacePart(parts, SHEET1, withMerges(['A1:XFD1048576']))), [0, 1]);
  // Combining copies the sheets through ExcelJS, which makes a cell of every cell of a merged area: refused.
  // (One workbook's summary copies its package as it is: `summary-merge-whole-sheet` below writes it whole.)
  cases.push({
    family: 'merge', name: 'summary-combine-merge-whole-sheet', args: ['summary', at('merge-whole-sheet.xlsx'), base, '-o', at('merge-summary.xlsx')],
    exits: [2], inputs: [at('merge-whole-sheet.xlsx'), base], names: at('merge-whole-sheet.xlsx'), says: ['合并单元格区域过大'],
  });
  workbook('merge', 'merge-whole-column', writeZip(replacePart(parts, SHEET1, withMerges(['H1:H1048576', 'A20:XFD20']))), [0, 1]);
  workbook('merge', 'merge-many', writeZip(replacePart(parts, SHEET1, withMerges(Array.from({ length: 300_000 }, (_, i) => `A${i + 100}:XFD${i + 100}`)))), [2], ['合并单元格区域太多']);

  // 3. Non-files.
  const fifo = at('fifo.xlsx');
  execFileSync('mkfifo', [fifo]);
  cases.push({ family: 'non-file', name: 'fifo', args: ['check', '--json', fifo], exits: [2], inputs: [], names: fifo, says: ['不是普通文件'] });
  cases.push({ family: 'non-file', name: 'dev-zero', args: ['check', '/dev/zero'], exits: [2], inputs: [], names: '/dev/zero', says: ['不是普通文件'] });
  // A folder is a batch of inputs (issue 11): one without a workbook is said to be so.
  const emptyFolder = at('empty-folder');
  mkdirSync(emptyFolder);
  cases.push({ family: 'non-file', name: 'empty-folder', args: ['check', emptyFolder], exits: [2], inputs: [], names: emptyFolder, says: ['文件夹'] });
  cases.push({ family: 'non-file', name: 'summary-fifo', args: ['summary', fifo, '-o', at('never.xlsx')], exits: [2], inputs: [], names: fifo, says: ['不是普通文件'] });
  cases.push({ family: 'non-file', name: 'profile-dev-zero', args: ['check', base, '--profile', '/dev/zero'], exits: [2], inputs: [], names: '/dev/zero', says: ['不是普通文件'] });
  cases.push({ family: 'non-file', name: 'from-fifo', args: ['new', '--from', fifo, '-o', at('never.xlsx')], exits: [2], inputs: [], names: fifo, says: ['不是普通文件'] });

  // 4. Code patterns that would backtrack for ever.
  const slowCode = writeZip(replacePart(parts, 'xl/sharedStrings.xml', str(parts.find((p) => p.name === 'xl/sharedStrings.xml')!.data).replace(/13022522P00[0-9A-Z]+/, `${'a'.repeat(5000)}!`)));
  const slowFile = workbook('profile', 'slow-code', slowCode, [1]);
  cases.pop();
  for (const [name, pattern, exits, says] of [
    ['pattern-nested', '(a+)+$', [1], undefined],
    ['pattern-alternation', '^(a|a)*$', [1], undefined],
    ['pattern-backreference', '^(a+)\\1$', [2], ['codePattern']],
    ['pattern-lookahead', '^(?=(a+)+$)', [2], ['codePattern']],
  ] as [string, string, number[], string[] | undefined][]) {
    const profile = at(`${name}.json`);
    writeFileSync(profile, JSON.stringify({ codePattern: pattern }));
    cases.push({ family: 'profile', name, args: ['check', '--json', '--profile', profile, slowFile], exits, inputs: [slowFile, profile], names: exits[0] === 2 ? profile : slowFile, says });
  }

  // 5. new --from with 100,000 tables.
  const seedDoc = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'xinzhai-2022-targets.json'), 'utf8'));
  const many = at('many.json');
  const projects = Array.from({ length: 100_000 }, (_, i) => ({ ...seedDoc.projects[i % seedDoc.projects.length], name: `项目${i}` }));
  writeFileSync(many, JSON.stringify({ ...seedDoc, projects }));
  cases.push({ family: 'new', name: 'from-100000-tables', args: ['new', '--from', many, '-o', at('many.xlsx')], exits: [2], inputs: [many], names: many, says: ['文件太大'] });
  const some = at('some.json');
  writeFileSync(some, JSON.stringify({ ...seedDoc, projects: projects.slice(0, 1500) }));
  cases.push({ family: 'new', name: 'from-1500-tables', args: ['new', '--from', some, '-o', at('some.xlsx')], exits: [2], inputs: [some], names: some, says: ['上限 1000'] });

  // 7. Corrupt XML, duplicate entries, encrypted and legacy workbooks.
  workbook('message', 'corrupt-workbook-xml', writeZip(replacePart(parts, 'xl/workbook.xml', str(parts.find((p) => p.name === 'xl/workbook.xml')!.data).slice(0, 300))), [2], ['文件已损坏']);
  workbook('message', 'corrupt-sheet-xml', writeZip(replacePart(parts, SHEET1, sheet1.slice(0, Math.floor(sheet1.length / 2)))), [1], ['无法读取', 'R001']);
  workbook('message', 'duplicate-entry', writeZip([...parts, { name: SHEET1, data: text(sheet1) }]), [2], ['重名']);
  const cfb = Buffer.alloc(4096);
  cfb.writeUInt32LE(0xe011cfd0, 0);
  cfb.writeUInt32LE(0xe11ab1a1, 4);
  const encrypted = Buffer.from(cfb);
  encrypted.write('EncryptionInfo', 1024, 'utf16le');
  encrypted.write('EncryptedPackage', 1152, 'utf16le');
  workbook('message', 'encrypted', encrypted, [2], ['工作簿已加密：请先在 Excel 中取消密码', 'encrypted']);
  workbook('message', 'legacy-xls', cfb, [2], ['.xls']);
  workbook('message', 'not-a-zip', text('这不是工作簿'), [2], ['不是有效的 .xlsx 工作簿']);
  workbook('message', 'empty-file', Buffer.alloc(0), [2], ['不是有效的 .xlsx 工作簿']);

  // 8. Damaged packages: every sheet that cannot be read is named.
  const rels = str(parts.find((p) => p.name === 'xl/_rels/workbook.xml.rels')!.data);
  const rel1 = /<Relationship [^>]*Target="worksheets\/sheet1\.xml"[^>]*\/>/.exec(rels)![0];
  workbook('damaged', 'missing-sheet-part', writeZip(parts.filter((p) => p.name !== SHEET1)), [1], ['R001', '工作表数据缺失']);
  workbook('damaged', 'missing-relationship', writeZip(replacePart(parts, 'xl/_rels/workbook.xml.rels', rels.replace(rel1, ''))), [1], ['R001', '关系缺失']);
  workbook('damaged', 'relationship-to-styles', writeZip(replacePart(parts, 'xl/_rels/workbook.xml.rels', rels.replace('worksheets/sheet1.xml', 'styles.xml'))), [1], ['R001']);
  workbook('damaged', 'relationship-outside', writeZip(replacePart(parts, 'xl/_rels/workbook.xml.rels', rels.replace('worksheets/sheet1.xml', '../../../etc/passwd'))), [1], ['R001']);
  workbook('damaged', 'missing-shared-strings', writeZip(parts.filter((p) => p.name !== 'xl/sharedStrings.xml')), [1], ['R001', '共享字符串']);
  workbook('damaged', 'shared-string-index', writeZip(replacePart(parts, SHEET1, sheet1.replace(/(<c [^>]*t="s"[^>]*><v>)\d+/, '$19999999'))), [1], ['R001', '共享字符串']);
  workbook('damaged', 'missing-workbook', writeZip(parts.filter((p) => p.name !== 'xl/workbook.xml')), [2], ['不是有效的 .xlsx 工作簿']);

  // 9. Control characters, emoji and right-to-left text in sheet names and cells.
  const wbXml = str(parts.find((p) => p.name === 'xl/workbook.xml')!.data);
  // XML 1.0 allows C1 controls (U+009B is a terminal's CSI) and bidi overrides; C0 ones arrive as Excel's _x001B_ escapes.
  const evilName = '\u009b31m红\u009b0m😀\u202eשלום';
  const evil = writeZip(replacePart(replacePart(parts, 'xl/workbook.xml', wbXml.replace(/name="[^"]+"/, `name="${evilName}"`)),
    'xl/sharedStrings.xml', str(parts.find((p) => p.name === 'xl/sharedStrings.xml')!.data).replace(/<t>([^<]*)<\/t>/, '<t>_x001B_[2J_x0007_$1</t>')));
  const evilFile = workbook('control', 'control-characters', evil, [0, 1]);
  cases.push({ family: 'control', name: 'control-characters-text', args: ['check', evilFile], exits: [0, 1], inputs: [evilFile], names: evilFile, says: ['31m红0m😀שלום'] });

  // Random damage: flipped bytes, truncations, broken XML inside a valid zip.
  const baseBytes = readFileSync(base);
  for (let i = 0; i < mutations; i++) {
    const kind = i % 3;
    let data: Buffer;
    if (kind === 0) {
      data = Buffer.from(baseBytes);
      const flips = 1 + Math.floor(rnd() * 20);
      for (let f = 0; f < flips; f++) data[Math.floor(rnd() * data.length)] = Math.floor(rnd() * 256);
    } else if (kind === 1) {
      data = baseBytes.subarray(0, Math.floor(rnd() * baseBytes.length));
    } else {
      const victim = parts[Math.floor(rnd() * parts.length)];
      const xml = str(victim.data);
      const cut = Math.floor(rnd() * xml.length);
      const junk = ['<', '>', '&', '&bogus;', '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>', '<c r="ZZZZ9999999"><v>1</v></c>', '\u0000', '</row>', '<row r="-1">'][Math.floor(rnd() * 9)];
      data = writeZip(replacePart(parts, victim.name, xml.slice(0, cut) + junk + xml.slice(cut)));
    }
    workbook('mutation', `mutation-${i}`, data, [0, 1, 2]);
  }

  // 6. Summary inputs: a chart sheet, a user's sheet with shared formulas without a master and
  // odd cells (errors, booleans, rich and inline text, emoji, RTL, control escapes), and the
  // mark `BudgetTargetsSummary` forged to point at a project sheet and at a user's own 汇总.
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const T = 'application/vnd.openxmlformats-officedocument';
  const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const partText = (ps: ZipPart[], name: string) => str(ps.find((p) => p.name === name)!.data);
  const addSheet = (ps: ZipPart[], name: string, relType: string, part: string, type: string, extra: ZipPart[], id: number): ZipPart[] => {
    let out = replacePart(ps, 'xl/workbook.xml', partText(ps, 'xl/workbook.xml').replace('</sheets>', `<sheet sheetId="${id}" name="${name}" r:id="rId${id + 80}"/></sheets>`));
    out = replacePart(out, 'xl/_rels/workbook.xml.rels', partText(out, 'xl/_rels/workbook.xml.rels').replace('</Relationships>', `<Relationship Id="rId${id + 80}" Type="${R}/${relType}" Target="${part.replace(/^xl\//, '')}"/></Relationships>`));
    out = replacePart(out, '[Content_Types].xml', partText(out, '[Content_Types].xml').replace('</Types>', `<Override PartName="/${part}" ContentType="${type}"/></Types>`));
    return [...out, ...extra];
  };
  const chart = addSheet(parts, '图表 📊', 'chartsheet', 'xl/chartsheets/sheet1.xml', `${T}.spreadsheetml.chartsheet+xml`, [
    { name: 'xl/chartsheets/sheet1.xml', data: text(`${XML}<chartsheet xmlns="${MAIN}" xmlns:r="${R}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`) },
    { name: 'xl/chartsheets/_rels/sheet1.xml.rels', data: text(`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`) },
    { name: 'xl/drawings/drawing1.xml', data: text(`${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`) },
  ], 11);
  const userSheet = (name: string, rows: string) => addSheet(parts, name, 'worksheet', 'xl/worksheets/sheet11.xml', `${T}.spreadsheetml.worksheet+xml`, [
    { name: 'xl/worksheets/sheet11.xml', data: text(`${XML}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData>${rows}</sheetData></worksheet>`) },
  ], 11);
  const oddRows =
    '<row r="1"><c r="A1" t="inlineStr"><is><t>备注 😀 עברית العربية _x0007_ bell \u202e</t></is></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row>' +
    '<row r="2"><c r="A2"><f t="shared" si="7"/><v>3</v></c><c r="B2"><f t="shared" ref="B2:B3" si="8">A2*2</f><v>6</v></c>' +
    '<c r="B3"><f t="shared" si="8"/><v>0</v></c><c r="C2" t="inlineStr"><is><r><rPr><b/></rPr><t>rich</t></r><r><t xml:space="preserve"> text</t></r></is></c><c r="D2"><v>1E+308</v></c><c r="E2" t="n"><v>-0.000000001</v></c></row>' +
    '<row r="5"><c r="XFD5"><v>123456789012345.67</v></c></row>';
  const mark = (ps: ZipPart[], sheet: string) =>
    replacePart(ps, 'xl/workbook.xml', partText(ps, 'xl/workbook.xml').replace('</sheets>', `</sheets><definedNames><definedName name="BudgetTargetsSummary">'${sheet}'!$A$1</definedName></definedNames>`));
  const summaryInput = (family: string, name: string, data: Buffer, regenerates?: string) => {
    const file = at(`${name}.xlsx`);
    writeFileSync(file, data);
    cases.push({ family, name, args: ['summary', file, '-o', at(`${name}-summary.xlsx`)], exits: [0, 1], inputs: [file], out: at(`${name}-summary.xlsx`), regenerates });
  };
  summaryInput('summary-package', 'summary-chart-sheet', writeZip(chart));
  summaryInput('summary-package', 'summary-odd-cells', writeZip(userSheet('备注 😀 עברית', oddRows)));
  summaryInput('summary-package', 'summary-chart-and-odd-cells', writeZip(addSheet(userSheet('备注', oddRows), '图表', 'chartsheet', 'xl/chartsheets/sheet1.xml', `${T}.spreadsheetml.chartsheet+xml`, chart.slice(parts.length), 12)));
  summaryInput('summary-mark', 'summary-mark-on-project-sheet', writeZip(mark(parts, '2022年人大之家工作经费')));
  summaryInput('summary-mark', 'summary-mark-on-users-sheet', writeZip(mark(userSheet('汇总', '<row r="1"><c r="A1" t="inlineStr"><is><t>我自己的汇总</t></is></c><c r="B1"><v>42</v></c></row>'), '汇总')));
  summaryInput('summary-mark', 'summary-mark-on-chart-sheet', writeZip(mark(chart, '图表 📊')));
  summaryInput('summary-mark', 'summary-mark-on-odd-cells', writeZip(mark(userSheet('备注', oddRows), '备注')));
  // Our own summary, made by the tool: regenerated in place, everything else kept.
  const ours = at('summary-ours-source.xlsx');
  execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'bin', 'budget-targets.js'), 'summary', base, '-o', ours]);
  summaryInput('summary-mark', 'summary-regenerated', readFileSync(ours), '汇总');

  // Every workbook above is also summarised: refused (exit 2) or written with all of its data.
  for (const c of [...cases]) {
    if (c.args[0] !== 'check' || c.args[1] !== '--json' || c.inputs.length !== 1 || c.family === 'profile') continue;
    const out = at(`${c.name}-summary.xlsx`);
    cases.push({
      family: 'summary', name: `summary-${c.name}`, args: ['summary', c.inputs[0], '-o', out], inputs: [c.inputs[0]], out,
      exits: c.exits.length === 1 && c.exits[0] === 2 ? [2] : [0, 1, 2], ...(c.exits.length === 1 && c.exits[0] === 2 ? { names: c.inputs[0] } : {}),
    });
  }

  // Bad command lines.
  for (const [name, args] of [
    ['no-file', ['check']], ['unknown-option', ['check', '--frobnicate', base]], ['summary-no-out', ['summary', base]],
    ['new-extra', ['new', 'x', '--from', 'y']], ['empty-value', ['check', '--profile=', base]],
  ] as [string, string[]][]) {
    cases.push({ family: 'command-line', name, args, exits: [2], inputs: [base] });
  }
  return cases;
}
