/**
 * `new --from DOCUMENT.docx` and `export FILE.xlsx -o DOC.docx` through the real command line
 * (issue 10): the seed's .docx gives the .txt's workbook and findings; export refuses errors
 * without --allow-errors and an existing file without --force; bad documents exit 2 with a
 * message in both languages.
 */
import { execFileSync, spawnSync } from 'child_process';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { importDocx } from '../../src/docx';
import { tableToInput } from '../../src/core/layout/input';
import { readTargetTable } from '../../src/core/layout/reader';
import { readWorkbookGrids } from '../../src/xlsx';
import { FIXTURES, SEED_TXT_PATH } from '../support/seed';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'budget-targets.js');
const SEED_DOCX = path.join(FIXTURES, 'xinzhai-2022-targets.docx');
let dir: string;
const at = (file: string) => path.join(dir, file);
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const checkJson = (file: string) => JSON.parse(run(['check', '--json', file]).stdout).files[0];

beforeAll(() => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT });
  dir = mkdtempSync(path.join(os.tmpdir(), 'budget-targets-docx-'));
  expect(run(['new', '--from', SEED_DOCX, '-o', 'docx.xlsx']).status).toBe(0);
  expect(run(['new', '--from', SEED_TXT_PATH, '-o', 'txt.xlsx']).status).toBe(0);
});

describe('new --from DOCUMENT.docx', () => {
  it('writes the department sheet and the ten tables, with the same findings as the .txt import', async () => {
    const docx = checkJson('docx.xlsx');
    const txt = checkJson('txt.xlsx');
    expect(docx.projects).toHaveLength(10);
    expect(docx.projects).toEqual(txt.projects);
    expect(docx.findings).toEqual(txt.findings);
    expect(docx.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { rule: string; cell: string }) => `${f.rule} ${f.cell}`)).toEqual(['S004 E7']);
    const names = (await readWorkbookGrids(at('docx.xlsx'))).sheets.map((s) => s.name);
    expect(names[0]).toBe('部门整体绩效目标');
    expect(names).toEqual((await readWorkbookGrids(at('txt.xlsx'))).sheets.map((s) => s.name));
  });
});

