/** The port over the Excel layer's service, on the preview host: what the host says, and highlighting on and off. */
import { seedTables } from '../../test/support/seed';
import { SETTINGS } from '../excel/marks';
import { createWorkbookService } from '../excel/service';
import { PreviewHostOptions, createPreviewHost } from '../preview';
import { excelPort } from './excelPort';

function setup(options: PreviewHostOptions = {}) {
  const host = createPreviewHost(options);
  const service = createWorkbookService({ run: host.run.bind(host), office: host.office });
  return { host, service, port: excelPort(service) };
}

describe('notices', () => {
  it('are none on a host with every feature and no stored profile', () => {
    expect(setup().port.notices()).toEqual([]);
  });

  it('tell which features an older Excel lacks', () => {
    expect(setup({ apiVersion: '1.12' }).port.notices()).toEqual([
      {
        zh: '此版本的 Excel 缺少部分功能，已自动降级：不读取合并单元格；工作表改名在下次修改时才更新',
        en: 'This version of Excel lacks some features, which are degraded: merged cells are not read; sheet renames show at the next edit',
      },
    ]);
  });

  it('leave out an Excel too old to run the add-in: starting fails with that message instead', () => {
    expect(setup({ apiVersion: '1.6' }).port.notices()).toEqual([]);
  });

  it('tell when the stored profile could not be used, until a profile is saved', async () => {
    const { host, port } = setup();
    host.office.context.document.settings.set(SETTINGS.profile, '{not json');
    expect(port.notices()).toEqual([
      { zh: '工作簿中保存的规则配置不是有效的 JSON，已使用默认配置', en: 'The rule profile stored in the workbook is not valid JSON; the defaults apply' },
    ]);
    await port.saveProfile(await port.loadProfile());
    expect(port.notices()).toEqual([]);
  });
});

describe('setHighlights', () => {
  it('colours the findings, then puts back exactly what was there', async () => {
    const { host, service, port } = setup();
    const [name] = await service.insertTables([seedTables()[0]]);
    const before = host.snapshot()[name];
    const { findings } = await service.readAndValidate();
    const cell = findings.find((f) => f.sheet === name && f.severity === 'info')!.cell;
    expect(port.highlighted()).toBe(false);
    await port.setHighlights(true, findings);
    expect(host.cell(name, cell).fill).toBe('#DDEBF7');
    // A pane reloaded over the same workbook knows the colours are still there.
    const reloaded = excelPort(createWorkbookService({ run: host.run.bind(host), office: host.office }));
    expect(reloaded.highlighted()).toBe(true);
    await reloaded.setHighlights(false, []);
    expect(host.snapshot()[name]).toEqual(before);
    expect(port.highlighted()).toBe(false);
  });

  it('fails with the host’s message where Excel cannot highlight', async () => {
    const { port } = setup({ apiVersion: '1.8' });
    await expect(port.setHighlights(true, [])).rejects.toMatchObject({
      hostMessage: { en: 'This version of Excel cannot highlight findings in cells (it needs ExcelApi 1.9)' },
    });
  });
});
