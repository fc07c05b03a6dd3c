/**
 * An independent spreadsheet application opens what `summary` writes and recalculates it:
 * LibreOffice Calc (Debian `libreoffice-calc`; `.ci/run` installs it), with a profile that
 * recalculates every formula on load. Our cached results are overwritten with -1 first, so
 * the totals LibreOffice prints can only come from the formulas themselves.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { parseXmlOutline } from '../../src/xlsx/xmlOutline';
import { entriesOf, runSummary, seedWorkbook, zipOf } from '../support/packages';

jest.setTimeout(300_000);

const RECALC_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Comma-separated values with "quoted" fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[i++];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      rows.push([...row, field.replace(/\r$/, '')]);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

let dir: string;
beforeAll(() => {
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  if (soffice.status !== 0) {
    throw new Error('LibreOffice is needed for this test: apt-get install -y --no-install-recommends libreoffice-calc (.ci/run does)');
  }
  dir = mkdtempSync(path.join(os.tmpdir(), 'budget-targets-lo-'));
});
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('LibreOffice on the summary package', () => {
  it('opens the workbook and recalculates exactly our amounts and totals', async () => {
    const run = await runSummary(await seedWorkbook());
    expect(run.code).toBe(0);
    const entries = await entriesOf(run.out!);
    const ours = entries.get('xl/worksheets/sheet11.xml')!.toString('utf8');

    // Our cached result of every formula cell, then the same part with all of them set to -1.
    const expected = new Map<string, string>();
    const root = parseXmlOutline(ours);
    for (const row of root.children.find((c) => c.local === 'sheetData')!.children) {
      for (const c of row.children) {
        const f = c.children.find((x) => x.local === 'f');
        const v = c.children.find((x) => x.local === 'v');
        if (f && v) expected.set(c.attributes.find((a) => a.local === 'r')!.value, v.text);
      }
    }
    expect(expected.size).toBe(11 * 7 + 10); // amounts of ten projects and the 合计 row, and ten links
    entries.set('xl/worksheets/sheet11.xml', Buffer.from(ours.replace(/<\/f><v>[^<]*<\/v>/g, '</f><v>-1</v>')));
    writeFileSync(path.join(dir, 'summary.xlsx'), await zipOf(entries));

    const profile = path.join(dir, 'profile');
    mkdirSync(path.join(profile, 'user'), { recursive: true });
    writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ON_LOAD);
    const csv = path.join(dir, 'csv');
    // CSV filter options: comma, quote, UTF-8, from row 1, …, raw values (not as shown), sheet 11 (汇总).
    const converted = spawnSync('soffice', [
      `-env:UserInstallation=file://${profile}`, '--headless', '--norestore',
      '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,11',
      '--outdir', csv, path.join(dir, 'summary.xlsx'),
    ], { encoding: 'utf8', timeout: 240_000 });
    expect(converted.status).toBe(0);
    const file = readdirSync(csv).find((f) => f.endsWith('.csv'))!;
    expect(file).toBe('summary-汇总.csv');
    const rows = parseCsv(readFileSync(path.join(csv, file), 'utf8'));

    expect(rows[13].slice(0, 10)).toEqual(['合计', '', '', '291.61', '291.61', '0', '72.91', '144.81', '216.72', '288.61']);
    for (const [ref, value] of expected) {
      const col = ref.charCodeAt(0) - 65;
      const row = Number(ref.slice(1)) - 1;
      expect([ref, rows[row][col]]).toEqual([ref, value]);
    }
  });
});
