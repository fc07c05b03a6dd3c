/**
 * The published document in the browser preview (issue 10), in headless Chromium: the seed's
 * .docx imported through the 新建目标表 tab's file picker (tables and 第一部分 inserted), then
 * 导出公开文档 in the 汇总 tab (asked first: the workbook has an error), the downloaded file
 * re-imported and compared with what the workbook holds.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Browser, Locator, Page, chromium } from 'playwright-core';
import { importDocx } from '../../src/docx';
import { seedTables } from '../support/seed';
import { tableToInput } from '../../src/core/layout/input';
import { readTargetTable } from '../../src/core/layout/reader';
import { writeTargetTable } from '../../src/core/layout/writer';
import { sheetToGrid } from '../../src/core/sheet';
import { TableInput } from '../../src/core/model';
import { StaticServer, serve } from './staticServer';

const ROOT = path.join(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const WEB = process.env.E2E_WEB_DIR ?? path.join(ARTIFACTS, 'web');
const SEED_DOCX = path.join(ROOT, 'test', 'fixtures', 'xinzhai-2022-targets.docx');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const WAIT = { timeout: 20_000 };

let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve(WEB);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.origin}/taskpane.html`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pane = () => page.getByTestId('task-pane');
const tab = (name: string) => pane().getByRole('tab', { name, exact: false });
const expectText = (locator: Locator, text: string) => locator.filter({ hasText: text }).first().waitFor(WAIT);
const inWorkbook = (t: TableInput) => tableToInput(readTargetTable(sheetToGrid(writeTargetTable(t)), 'S')!);

describe('the published document in the preview', () => {
  it('imports the seed .docx: ten tables and the department sheet', async () => {
    await expectText(pane(), '已检查 10 张目标表');
    await tab('新建目标表').click();
    const section = pane().getByTestId('docx-import');
    await section.locator('input[type=file]').setInputFiles(SEED_DOCX);
    await expectText(section, '“xinzhai-2022-targets.docx”中有 10 张绩效目标表 以及第一部分部门整体绩效目标（5 项分项目标）');
    await section.getByRole('button', { name: '插入到工作簿' }).click();
    await expectText(section, '已插入：部门整体绩效目标、');
    await page.getByRole('tablist', { name: '工作表' }).getByRole('tab', { name: '部门整体绩效目标' }).waitFor(WAIT);
    await expectText(pane(), '已检查 20 张目标表');
  });

  it('exports the publication after asking about the errors, and the download reads back as the workbook', async () => {
    await tab('汇总').click();
    const section = pane().getByTestId('docx-export');
    await section.getByRole('button', { name: '导出公开文档' }).click();
    // The seed's S004 twice, and each of the ten codes now used by two tables (T003).
    await expectText(section, '工作簿还有 22 条错误。仍然导出吗？');
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), section.getByRole('button', { name: '仍然导出' }).click()]);
    expect(download.suggestedFilename()).toBe('乐亭县新寨镇人民政府2022年绩效目标公开文档.docx');
    const file = path.join(ARTIFACTS, 'preview-export.docx');
    await download.saveAs(file);
    await expectText(section, '已生成');
    await page.screenshot({ path: path.join(ARTIFACTS, 'docx-export.png') });

    const back = await importDocx(fs.readFileSync(file));
    const fromDocx = await importDocx(fs.readFileSync(SEED_DOCX));
    const expected = [...seedTables().map(inWorkbook), ...fromDocx.tables];
    expect(back.tables).toEqual(expected.map((t, i) => ({ ...t, title: `${i + 1}.${t.name}绩效目标表` })));
    expect(back.department).toEqual(fromDocx.department);
    expect(pageErrors).toEqual([]);
  });

  it('says so clearly when the file is no .docx (a .doc), in Chinese', async () => {
    await tab('新建目标表').click();
    const section = pane().getByTestId('docx-import');
    await section.locator('input[type=file]').setInputFiles({
      name: 'old.doc',
      mimeType: 'application/msword',
      buffer: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]),
    });
    await expectText(section, '这是旧版 Word 97-2003 文档（.doc），请在 Word 中另存为 .docx 后再导入');
  });

  it('edits the department sheet in the form: loaded, a goal added and one numbered twice, rewritten in place; D002 in 检查 with go-to', async () => {
    await tab('新建目标表').click();
    const form = pane().getByTestId('department-form');
    await form.getByRole('button', { name: '载入工作簿中的部门整体绩效目标表' }).click();
    await expectText(form, '已载入“部门整体绩效目标”，修改后点“改写此工作表”');
    await form.getByRole('button', { name: '添加分项目标' }).click();
    await form.getByLabel('分项绩效目标 6 序号').fill('一');
    await form.getByLabel('分项绩效目标 6 内容').fill('推进生态环保建设。');
    await form.getByRole('button', { name: '改写此工作表' }).click();
    await expectText(form, '已改写“部门整体绩效目标”');
    await tab('检查').click();
    const finding = pane().getByText('序号“一”重复（第 1 项已用）');
    await finding.waitFor(WAIT);
    await finding.click();
    await page.screenshot({ path: path.join(ARTIFACTS, 'department-form.png') });
    expect(pageErrors).toEqual([]);
  });
});
