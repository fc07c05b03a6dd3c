/**
 * The task pane in headless Chromium, on the browser preview (the production build, the Excel layer
 * over the in-memory workbook seeded with the ten seed tables): the scenario of a finance officer.
 * Screenshots go to test-artifacts/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Browser, Locator, Page, chromium } from 'playwright-core';
import { StaticServer, serve } from './staticServer';

const ROOT = path.join(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const WEB = process.env.E2E_WEB_DIR ?? path.join(ARTIFACTS, 'web');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Live validation answers an edit within half a second (the issue); the wait allows for a slow machine. */
const LIVE = { timeout: 5_000 };

let server: StaticServer;
let loadedAt = 0;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const foreignRequests: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium fonts-noto-cjk`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve(WEB);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:')) foreignRequests.push(r.url());
  });
  await page.goto(`${server.origin}/taskpane.html`);
  loadedAt = Date.now();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pane = () => page.getByTestId('task-pane');
const tab = (name: string) => pane().getByRole('tab', { name, exact: false });
const findings = (rule: string, sheet?: string): Locator =>
  pane().locator(`${sheet ? `[data-testid="finding-group"][data-sheet="${sheet}"] ` : ''}[data-testid="finding"][data-rule="${rule}"]`);
const gridCell = (address: string) => page.getByRole('grid').locator(`[data-cell="${address}"]`);

/** As an officer does in Excel: click the cell, type (which replaces what it holds), press Enter. */
async function typeIntoGrid(address: string, input: string) {
  await gridCell(address).click();
  await page.keyboard.type(input);
  await page.keyboard.press('Enter');
}

/** The sheet-tab strip shows `name`'s tab whole, and can be scrolled sideways. */
async function expectTabInView(name: string) {
  const strip = page.getByRole('tablist', { name: '工作表' });
  await strip.getByRole('tab', { name, selected: true }).waitFor(LIVE);
  await until(`the tab of ${name} is in view`, async () => {
    const [s, t] = await Promise.all([strip.boundingBox(), strip.getByRole('tab', { name, selected: true }).boundingBox()]);
    return Boolean(s && t && t.x >= s.x - 1 && t.x + t.width <= s.x + s.width + 1);
  });
  expect(await strip.evaluate((el) => getComputedStyle(el).overflowX)).toBe('auto');
}

async function choose(row: Locator, label: string, option: string) {
  await row.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('the browser preview', () => {
  it('opens as a labelled preview of the seed workbook, with the verdict', async () => {
    // The first load on a busy machine may take longer than a live update.
    await page.getByTestId('preview-banner').filter({ hasText: '浏览器预览：未连接 Excel' }).waitFor({ timeout: 60_000 });
    await expectText(pane().getByTestId('verdict'), '不能报送');
    expect(await page.getByRole('tablist', { name: '工作表' }).getByRole('tab').count()).toBe(10);
    await expectText(pane(), '已检查 10 张目标表');
  });

  it('fills a 1280×800 window exactly: no page scrollbar', async () => {
    expect(await page.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.scrollWidth])).toEqual([800, 1280]);
  });

  it('creates the summary and shows the seed totals', async () => {
    await tab('汇总').click();
    await pane().getByRole('button', { name: '生成或更新汇总表' }).click();
    const rows = pane().getByTestId('summary-totals').getByRole('row');
    await rows.first().waitFor();
    const totals = Object.fromEntries(
      (await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')))).filter((r) => r.length === 2),
    );
    expect(totals).toEqual({
      预算数: '291.61',
      财政资金: '291.61',
      其他资金: '0.00',
      '3月底': '72.91',
      '6月底': '144.81',
      '10月底': '216.72',
      '12月底': '288.61',
    });
    await expectText(pane(), '已写入工作表“汇总”，共 10 个项目。');
    await page.getByRole('tablist', { name: '工作表' }).getByRole('tab', { name: '汇总' }).waitFor();
  });

  it('keeps the summary tab’s totals live: 预算数 2→3 shows at once, and the sheet’s stale counts are named', async () => {
    const project1 = '2022年人大之家工作经费';
    const sheetTabs = page.getByRole('tablist', { name: '工作表' });
    await sheetTabs.getByRole('tab', { name: project1 }).click();
    await until('C4 shows 2.00', async () => (await gridCell('C4').textContent()) === '2.00');
    await typeIntoGrid('C4', '3');
    const budget = () => pane().getByTestId('summary-totals').getByRole('row').first().locator('td').textContent();
    await until('the pane’s 预算数 is 292.61', async () => (await budget()) === '292.61');
    await expectText(pane().getByTestId('summary-stale'), project1);
    await typeIntoGrid('C4', '2');
    await until('the pane’s 预算数 is 291.61 again', async () => (await budget()) === '291.61');
    await pane().getByTestId('summary-stale').waitFor({ state: 'detached', ...LIVE });
  });

  it('opens the summary sheet at its top-left corner, row numbers in view', async () => {
    await page.getByRole('tablist', { name: '工作表' }).getByRole('tab', { name: '汇总' }).click();
    await gridCell('A1').waitFor();
    await until('the grid is scrolled to its left edge', async () => (await page.getByRole('grid').evaluate((el) => el.parentElement?.scrollLeft)) === 0);
    expect(await page.getByRole('grid').getByRole('rowheader', { name: '2', exact: true }).isVisible()).toBe(true);
  });

  let sheet = '';

  it('inserts a table filled in the form', async () => {
    await tab('新建目标表').click();
    const form = pane().locator('form').first();
    await form.getByLabel('项目编码').fill('13022522P000X4410099Z');
    await form.getByLabel('项目名称').fill('2022年村级道路养护经费');
    await form.getByLabel('预算数（万元）').fill('12.50');
    await form.getByLabel('其中：财政资金').fill('12.50');
    await form.getByLabel('资金用途').fill('村级道路日常养护');
    for (const [label, value] of [['3月底', '25'], ['6月底', '50'], ['10月底', '75'], ['12月底', '100']]) await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByLabel('绩效目标（每行一条）').fill('道路通行顺畅\n道路完好率保持在95%以上');
    const rows: [string, string, string, string, string][] = [
      ['数量指标', '养护里程', '全年养护村级道路', '≥12公里', '计划标准'],
      ['社会效益指标', '道路完好率', '养护后道路完好', '≥95%', '历史标准'],
      ['服务对象满意度指标', '群众满意度', '沿线群众对养护的满意程度', '≥95%', '行业标准'],
    ];
    for (const [i, [level2, level3, description, value, basis]] of rows.entries()) {
      const row = form.getByTestId(`indicator-row-${i + 1}`);
      await choose(row, '二级指标', level2);
      await row.getByLabel('三级指标').fill(level3);
      await row.getByLabel('绩效指标描述').fill(description);
      await row.getByLabel('指标值', { exact: true }).fill(value);
      await choose(row, '指标值确定依据', basis);
    }
    await expectText(form.getByTestId('form-status'), '没有发现问题');
    await form.getByRole('button', { name: '插入目标表' }).click();
    const inserted = form.getByText(/^已插入工作表：/);
    await inserted.waitFor();
    sheet = ((await inserted.textContent()) ?? '').replace(/^已插入工作表：/, '');
    expect(sheet).toContain('村级道路养护经费');
    await expectTabInView(sheet);
    await expectText(pane(), '已检查 11 张目标表');
  });

  it('reports a decreasing percentage typed into the grid (S003), and forgets it once corrected', async () => {
    await page.getByRole('tablist', { name: '工作表' }).getByRole('tab', { name: sheet }).click();
    await until('C7 shows 50%', async () => (await gridCell('C7').textContent()) === '50%');
    await tab('检查').click();
    expect(await pane().locator('#panel-insert').isVisible()).toBe(false);
    await typeIntoGrid('C7', '20%');
    await findings('S003', sheet).first().waitFor(LIVE);
    expect(await findings('S003', sheet).getAttribute('data-cell')).toBe('C7');
    await expectText(findings('S003', sheet), '6月底累计支出计划20%低于3月底的25%');
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-s003.png') });

    await typeIntoGrid('C7', '50%');
    await findings('S003', sheet).waitFor({ state: 'detached', ...LIVE });
  });

  it('replaces a selected cell with what is typed, then moves down keeping the focus in the grid', async () => {
    await until('E7 shows 100%', async () => (await gridCell('E7').textContent()) === '100%');
    await typeIntoGrid('E7', '90%');
    await until('E7 shows 90%', async () => (await gridCell('E7').textContent()) === '90%');
    // Row 8 is 绩效目标, merged B8:G8: Enter lands on the merged cell, as in Excel.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-cell'));
    await until('B8 has the focus', async () => (await focused()) === 'B8');
    await page.keyboard.press('ArrowUp');
    await until('B7 has the focus', async () => (await focused()) === 'B7');
    await page.keyboard.press('Tab');
    await until('C7 has the focus', async () => (await focused()) === 'C7');
    await typeIntoGrid('E7', '100%');
    await until('E7 shows 100% again', async () => (await gridCell('E7').textContent()) === '100%');
  });

  it('sees a choice from a dropdown (which raises no onChanged) once the selection moves', async () => {
    // The preview models Excel: an entry in a dropdown cell is a choice from its list, not reported as a change.
    await gridCell('G10').click();
    await page.keyboard.press('Delete');
    await page.keyboard.press('ArrowDown');
    await findings('I011', sheet).first().waitFor(LIVE);
    expect(await findings('I011', sheet).getAttribute('data-cell')).toBe('G10');
    // Chinese is typed through an input method, not key presses: edit in place (F2) and type into the editor.
    await gridCell('G10').click();
    await page.keyboard.press('F2');
    await page.keyboard.type('计划标准');
    await page.keyboard.press('Enter');
    await findings('I011', sheet).waitFor({ state: 'detached', ...LIVE });
  });

  it('scrolls the tab of a sheet it goes to into view', async () => {
    const last = '2022年农村定期定量补助';
    await pane().locator(`[data-testid="finding-group"][data-sheet="${last}"] [data-testid="finding"]`).first().getByRole('button').first().click();
    await expectTabInView(last);
  });

  it('applies the S004 quick fix to project 9, and the workbook may then be sent', async () => {
    const s004 = findings('S004');
    expect(await s004.count()).toBe(1);
    const project9 = (await s004.locator('xpath=ancestor::section[@data-sheet]').getAttribute('data-sheet')) ?? '';
    await s004.getByRole('button', { name: /^快速修复：改为累计数：25%、50%、75%、100%/ }).click();
    await findings('S004').waitFor({ state: 'detached', ...LIVE });
    await expectText(pane().getByTestId('verdict'), '可以报送');
    await page.getByRole('tablist', { name: '工作表' }).getByRole('tab', { name: project9 }).click();
    const plan = () => Promise.all(['B7', 'C7', 'D7', 'E7'].map((a) => gridCell(a).textContent()));
    await until('project 9 shows the cumulative plan', async () => (await plan()).join() === '25%,50%,75%,100%');
  });

  it('goes to the cell of a clicked finding', async () => {
    const i010 = findings('I010').first();
    const target = await i010.locator('xpath=ancestor::section[@data-sheet]').getAttribute('data-sheet');
    const cell = await i010.getAttribute('data-cell');
    await i010.getByRole('button').first().click();
    await page.getByRole('tablist', { name: '工作表' }).getByRole('tab', { name: target ?? '', selected: true }).waitFor(LIVE);
    await until(`${cell} is selected`, async () => (await gridCell(cell ?? '').getAttribute('aria-selected')) === 'true');
  });

  it('highlights the finding cells in the sheet only while asked, and puts back what was there', async () => {
    const finding = findings('I010').first();
    const cell = (await finding.getAttribute('data-cell')) ?? '';
    const fill = () => gridCell(cell).evaluate((el) => (el as HTMLElement).style.backgroundColor);
    const before = await fill();
    const highlight = pane().getByRole('switch', { name: '在表格中标出问题单元格' });
    expect(await highlight.isChecked()).toBe(false);
    await highlight.click();
    await until(`${cell} is highlighted`, async () => (await fill()) !== before);
    expect(['rgb(255, 199, 206)', 'rgb(255, 235, 156)', 'rgb(221, 235, 247)']).toContain(await fill());
    await expectText(pane().getByTestId('highlight-reminder'), '报送前请关闭');
    await highlight.click();
    await until(`${cell} has its fill back`, async () => (await fill()) === before);
    expect(await pane().getByTestId('highlight-reminder').count()).toBe(0);
  });

  it('narrows the findings by severity, groups them by rule and quick-fixes a whole rule at once', async () => {
    const all = await pane().locator('[data-testid="finding"]').count();
    await pane().getByTestId('filter-info').click();
    await until('only hints are listed', async () => {
      const severities = await pane().locator('[data-testid="finding"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')));
      return severities.length > 0 && severities.length < all && severities.every((s) => s === 'info');
    });
    await pane().getByTestId('filter-info').click();
    await until('every finding is listed again', async () => (await pane().locator('[data-testid="finding"]').count()) === all);

    await pane().getByRole('radio', { name: '按规则' }).click();
    // The first rule with a quick fix on several findings.
    const group = pane().locator('[data-testid="rule-group"]').filter({ has: page.getByRole('button', { name: /^全部快速修复/ }) }).first();
    const rule = (await group.getAttribute('data-rule')) ?? '';
    const n = await group.locator('[data-testid="finding"]').count();
    expect(n).toBeGreaterThan(1);
    await group.getByRole('button', { name: `全部快速修复（${n} 条）` }).click();
    await expectText(group.getByTestId('fix-all-confirm'), `将修改 ${n} 个单元格`);
    await group.getByRole('button', { name: '确认修复' }).click();
    await findings(rule).first().waitFor({ state: 'detached', ...LIVE });
    await expectText(pane(), `已修改 ${n} 个单元格。`);
    await pane().getByRole('radio', { name: '按工作表' }).click();
  });

  it('is drawn in Chinese at task-pane width', async () => {
    await pane().evaluate((el) => el.scrollTo(0, 0));
    await pane().screenshot({ path: path.join(ARTIFACTS, 'pane-zh.png') });
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-zh.png') });
    const box = await pane().boundingBox();
    expect(box?.width).toBe(350);
  });

  it('switches to English', async () => {
    await pane().getByRole('button', { name: '切换为英文界面' }).click();
    for (const name of ['Insert', 'Check', 'Summary', 'Settings']) await tab(name).waitFor();
    expect(await tabRows(pane())).toBe(1);
    await expectText(pane().getByTestId('verdict'), 'Ready to send');
    await expectText(page.getByTestId('preview-banner'), 'Browser preview: not connected to Excel');
    await tab('Summary').click();
    await pane().getByRole('button', { name: 'Create or update the summary' }).click();
    await expectText(pane().getByTestId('summary-totals'), 'End of December');
    await pane().evaluate((el) => el.scrollTo(0, 0));
    await pane().screenshot({ path: path.join(ARTIFACTS, 'pane-en.png') });
  });

  it('saves a preset in the workbook settings and checks with it at once (lenient: only what the 一体化 system blocks)', async () => {
    const other = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await other.goto(`${server.origin}/taskpane.html`);
    const p = other.getByTestId('task-pane');
    await p.getByTestId('verdict').waitFor();
    const rule = (id: string) => p.locator(`[data-testid="finding"][data-rule="${id}"]`);
    await p.getByRole('tab', { name: '检查', exact: false }).click();
    await rule('I023').first().waitFor(LIVE);
    await p.getByRole('tab', { name: '设置', exact: false }).click();
    await p.getByRole('combobox', { name: '预设' }).selectOption('lenient');
    await p.getByRole('button', { name: '保存' }).click();
    await p.getByText('已保存在工作簿中。').waitFor(LIVE);
    await p.screenshot({ path: path.join(ARTIFACTS, 'pane-settings.png') });
    await p.getByRole('tab', { name: '检查', exact: false }).click();
    await rule('I009').first().waitFor(LIVE);
    expect(await rule('I009').count()).toBe(7);
    expect(await rule('I023').count()).toBe(0);
    expect(await rule('I011').count()).toBe(0);
    expect(await rule('S004').count()).toBe(0);
    await other.close();
  });

  it('fits a 320 px wide pane without sideways scrolling', async () => {
    const narrow = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await narrow.goto(`${server.origin}/taskpane.html`);
    const p = narrow.getByTestId('task-pane');
    await p.getByTestId('verdict').waitFor();
    for (const name of ['新建目标表', '检查', '汇总', '设置']) {
      await p.getByRole('tab', { name, exact: false }).click();
      const overflow = await p.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect({ panel: name, overflow }).toEqual({ panel: name, overflow: 0 });
    }
    expect(await tabRows(p)).toBe(1);
    await p.getByRole('tab', { name: '新建目标表' }).click();
    await p.screenshot({ path: path.join(ARTIFACTS, 'pane-320.png') });
    await narrow.close();
  });

  it('made no request outside its own origin and threw no error', async () => {
    // office.js outside Office would open its telemetry frame 3 s after loading: wait past that.
    await page.waitForTimeout(Math.max(0, loadedAt + 4_000 - Date.now()));
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

async function expectText(locator: Locator, text: string) {
  await locator.filter({ hasText: text }).first().waitFor(LIVE);
}

/** How many lines the pane's tabs take (one, unless they had to wrap). */
async function tabRows(paneLocator: Locator): Promise<number> {
  const tops = await paneLocator.getByRole('tablist').first().getByRole('tab').evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
  return new Set(tops).size;
}

/** Waits until `check` holds (the pane updates asynchronously), failing with `what` after the live timeout. */
async function until(what: string, check: () => Promise<boolean>) {
  const deadline = Date.now() + LIVE.timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