describe('new --from a document whose 第一部分 is a department-wide table, then check', () => {
  it('宁德 (Fujian, 2019): the department sheet alone, checked with D002 and the I-rules at its cells', () => {
    const r = run(['new', '--from', path.join(FIXTURES, 'department', 'ningde-2019-dangshizhi.docx'), '-o', 'ningde.xlsx']);
    expect(r.status).toBe(0);
    const file = checkJson('ningde.xlsx');
    expect(file.projects).toEqual([]);
    // R002: no project table; D002: no 分项绩效目标; I002: the rows the reproduction leaves out (its README); I009: real bare 1s.
    expect(file.findings.map((f: { rule: string; sheet: string; cell: string }) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual([
      'R002 部门整体绩效目标!A1', 'D002 部门整体绩效目标!A4', 'I002 部门整体绩效目标!A18', 'I002 部门整体绩效目标!A18',
      'I009 部门整体绩效目标!E22', 'I009 部门整体绩效目标!E23',
    ]);
  });
});

describe('new --from another province\'s .docx, then check', () => {
  it('南岳 (Hunan): both 申报表 without a 项目编码 become sheets that check reads back with their amounts', () => {
    const r = run(['new', '--from', path.join(FIXTURES, 'provinces', 'hunan-nanyue-2018-fupin.docx'), '-o', 'nanyue.xlsx']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已写入 nanyue.xlsx：2 张绩效目标表');
    expect(checkJson('nanyue.xlsx').projects).toEqual([
      { sheet: '2018年南岳镇资产收益扶贫项目', code: '', name: '2018年南岳镇资产收益扶贫项目', budget: { total: '214.06', fiscal: '214.06', other: '0.00' } },
      { sheet: '2018年市级专项扶贫资金基础设施(人大代表扶贫基地)', code: '', name: '2018年市级专项扶贫资金基础设施(人大代表扶贫基地)', budget: { total: '10.00', fiscal: '10.00', other: '0.00' } },
    ]);
  });
});

describe('check on the department sheet (D001/D002 beside the tables\' rules)', () => {
  it('reports an empty overall goal and a duplicated 分项 number at their cells', async () => {
    const { loadWorkbook } = await import('../../src/xlsx');
    const workbook = await loadWorkbook(readFileSync(at('docx.xlsx')));
    const sheet = workbook.getWorksheet('部门整体绩效目标')!;
    const grid = (await readWorkbookGrids(at('docx.xlsx'))).sheets[0].grid;
    const find = (label: string) => grid.values.findIndex((row) => row[0] === label);
    const overall = find('总体绩效目标');
    const goals = find('分项绩效目标');
    expect(overall).toBeGreaterThanOrEqual(0);
    sheet.getCell(overall + 1, 2).value = null;
    sheet.getCell(goals + 2, 2).value = grid.values[goals][1];
    await workbook.xlsx.writeFile(at('department.xlsx'));
    const findings = checkJson('department.xlsx').findings.filter((f: { rule: string }) => f.rule.startsWith('D'));
    expect(findings.map((f: { rule: string; severity: string; sheet: string; cell: string }) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`)).toEqual([
      `D001 error 部门整体绩效目标!B${overall + 1}`,
      `D002 error 部门整体绩效目标!B${goals + 2}`,
    ]);
  });
});

describe('export FILE.xlsx -o DOC.docx', () => {
  it('refuses a workbook with errors (exit 1) unless --allow-errors, and never replaces a file without --force', () => {
    const refused = run(['export', 'docx.xlsx', '-o', 'refused.docx']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('有 1 条错误，未导出');
    expect(refused.stderr).toContain('pass --allow-errors');
    const ok = run(['export', 'docx.xlsx', '-o', 'seed.docx', '--allow-errors']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('已写入 seed.docx：第一部分部门整体绩效目标，10 张项目绩效目标表（含 1 条错误');
    const again = run(['export', 'docx.xlsx', '-o', 'seed.docx', '--allow-errors']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('已存在，未覆盖');
    expect(run(['export', 'docx.xlsx', '-o', 'seed.docx', '--allow-errors', '--force']).status).toBe(0);
  });

  it('writes a document that imports back to the workbook tables and its 第一部分', async () => {
    const exported = await importDocx(readFileSync(at('seed.docx')));
    const sheets = (await readWorkbookGrids(at('docx.xlsx'))).sheets.slice(1);
    const expected = sheets.map((s) => tableToInput(readTargetTable(s.grid, s.name)!));
    expect(exported.tables).toEqual(expected.map((t, i) => ({ ...t, title: `${i + 1}.${t.name}绩效目标表` })));
    const original = await importDocx(readFileSync(SEED_DOCX));
    expect(exported.department).toEqual(original.department);
  });

  it('lays out A4 portrait with the named Chinese fonts and no fills or highlights', async () => {
    const xml = await (await JSZip.loadAsync(readFileSync(at('seed.docx')))).file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    for (const font of ['黑体', '仿宋', '宋体']) expect(xml).toContain(`w:eastAsia="${font}"`);
    expect(xml).not.toMatch(/<w:shd |<w:highlight /);
    expect(xml).toContain('<w:tblW w:type="dxa" w:w="8306"/>');
  });

  it('with SOURCE_DATE_EPOCH writes the same bytes each time, dated that time inside and on every zip entry', async () => {
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', TZ: 'Asia/Shanghai' }; // zip entry times are in UTC in any zone
    const exportAt = (out: string) => spawnSync(process.execPath, [BIN, 'export', 'docx.xlsx', '-o', out, '--allow-errors'], { cwd: dir, env, encoding: 'utf8' }).status;
    expect(exportAt('epoch-a.docx')).toBe(0);
    expect(exportAt('epoch-b.docx')).toBe(0);
    expect(readFileSync(at('epoch-a.docx')).equals(readFileSync(at('epoch-b.docx')))).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(at('epoch-a.docx')));
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20.000Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20.000Z</dcterms:modified>');
    expect(new Set(Object.values(zip.files).map((f) => f.date.toISOString()))).toEqual(new Set(['2023-11-14T22:13:20.000Z']));
    // The document is the one written without a fixed date.
    const words = async (file: string) => (await JSZip.loadAsync(readFileSync(at(file)))).file('word/document.xml')!.async('string');
    expect(await words('epoch-a.docx')).toBe(await words('seed.docx'));
  });

  it('refuses a workbook with an unreadable sheet (R001) unless --allow-errors', async () => {
    const zip = await JSZip.loadAsync(readFileSync(at('docx.xlsx')));
    zip.file('xl/worksheets/sheet2.xml', '<worksheet><sheetData><row'); // damaged XML
    writeFileSync(at('damaged.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const r = run(['export', 'damaged.xlsx', '-o', 'damaged.docx']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('有 2 条错误，未导出');
  });

  it('takes exactly one workbook', () => {
    const r = run(['export', 'a.xlsx', 'b.xlsx', '-o', 'x.docx']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('多余的参数：b.xlsx');
  });
});

describe('bad documents: a clear message in both languages, exit 2', () => {
  const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
  const utf16 = (s: string) => Buffer.from(s, 'utf16le');

  it.each([
    ['old.doc', Buffer.concat([OLE, utf16('WordDocument')]), '另存为 .docx', 'save it as .docx'],
    ['locked.docx', Buffer.concat([OLE, utf16('EncryptedPackage')]), '设有打开密码', 'password-protected'],
    ['broken.docx', Buffer.from('PK\u0003\u0004 cut short'), '不是有效的 .docx 文档', 'may be damaged'],
  ])('%s', (name, bytes, zh, en) => {
    writeFileSync(at(name), bytes);
    const r = run(['new', '--from', name, '-o', 'x.xlsx']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(zh);
    expect(r.stderr).toContain(en);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('a .docx without tables', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>通知</w:t></w:r></w:p></w:body></w:document>');
    writeFileSync(at('prose.docx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const r = run(['new', '--from', 'prose.docx', '-o', 'x.xlsx']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('中没有表格');
    expect(r.stderr).toContain('the document has no tables');
  });
});
