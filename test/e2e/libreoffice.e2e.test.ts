/**
 * LibreOffice as an independent reader of the exported publication (issue 10, item 5): the
 * seed workbook (examples/xinzhai-2022.xlsx) exported to .docx converts to text in which every
 * table's title, code, amounts and indicator values are found, and a page with a table renders
 * to PNG in test-artifacts/docx/ (to look at: it must look like the published document).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tableToInput } from '../../src/core/layout/input';
import { amountText } from '../../src/core/money';
import { readTables } from '../../src/core/workbook';
import { exportDocx } from '../../src/docx';
import { readWorkbookGrids } from '../../src/xlsx';

const ROOT = path.join(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test-artifacts', 'docx');
const SOFFICE = '/usr/bin/soffice';

jest.setTimeout(300_000);

/** soffice with a profile of its own, so that it never meets another LibreOffice running on the machine. */
function soffice(args: string[]) {
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${path.join(OUT, 'lo-profile')}`, '--headless', ...args, '--outdir', OUT], { stdio: 'ignore', timeout: 240_000 });
}

test('LibreOffice reads every table of the exported seed workbook, and a page renders like the published document', async () => {
  if (!fs.existsSync(SOFFICE)) throw new Error(`${SOFFICE} is missing: apt-get install -y --no-install-recommends libreoffice-writer poppler-utils`);
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const { sheets } = await readWorkbookGrids(path.join(ROOT, 'examples', 'xinzhai-2022.xlsx'));
  const tables = readTables(sheets);
  expect(tables).toHaveLength(10);
  const docx = path.join(OUT, 'xinzhai-2022.docx');
  fs.writeFileSync(docx, await exportDocx(tables.map(tableToInput)));

  soffice(['--convert-to', 'txt:Text', docx]);
  const text = fs.readFileSync(path.join(OUT, 'xinzhai-2022.txt'), 'utf8');
  tables.forEach((t, i) => {
    expect(text).toContain(`${i + 1}.${t.name.text}绩效目标表`);
    expect(text).toContain(t.code.text);
    expect(text).toContain(amountText(t.budget.total.value!));
    expect(text).toContain(amountText(t.budget.fiscal.value!));
    for (const p of t.spendingPlan) expect(text).toContain(p.percent.text);
    for (const ind of t.indicators) expect(text).toContain(ind.value.text);
  });
  expect(text.match(/绩效目标表/g)).toHaveLength(10);
  expect(text.match(/单位：万元/g)).toHaveLength(10);

  soffice(['--convert-to', 'pdf', docx]);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', path.join(OUT, 'xinzhai-2022.pdf'), path.join(OUT, 'page')]);
  const png = fs.readdirSync(OUT).find((f) => /^page-0*1\.png$/.test(f));
  expect(png).toBeDefined();
  expect(fs.statSync(path.join(OUT, png!)).size).toBeGreaterThan(10_000);
});
